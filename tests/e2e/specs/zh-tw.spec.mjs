// The module in Traditional Chinese (zh-TW), as a reader who reads only Chinese uses
// it: every view in its own folder (`zh-TW/sre/`), the lab's figures, a whole quiz,
// the language switch, a shared link, the first visit's choice, axe in both themes,
// and a 320 px screen.
import { readFileSync } from 'node:fs';
import { test, expect, axe } from '../fixtures.mjs';
import { bank, shown, answer, next, prompt, CHINESE } from '../quiz.mjs';
import { BANK_ZH_TW } from '../bank.mjs';
import { singleFileUrl } from '../single-file.mjs';

const CONTENT = new URL('../../../assets/content/zh-TW/', import.meta.url);
const VIEW_IDS = readFileSync(new URL('index.toml', CONTENT), 'utf8').match(/^views\s*=\s*\[([^\]]*)\]/m)[1].match(/[\w-]+/g);

/** A view's title and lede, from its zh-TW file: what its page must show. */
function view(id) {
  const text = readFileSync(new URL(`views/${id}.toml`, CONTENT), 'utf8');
  const field = (name) => JSON.parse(text.match(new RegExp(`^${name} = (".*")$`, 'm'))[1]);
  return { id, title: field('title'), lede: field('lede'), path: id === 'overview' ? 'zh-TW/' : `zh-TW/${id}/` };
}
const VIEWS = VIEW_IDS.map(view);

/** Opens a zh-TW page and waits for its app to hydrate it. */
async function open(page, path) {
  await page.goto(path);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
}

test('every view in Chinese shows its heading, its lede and links that keep the language', async ({ page }) => {
  test.setTimeout(90_000);
  for (const { path, title, lede } of VIEWS) {
    await open(page, path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.locator('main')).toContainText(lede);
    await expect(page.getByRole('navigation', { name: '語言' })).toContainText('English');
  }
  // In-app navigation stays in Chinese, without a reload.
  await open(page, 'zh-TW/sre/');
  await page.evaluate(() => { window.__samePage = true; });
  await page.locator('.site-nav a', { hasText: '職涯' }).click();
  await expect(page).toHaveURL(/\/zh-TW\/career\/$/);
  await expect(page.locator('h1')).toHaveText(view('career').title);
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test('the lab at 99.9% writes its downtimes and budget in Chinese', async ({ page }) => {
  await open(page, 'zh-TW/sre/');
  const rows = page.locator('.budget-downtime tbody tr');
  await expect(rows).toHaveText([
    /一天\s*1 分 26 秒/,
    /一週\s*10 分 5 秒/,
    /一個月（30 天）\s*43 分 12 秒/,
    /一季（¼ 年）\s*2 小時 11 分 29 秒/,
    /一年（365\.2425 天）\s*8 小時 45 分 57 秒/,
  ]);
  await expect(page.locator('.budget')).toContainText('錯誤預算：有 0.1% 的時間或請求可以失敗。');
});

test('a practice quiz in Chinese runs from start to results', async ({ page }) => {
  await open(page, 'zh-TW/quiz/#practice/devsecops?seed=11');
  const questions = await bank(page, BANK_ZH_TW);
  const count = page.locator('.quiz-count');
  await expect(count).toHaveText(/^第 1 題，共 (\d+) 題$/);
  const total = Number((await count.textContent()).match(/共 (\d+) 題/)[1]);
  for (let n = 1; n <= total; n++) {
    await expect(count).toHaveText(`第 ${n} 題，共 ${total} 題`);
    const question = await shown(page, questions);
    await answer(page, question, true, { labels: CHINESE });
    await expect(page.locator('.quiz-verdict')).toHaveText('答對了。');
    await next(page, CHINESE);
  }
  await expect(page.locator('#quiz-results-title')).toHaveText('你的成績');
  await expect(page.locator('.quiz-score-list li')).toHaveText(['DevSecOps：100%']);
});

test('the switch keeps the view and the section, and the choice is remembered', async ({ page }) => {
  await open(page, 'zh-TW/sre/#error-budget');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/sre\/\?lang=en#error-budget$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await page.getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(/\/zh-TW\/sre\/\?lang=zh-TW#error-budget$/);
  await expect(page.locator('h1')).toHaveText('什麼是 SRE？');
  // Chosen once, kept: a link without a language now opens in Chinese.
  await open(page, 'devops/');
  await expect(page).toHaveURL(/\/zh-TW\/devops\/$/);
});

test('a shared zh-TW link opens in Chinese in an English browser, and an English one follows the browser', async ({ browser }) => {
  const english = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await english.newPage();
  await open(page, 'http://127.0.0.1:4173/zh-TW/career/');
  await expect(page.locator('h1')).toHaveText(view('career').title);
  await open(page, 'http://127.0.0.1:4173/career/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await english.close();
  // A first visit from a browser that prefers Traditional Chinese.
  const chinese = await browser.newContext({ locale: 'zh-TW', serviceWorkers: 'block' });
  const first = await chinese.newPage();
  await open(first, 'http://127.0.0.1:4173/sre/');
  await expect(first).toHaveURL(/\/zh-TW\/sre\/$/);
  await chinese.close();
  // Simplified Chinese is not Traditional: that browser keeps English.
  const simplified = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const other = await simplified.newPage();
  await open(other, 'http://127.0.0.1:4173/sre/');
  await expect(other).toHaveURL(/127\.0\.0\.1:4173\/sre\/$/);
  await simplified.close();
});

test('an embed takes lang=zh-TW', async ({ page }) => {
  await page.goto('embed-budget.html?lang=zh-TW');
  await expect(page).toHaveURL(/embed-budget\.zh-TW\.html\?lang=zh-TW$/);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
  await expect(page.locator('.budget-downtime tbody tr').first()).toContainText('1 分 26 秒');
});

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing on any view in Chinese, ${theme} theme`, async ({ page }) => {
    // Eight views, each scanned whole: longer than one test's default on a busy machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    for (const { id, path } of VIEWS) {
      await open(page, path);
      await page.screenshot({ path: `../../target/screenshots/zh-TW-${id}-${theme}.png` });
      const { violations } = await axe(page).analyze();
      expect(violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    }
  });
}

test('no view in Chinese scrolls sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const { id, path } of VIEWS) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `../../target/screenshots/zh-TW-${id}-320.png` });
  }
});

test('with storage that throws, the switch still leads to English for a browser that prefers Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-TW', serviceWorkers: 'block' });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await context.newPage();
  await open(page, 'http://127.0.0.1:4173/sre/');
  await expect(page).toHaveURL(/\/zh-TW\/sre\/$/);
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
  await expect(page).toHaveURL(/127\.0\.0\.1:4173\/sre\/\?lang=en$/);
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await context.close();
});

test('a lang the module does not have, or a broken one, leaves the page where it is', async ({ page }) => {
  for (const query of ['?lang=x-default', '?lang=%E0', '?lang=fr', '?lang=ZH-tw']) {
    await open(page, `sre/${query}`);
    const url = page.url();
    if (query === '?lang=ZH-tw') {
      // A tag in any case is the language it names.
      expect(url).toMatch(/\/zh-TW\/sre\/\?lang=ZH-tw$/);
    } else {
      expect(url.endsWith(`/sre/${query}`), url).toBe(true);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
  }
});

test('progress belongs to the reader: a quiz begun in English resumes in Chinese, at the same question', async ({ page }) => {
  await open(page, 'quiz/#practice/devsecops?seed=5');
  const english = await bank(page);
  await answer(page, await shown(page, english), true);
  await next(page);
  const secondId = (await shown(page, english)).id;
  await open(page, 'zh-TW/quiz/');
  await page.getByRole('link', { name: '繼續作答：第 2 題，共 10 題' }).click();
  const chinese = await bank(page, BANK_ZH_TW);
  await expect(prompt(page)).toHaveText(chinese.find((q) => q.id === secondId).prompt);
});

test('the Chinese single file works from file://: every view, and a quiz from its own bank', async ({ page }) => {
  const url = await singleFileUrl('zh-TW');
  const requests = [];
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) requests.push(request.url());
  });
  await page.goto(`${url}#/overview`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  for (const { id, title } of VIEWS) {
    await page.goto(`${url}#/${id}`);
    await expect(page.locator('h1')).toHaveText(title);
  }
  await page.goto(`${url}#/quiz/practice/devops?seed=3`);
  const questions = await page.evaluate(() => JSON.parse(document.querySelector('script[id^="quiz-zh-TW-"]').textContent).questions);
  await answer(page, await shown(page, questions), true, { labels: CHINESE });
  await expect(page.locator('.quiz-verdict')).toHaveText('答對了。');
  expect(requests).toEqual([]);
});
