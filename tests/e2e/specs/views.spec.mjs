import { test, expect, VIEWS, openView } from '../fixtures.mjs';

for (const view of VIEWS) {
  test(`the ${view.id} view shows its heading and a fact of the seed`, async ({ page }) => {
    await openView(page, view.id);
    await expect(page.locator('h1')).toHaveText(view.title);
    await expect(page.getByText(view.fact, { exact: false }).first()).toBeVisible();
    await expect(page).toHaveTitle(`${view.title} · Ops Trio`);
    await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText(view.nav);
  });
}

test('a section link opens the view at that section', async ({ page }) => {
  await openView(page, 'sre/toil');
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await expect(page.locator('#section-toil')).toBeFocused();
  await expect(page.locator('#section-toil')).toBeInViewport();
});

test('an unknown route shows a friendly page whose links lead on', async ({ page }) => {
  await openView(page, 'no-such-page');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByText('There is no page at “/no-such-page”.', { exact: false })).toBeVisible();
  await page.locator('main').getByRole('link', { name: 'What is SRE?' }).click();
  await expect(page.locator('h1')).toHaveText('What is SRE?');
});

test('the overview lays out the relationship diagram and the restaurant analogy', async ({ page }) => {
  await openView(page, 'overview');
  const diagram = page.locator('figure.nested');
  await expect(diagram.locator('.nested-box')).toHaveCount(2);
  const outer = await diagram.locator('.nested-outer').boundingBox();
  for (const box of await diagram.locator('.nested-box').all()) {
    const inner = await box.boundingBox();
    expect(inner.x).toBeGreaterThanOrEqual(outer.x);
    expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
  }
  await expect(page.getByText('Ensure food safety, kitchen hygiene', { exact: false })).toBeVisible();
});

test('a widget whose bundle fails to load says so, and Try again loads it', async ({ browser }) => {
  // A page of its own: the failed import logs a console error, which is the point here.
  const page = await browser.newPage();
  let failing = true;
  await page.route('**/quiz/quiz.js', (route) => (failing ? route.abort() : route.continue()));
  await page.goto('/#/devsecops/pipeline');
  const alert = page.locator('.widget-place [role="alert"]');
  await expect(alert).toContainText('could not be loaded');
  await expect(page.locator('.pipeline')).toHaveCount(0);
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.pipeline')).toBeVisible();
  await expect(alert).toHaveCount(0);
  await page.close();
});

test('a section link followed from another view lands on its section once the widgets above it load', async ({ page }) => {
  await openView(page, 'career');
  await page.locator('.career-answer').first().waitFor();
  await page.evaluate(() => { location.hash = '#/sre/toil'; });
  await expect(page.locator('.budget')).toBeVisible();
  await expect(page.locator('#section-toil')).toBeInViewport();
});
