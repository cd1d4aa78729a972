// Offline after one visit, and new versions offered at a good moment: the service
// worker, on the release build.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { test, expect, openView, axe, VIEWS } from '../fixtures.mjs';
import { bank, prompt, shown, answer, next } from '../quiz.mjs';
import { serve } from '../serve.mjs';

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
    await writeFile(script, `${await readFile(script, 'utf8')}\n// version 2\n`);
    const worker = join(dist, 'sw.js');
    const text = await readFile(worker, 'utf8');
    const changed = text.replace(/(url: 'embed\.js', revision: ')[0-9a-f]+'/, "$1version2'");
    expect(changed, 'sw.js lists embed.js with a revision').not.toEqual(text);
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

    const caches = await page.evaluate(async () => {
      const cache = await caches.open('ops-trio-precache');
      return {
        names: await caches.keys(),
        embedScripts: (await cache.keys()).map((r) => r.url).filter((url) => url.includes('/embed.js')),
      };
    });
    expect(caches.names).toEqual(['ops-trio-precache']);
    expect(caches.embedScripts).toEqual([`${origin}embed.js?__rev=version2`]);
  });
});
