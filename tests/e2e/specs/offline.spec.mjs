// Offline after one visit, and new versions offered at a good moment: the service
// worker, on the release build.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { test, expect, openView, axe, VIEWS } from '../fixtures.mjs';
import { bank, prompt, shown, answer, next } from '../quiz.mjs';
import { serve, serveMany } from '../serve.mjs';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has precached the build and controls the page. */
async function controlledByServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

test('after one online visit, every view and a quiz work offline, with progress saved', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openView(page, 'overview');
  await controlledByServiceWorker(page);
  const questions = await bank(page);

  await context.setOffline(true);
  await page.reload();
  for (const view of VIEWS) {
    await openView(page, view.id);
    await expect(page.locator('h1')).toHaveText(view.title);
    await expect(page.locator('main')).toContainText(view.fact);
  }

  // The quiz was never opened online: its bundle and bank come from the precache.
  await openView(page, 'quiz/practice/sre?seed=11');
  await answer(page, await shown(page, questions), true);
  await expect(page.locator('.quiz-verdict')).toHaveText('Right.');
  await next(page);
  const second = await prompt(page).textContent();
  await page.reload();
  await expect(page.locator('.quiz-count')).toHaveText('Question 2 of 10');
  await expect(prompt(page)).toHaveText(second);
  await openView(page, 'quiz');
  await expect(page.getByRole('link', { name: 'Resume: question 2 of 10' })).toBeVisible();
});

test('a reader of Chinese caches Chinese alone, and reads every Chinese view offline', async ({ page, context }) => {
  test.setTimeout(120_000);
  const fetched = [];
  context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('zh-TW/sre/');
  await controlledByServiceWorker(page);
  const worker = await readFile(new URL('../../../dist/sw.js', import.meta.url), 'utf8');
  const english = [...worker.matchAll(/url: '([^']+)', revision: '[^']+', immutable: \w+, locale: 'en'/g)].map((m) => `/${m[1]}`);
  expect(english.length, 'the worker lists the English files as English').toBeGreaterThan(5);
  expect(fetched.filter((path) => english.includes(path)), 'no English file was fetched').toEqual([]);
  // The worker's own fetches are seen: the Chinese bank, which this view never loads, came.
  expect(fetched.some((path) => /^\/quiz-zh-TW-[0-9a-f]{16}\.json$/.test(path)), fetched.join(' ')).toBe(true);

  await context.setOffline(true);
  for (const view of ['', 'devops/', 'sre/', 'quiz/', 'career/']) {
    await page.goto(`zh-TW/${view}`);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  }
  await expect(page.locator('h1')).toHaveText('選擇你的職涯路徑');
});

test('a first visit from a browser that prefers Chinese, at the root, caches Chinese and not English', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'zh-TW', serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4173/');
  await expect(page).toHaveURL(/\/zh-TW\/$/);
  await controlledByServiceWorker(page);
  const worker = await readFile(new URL('../../../dist/sw.js', import.meta.url), 'utf8');
  const wasm = (locale) => worker.match(new RegExp(`url: '([^']+_bg\\.wasm)', revision: '[^']+', immutable: \\w+, locale: '${locale}'`))[1];
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain(`/${wasm('zh-TW')}`);
  expect(cached).not.toContain(`/${wasm('en')}`);
  expect(cached).toContain('/404.html');
  await context.setOffline(true);
  await page.goto('http://127.0.0.1:4173/zh-TW/career/');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
  await expect(page.locator('h1')).toHaveText('選擇你的職涯路徑');
  await context.close();
});

test.describe('a new version', () => {
  let dist;
  let server;
  let origin;

  test.beforeEach(async () => {
    // A copy of the build, so that this test can deploy a "new version" of it.
    dist = await mkdtemp(join(tmpdir(), 'ops-trio-dist-'));
    await cp(fileURLToPath(new URL('../../../dist', import.meta.url)), dist, { recursive: true });
    server = await serve(dist);
    origin = `http://127.0.0.1:${server.address().port}/`;
  });

  test.afterEach(async () => {
    server.close();
    await rm(dist, { recursive: true, force: true });
  });

  /** Deploys a build in which `embed.js` changed: new bytes, new revision. */
  async function deployChangedEmbedScript() {
    const script = join(dist, 'embed.js');
    const bytes = `${await readFile(script, 'utf8')}\n// version 2\n`;
    await writeFile(script, bytes);
    await listRevision('embed.js', revisionOf(bytes));
  }

  /** The revision post-build gives a file: the first 16 hex digits of its SHA-256. */
  const revisionOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

  /** Lists `url` in the deployed sw.js with this revision. */
  async function listRevision(url, revision) {
    const worker = join(dist, 'sw.js');
    const text = await readFile(worker, 'utf8');
    const pattern = new RegExp(`(url: '${url.replace('.', '\\.')}', revision: ')[0-9a-f]+'`);
    const changed = text.replace(pattern, `$1${revision}'`);
    expect(changed, `sw.js lists ${url} with a new revision`).not.toEqual(text);
    await writeFile(worker, changed);
  }

  const checkForUpdate = (page) =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  test('is offered once installed, never mid-quiz, and Reload applies it and drops old caches', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(origin);
    await controlledByServiceWorker(page);
    // A cache left by an older layout of the worker, which activation must delete.
    await page.evaluate(async () => (await caches.open('ops-trio-v0')).put('old', new Response('old')));
    const banner = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await expect(banner).toHaveCount(0);

    // The reader is taking a quiz when the new version arrives.
    await page.goto(`${origin}quiz/#practice/sre?seed=4`);
    await expect(prompt(page)).toBeVisible();
    await deployChangedEmbedScript();
    await checkForUpdate(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null);
    await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);

    // Back on an article, it is offered, in sight wherever the reader has scrolled.
    await page.goto(`${origin}sre/`);
    await expect(banner).toBeInViewport();
    await page.mouse.wheel(0, 3000);
    await expect(banner).toBeInViewport();
    expect((await axe(page).analyze()).violations).toEqual([]);
    // "Not now" puts it off until the next page load.
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
    await page.reload();
    await expect(banner).toBeVisible();
    // Reload brings the new version in.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.locator('h1')).toHaveText('What is SRE?');
    await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
    expect(await page.evaluate(async () => (await fetch('embed.js')).text())).toContain('// version 2');

    const caches = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return {
        names: await caches.keys(),
        embedScripts: (await cache.keys()).map((r) => r.url).filter((url) => url.includes('/embed.js')),
      };
    }, `ops-trio-precache:${origin}`);
    expect(caches.names, 'one cache, named after its registration').toEqual([`ops-trio-precache:${origin}`]);
    const revision = revisionOf(await readFile(join(dist, 'embed.js')));
    expect(caches.embedScripts).toEqual([`${origin}embed.js?__rev=${revision}`]);
  });

  test('a file whose bytes are not its revision fails the install, and the version in place stays', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(origin);
    await controlledByServiceWorker(page);
    // The host answers embed.js with a page, as a fallback rule would.
    await writeFile(join(dist, 'embed.js'), '<!doctype html><title>Not found</title>');
    await listRevision('embed.js', revisionOf('the script that was meant to be deployed'));
    const installed = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update().catch(() => {});
      const worker = registration.installing;
      if (!worker) return 'no install';
      return new Promise((done) => worker.addEventListener('statechange', () => {
        if (worker.state === 'redundant' || worker.state === 'installed') done(worker.state);
      }));
    });
    expect(installed).toBe('redundant');
    expect(await page.evaluate(async () => (await fetch('embed.js')).text())).toContain('ops-trio:height');
  });

  test('on a page whose app failed to start, a new version is applied at once, unasked', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${origin}sre/`);
    await controlledByServiceWorker(page);
    // As the page's error handler marks it when the wasm does not start.
    await page.evaluate(() => document.documentElement.setAttribute('data-app-failed', ''));
    await deployChangedEmbedScript();
    await Promise.all([
      page.waitForEvent('load'),
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update()),
    ]);
    await expect(page.locator('h1')).toHaveText('What is SRE?');
    expect(await page.evaluate(async () => (await fetch('embed.js')).text())).toContain('// version 2');
  });

  test('the kill switch, published as sw.js, takes the worker and its caches away', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(origin);
    await controlledByServiceWorker(page);
    await cp(join(dist, 'sw-remove.js'), join(dist, 'sw.js'));
    await Promise.all([
      page.waitForEvent('load'),
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update()),
    ]);
    await expect(page.locator('h1')).toHaveText(VIEWS[0].title);
    expect(await page.evaluate(async () => ({
      registration: (await navigator.serviceWorker.getRegistration()) ?? null,
      caches: await caches.keys(),
    }))).toEqual({ registration: null, caches: [] });
  });
});

test.describe('behind a host that redirects to pretty URLs, as Cloudflare Pages does', () => {
  let server;
  let origin;

  test.beforeEach(async () => {
    server = await serve(fileURLToPath(new URL('../../../dist', import.meta.url)), 0, { prettyUrls: true });
    origin = `http://127.0.0.1:${server.address().port}/`;
  });

  test.afterEach(() => server.close());

  test('every page, an embed page and the not-found page still load offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    // The host sends /index.html to / and /embed-calms.html to /embed-calms.
    const redirected = await page.request.get(`${origin}embed-calms.html`, { maxRedirects: 0 });
    expect(redirected.status()).toBe(308);
    await page.goto(origin);
    await controlledByServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText(VIEWS[0].title);
    await page.goto(`${origin}sre/`);
    await expect(page.locator('h1')).toHaveText('What is SRE?');
    await page.goto(`${origin}embed-calms`);
    await expect(page.locator('.calms').first()).toBeVisible();
    await page.goto(`${origin}index.html`);
    await expect(page.locator('h1')).toHaveText(VIEWS[0].title);
    await page.goto(`${origin}nowhere/`);
    await expect(page.locator('h1')).toHaveText('Page not found');
  });
});

test('two copies of the module on one origin keep their offline files apart', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dist = fileURLToPath(new URL('../../../dist', import.meta.url));
  const server = await serveMany({ '/a/': dist, '/b/': dist });
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    await page.goto(`${origin}/a/`);
    await controlledByServiceWorker(page);
    const other = await context.newPage();
    await other.goto(`${origin}/b/`);
    await controlledByServiceWorker(other);
    await other.close();
    await context.setOffline(true);
    await page.goto(`${origin}/a/sre/`);
    await expect(page.locator('h1')).toHaveText('What is SRE?');
    const names = await page.evaluate(() => caches.keys());
    expect(names.sort()).toEqual([`ops-trio-precache:${origin}/a/`, `ops-trio-precache:${origin}/b/`]);
  } finally {
    server.close();
  }
});
