// The build's pages as a reader gets them before, without, and with the app: each view
// prerendered at its own path, readable with JavaScript off, hydrated without a
// mismatch, and every link of the old #/ form still landing where it used to.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, VIEWS, linkTo, openView } from '../fixtures.mjs';

const DIST = new URL('../../../dist/', import.meta.url);

test('without JavaScript each view shows its heading, a fact of the article and links that work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const view of VIEWS) {
    await page.goto(linkTo(view.id));
    await expect(page.locator('h1'), view.id).toHaveText(view.title);
    await expect(page.getByText(view.fact, { exact: false }).first(), view.id).toBeVisible();
  }
  // Plain links: the navigation, a section anchor, the pager.
  await page.goto('./');
  await page.locator('.site-nav a', { hasText: 'SRE' }).click();
  await expect(page).toHaveURL(/\/sre\/$/);
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await page.locator('nav.contents a', { hasText: 'Toil' }).first().click();
  await expect(page).toHaveURL(/\/sre\/#toil$/);
  await expect(page.locator('#section-toil')).toBeInViewport();
  await page.locator('.pager a[rel="next"]').click();
  await expect(page.locator('h1')).toHaveText('What is DevSecOps?');
  await context.close();
});

test('without JavaScript each widget shows its first state and says what it needs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const widgets = [
    ['devops', '.calms [role="tab"][aria-selected="true"]', 'Culture'],
    ['devsecops', '.pipeline', 'Plan'],
    ['sre', '.budget table', '43m 12s'],
    ['quiz', '.quiz', 'Start the assessment'],
    ['career', '.career-question', 'cloud operations'],
  ];
  for (const [view, css, shows] of widgets) {
    await page.goto(linkTo(view));
    const widget = page.locator(css).first();
    await expect(widget, view).toBeVisible();
    await expect(widget, view).toContainText(shows);
    const frame = page.locator('.interactive').filter({ has: page.locator(css) }).first();
    await expect(frame.locator('.needs-script'), view).toBeVisible();
  }
  await context.close();
});

test('the page the build prerendered is the one the app hydrates: no warning, nothing redrawn', async ({ page }) => {
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  for (const view of VIEWS) {
    await page.goto(linkTo(view.id));
    // Marks the prerendered heading: hydration keeps the element, a fresh render would replace it.
    const heading = await page.locator('h1').elementHandle();
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
    expect(await heading.evaluate((h) => h.isConnected), `${view.id}: the prerendered heading is kept`).toBe(true);
    await expect(page.locator('.needs-script').first()).toBeHidden();
  }
  expect(messages.filter((m) => /hydrat|mismatch|panicked/i.test(m))).toEqual([]);
});

test('every link of the old #/ form lands where it used to', async ({ page }) => {
  const cases = [
    ['#/sre', /\/sre\/$/, 'What is SRE?'],
    ['#/SRE/toil', /\/sre\/#toil$/, 'What is SRE?'],
    ['#/overview', /\/$/, 'DevOps, SRE and DevSecOps at a glance'],
    ['#/devops/calms/lean', /\/devops\/#calms\/lean$/, 'What is DevOps?'],
    ['#/career/path-finder/1-1-2-1', /\/career\/#path-finder\/1-1-2-1$/, 'Choosing your path'],
    ['#/quiz/assessment?seed=42', /\/quiz\/#assessment\?seed=42$/, 'Test yourself'],
  ];
  for (const [old, url, title] of cases) {
    await page.goto(`/${old}`);
    await expect(page, old).toHaveURL(url);
    await expect(page.locator('h1').first()).toHaveText(title);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
  }
  await expect(page.locator('.quiz-prompt')).toBeVisible();
  await page.goto('/#/devops/calms/lean');
  await expect(page.getByRole('tab', { name: /Lean/ })).toHaveAttribute('aria-selected', 'true');
  await page.goto('/#/sre/toil');
  await expect(page.locator('#section-toil')).toBeInViewport();
});

test('an unknown path gets the not-found page, with a way to every view', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('.not-found')).toContainText('/no/such/page');
  await page.locator('.not-found a', { hasText: 'What is SRE?' }).click();
  await expect(page.locator('h1')).toHaveText('What is SRE?');
});

test('every file but the pages, the worker, its kill switch and the host script is named by its content', () => {
  const files = (dir, prefix = '') =>
    readdirSync(new URL(dir, DIST), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(`${dir}${entry.name}/`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
  // A language's pages sit in its folder (`zh-TW/sre/index.html`, `embed-calms.zh-TW.html`).
  const fixedNames = /^(index\.html|([A-Za-z-]+\/){1,2}index\.html|404\.html|embed-[a-z]+(\.[A-Za-z-]+)?\.html|sw\.js|sw-remove\.js|embed\.js|_headers)$/;
  for (const file of files('')) {
    if (fixedNames.test(file)) continue;
    // Sixteen hex digits, but Trunk writes its own hash (the wasm, the glue, the
    // stylesheet) without leading zeros: one build in sixteen has fifteen.
    expect(file, `${file} carries a hash of its content`).toMatch(/-[0-9a-f]{12,16}(_bg)?\.|-[0-9a-f]{12,16}\//);
  }
  // The root page loads only files of its own build.
  const head = readFileSync(new URL('index.html', DIST), 'utf8').split('</head>')[0];
  for (const [, url] of head.matchAll(/(?:href=|src=|module_or_path: |from )["']\.\/([^"'#]+)["']/g)) {
    expect(readdirSync(DIST, { recursive: true }).map(String), url).toContain(url);
  }
});
