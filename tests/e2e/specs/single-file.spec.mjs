// The whole module as one HTML file, opened from file:// as a learner would open it
// from a USB stick or an attachment: nothing beside it, and nothing fetched.
import { test, expect, VIEWS } from '../fixtures.mjs';
import { shown, answer, next } from '../quiz.mjs';
import { singleFileUrl } from '../single-file.mjs';

test('from file://, every view opens and a whole quiz is taken and saved, with no CSP violation', async ({ page }) => {
  test.setTimeout(120_000);
  const url = await singleFileUrl();
  const requests = [];
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) requests.push(request.url());
  });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${url}#/overview`);
  await expect(page.locator('h1')).toHaveText(VIEWS[0].title);

  // Every view, through the navigation, as a reader goes.
  for (const view of VIEWS) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view.nav, exact: true }).click();
    await expect(page.locator('h1')).toHaveText(view.title);
    await expect(page.locator('main')).toContainText(view.fact);
  }

  // No page can embed a file: the Embed button says so instead of offering code.
  await page.goto(`${url}#/sre/error-budget`);
  await page.getByRole('button', { name: 'Embed this widget' }).click();
  await expect(page.getByText('this one was opened as a file')).toBeVisible();
  await expect(page.locator('.embed-snippet textarea')).toHaveCount(0);

  // An assessment, right on DevOps and DevSecOps and wrong on SRE.
  await page.goto(`${url}#/quiz/assessment?seed=20261126`);
  const questions = await page.evaluate(() => JSON.parse(document.querySelector('script[id^="quiz-en-"]').textContent).questions);
  for (let n = 1; n <= 15; n++) {
    await expect(page.locator('.quiz-count')).toHaveText(`Question ${n} of 15`);
    const question = await shown(page, questions);
    await answer(page, question, !question.topic.startsWith('sre/'));
    await next(page);
  }
  await expect(page.locator('.quiz-score-list li')).toHaveText(['DevOps: 100%', 'SRE: 0%', 'DevSecOps: 100%']);

  // Saved: after a reload, the missed questions wait for a retake.
  await page.goto(`${url}#/quiz`);
  await page.reload();
  await expect(page.getByText('5 questions were missed in your last quiz.')).toBeVisible();

  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(requests, 'nothing is fetched from a server').toEqual([]);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
});
