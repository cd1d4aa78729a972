import { test, expect, openView, VIEWS } from '../fixtures.mjs';

test('the app runs under a strict Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/');
  // One policy, in the page: a header for every path would hold the embed pages to it too.
  expect(response.headers()['content-security-policy']).toBeUndefined();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(meta).toContain("style-src 'self';");
  expect(meta).not.toContain('unsafe-inline');
  expect(meta).not.toContain('*');

  for (const view of VIEWS) await openView(page, view.id);
  // Every widget at work: a pillar, a pipeline run, a slider step, a quiz question.
  await openView(page, 'devops');
  await page.locator('.calms-wheel [role="tab"]').nth(3).click();
  await openView(page, 'devsecops/pipeline');
  await page.getByRole('radio', { name: 'DevSecOps' }).check();
  await page.getByRole('radio', { name: /SQL injection/ }).check();
  await openView(page, 'sre/error-budget');
  await page.locator('#budget-slo-range').focus();
  await page.keyboard.press('ArrowRight');
  await openView(page, 'quiz/practice/sre?seed=1');
  await expect(page.locator('.quiz-prompt')).toBeVisible();
  expect(await page.evaluate(() => window.violations)).toEqual([]);
});

test('an embed page allows any host beside its own, which WebKit cannot match in a sandbox, and nothing inline', async ({ page }) => {
  await page.goto('/embed-budget.html');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' * 'wasm-unsafe-eval' 'sha256-");
  expect(meta).toContain("style-src 'self' *;");
  expect(meta).toContain("object-src 'none'");
  expect(meta).not.toContain('unsafe-inline');
});
