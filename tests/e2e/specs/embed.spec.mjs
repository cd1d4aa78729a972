import { test, expect, axe } from '../fixtures.mjs';
import { bank, shown, answer, next } from '../quiz.mjs';

const APP = 'http://127.0.0.1:4173/';
const HOST = 'http://127.0.0.1:4174/';
const STRICT = 'allow-scripts';
const TITLES = {
  calms: 'The CALMS wheel',
  pipeline: 'The shift-left pipeline',
  budget: 'The error-budget lab',
  quiz: 'Test yourself on DevOps, SRE and DevSecOps',
  career: 'Find your path: DevOps, SRE or DevSecOps?',
};

const host = (widgets, { sandbox, query } = {}) => {
  const params = new URLSearchParams({ app: APP, widgets: widgets.join(',') });
  if (sandbox) params.set('sandbox', sandbox);
  if (query) params.set('query', query);
  return `${HOST}?${params}`;
};

test('each widget shows alone in an iframe on another site, sized to its content', async ({ page }) => {
  await page.goto(host(Object.keys(TITLES)));
  for (const [widget, title] of Object.entries(TITLES)) {
    // Chromium pauses rendering in cross-origin frames out of view, and with it their
    // resize reports: a reader scrolls to a widget before it matters, and so does this.
    await page.locator(`#${widget}`).scrollIntoViewIfNeeded();
    const frame = page.frameLocator(`#${widget}`);
    await expect(frame.locator('h1')).toHaveText(title);
    await expect(frame.locator('.site-header, .site-nav')).toHaveCount(0);
    await expect(frame.getByRole('link', { name: 'Open the full Ops Trio module' })).toBeVisible();
    // The host script has taken the height the widget reports: no inner scrollbar.
    await expect
      .poll(async () => {
        const inner = await page.frame({ url: new RegExp(`embed-${widget}\\.html`) }).evaluate(() => ({
          content: document.documentElement.scrollHeight,
          view: window.innerHeight,
        }));
        return inner.content - inner.view;
      }, { timeout: 10_000 })
      .toBeLessThanOrEqual(0);
    expect((await page.locator(`#${widget}`).boundingBox()).height).toBeGreaterThan(300);
  }
});

test('the height follows the widget when it grows', async ({ page }) => {
  await page.goto(host(['pipeline']));
  const iframe = page.locator('#pipeline');
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(300);
  const before = (await iframe.boundingBox()).height;
  const frame = page.frameLocator('#pipeline');
  await frame.getByRole('radio', { name: /SQL injection/ }).check();
  await expect(frame.locator('.pipeline-result')).toBeVisible({ timeout: 10_000 });
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(before);
});

test('in a sandbox with scripts only, every widget works and the quiz says it cannot save', async ({ page }) => {
  await page.goto(host(Object.keys(TITLES), { sandbox: STRICT }));
  // Each iframe grows to its page's height as it reports it, moving the ones below:
  // let every widget's app start before clicking any.
  for (const widget of Object.keys(TITLES)) {
    await page.locator(`#${widget}`).scrollIntoViewIfNeeded();
    await expect(page.frameLocator(`#${widget}`).locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 15_000 });
  }
  const calms = page.frameLocator('#calms');
  await calms.locator('[role="tab"][aria-label="L Lean"]').click();
  await expect(calms.locator('#calms-panel h2')).toHaveText('LLean');
  const budget = page.frameLocator('#budget');
  await budget.getByRole('button', { name: '99.99%' }).click();
  await expect(budget.locator('.budget-slo-value')).toHaveText('99.99%');
  const quiz = page.frameLocator('#quiz');
  await expect(quiz.locator('.quiz .notice')).toContainText('progress will not be saved');
  await quiz.locator('.quiz').getByRole('link', { name: 'SRE', exact: true }).click();
  await expect(quiz.locator('.quiz-prompt')).toBeVisible();
  // The quiz's links are fragments of its own page: the frame stays the widget alone.
  expect(page.frame({ url: /embed-quiz\.html/ }), 'the quiz frame is still its embed page').toBeTruthy();
  await expect(quiz.locator('.site-nav')).toHaveCount(0);
  const career = page.frameLocator('#career');
  await career.getByRole('button', { name: 'Not sure yet' }).click();
  await expect(career.locator('.career-result h2')).toHaveText('Your path: DevOps');
});

test('a quiz embedded on a topic opens on it, and a reload resumes it where the reader was', async ({ page }) => {
  await page.goto(host(['quiz'], { query: 'topic=devsecops/build' }));
  const quiz = page.frameLocator('#quiz');
  await expect(quiz.locator('.quiz-count')).toHaveText(/Question 1 of \d+/);
  // The quiz's own helpers drive the frame as they drive a page.
  await answer(quiz, await shown(quiz, await bank(page)), true);
  await next(quiz);
  const second = await quiz.locator('.quiz-prompt').textContent();
  await page.reload();
  await expect(quiz.locator('.quiz-count')).toHaveText(/Question 2 of \d+/);
  await expect(quiz.locator('.quiz-prompt')).toHaveText(second);
});

test('an unknown widget gets a friendly panel that lists the real ones', async ({ page }) => {
  await page.goto(`${APP}?embed=kanban`);
  await expect(page.locator('h1')).toHaveText('Widget not found');
  await expect(page.getByText('“kanban” is not a widget Ops Trio can embed.')).toBeVisible();
  await expect(page.locator('.embed-unknown li a')).toHaveText(['calms', 'pipeline', 'budget', 'quiz', 'career']);
  await page.getByRole('link', { name: 'budget' }).click();
  await expect(page.locator('h1')).toHaveText('The error-budget lab');
});

test('theme and language come from the query, and unknown ones fall back quietly', async ({ page }) => {
  await page.goto(`${APP}embed-calms.html?theme=dark&lang=en`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto(`${APP}embed-calms.html?theme=sepia&lang=klingon`);
  await expect(page.locator('h1')).toHaveText('The CALMS wheel');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('the Embed button gives a sandboxed, lazy, titled snippet', async ({ page }) => {
  await page.goto(`${APP}#/sre/error-budget`);
  await page.getByRole('button', { name: 'Embed this widget' }).click();
  const code = await page.getByLabel('Paste this into your page').inputValue();
  expect(code).toContain(`<iframe src="${APP}embed-budget.html"`);
  expect(code).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"');
  expect(code).toContain('loading="lazy"');
  expect(code).toContain('title="Ops Trio: The error-budget lab"');
  expect(code).toMatch(new RegExp(`<script src="${APP}embed\\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous" async></script>`));
});

test('pasted into a blog, the snippet runs its host script and lets Export work in its sandbox', async ({ page }) => {
  await page.goto(`${APP}sre/`);
  await page.getByRole('button', { name: 'Embed this widget' }).first().click();
  const budget = await page.getByLabel('Paste this into your page').first().inputValue();
  const code = budget.replace('embed-budget.html', 'embed-quiz.html');
  await page.goto(`${HOST}?${new URLSearchParams({ snippet: code })}`);
  const iframe = page.locator('iframe');
  // The host script ran, its integrity matching: the frame takes its widget's height.
  await expect.poll(async () => (await iframe.boundingBox()).height, { timeout: 10_000 }).not.toBe(720);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.quiz-home-title')).toBeVisible();
  const download = page.waitForEvent('download', { timeout: 10_000 });
  await frame.getByRole('button', { name: 'Export progress' }).click();
  expect((await download).suggestedFilename()).toBe('ops-trio-progress.json');
});

test('the host script sizes only the frames of its module, from their origin, within bounds', async ({ page }) => {
  await page.goto(host(['calms']));
  const calms = page.locator('#calms');
  await expect.poll(async () => (await calms.boundingBox()).height).toBeGreaterThan(300);
  // A frame of the blog's own origin claims a height: it is not the module's.
  await page.evaluate(() => new Promise((done) => {
    const frame = document.createElement('iframe');
    frame.id = 'foreign';
    frame.style.height = '150px';
    frame.srcdoc = '<script>parent.postMessage({ type: "ops-trio:height", height: 4000 }, "*")<\/script>';
    frame.onload = () => setTimeout(done, 200);
    document.body.append(frame);
  }));
  expect(await page.locator('#foreign').evaluate((frame) => frame.style.height)).toBe('150px');
  // The module's frame claiming an absurd height is held to 20,000 px.
  await page.frame({ url: /embed-calms/ }).evaluate(() => parent.postMessage({ type: 'ops-trio:height', height: 1e9 }, '*'));
  await expect.poll(() => calms.evaluate((frame) => frame.style.height)).toBe('20000px');
});

for (const widget of Object.keys(TITLES)) {
  test(`axe finds no violation in embed mode: ${widget}`, async ({ page }) => {
    await page.goto(`${APP}embed-${widget}.html`);
    await expect(page.locator('h1')).toHaveText(TITLES[widget]);
    if (widget === 'quiz') await expect(page.locator('.quiz-home-title')).toBeVisible();
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}
