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

test('with WebAssembly refused, every view still reads, and each widget says what it needs', async ({ browser }) => {
  // A page of its own: the refused file logs a console error, which is the point here.
  const page = await browser.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('devsecops/');
  await expect(page.locator('h1')).toHaveText('What is DevSecOps?');
  await expect(page.locator('.pipeline')).toBeVisible();
  const needs = page.locator('.pipeline').locator('xpath=..').locator('.needs-script');
  await expect(needs).toBeVisible();
  await expect(needs).toContainText('needs JavaScript and WebAssembly');
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', /.*/);
  await page.close();
});

test('a link to a section of another view is followed in place and lands on the section', async ({ page }) => {
  await openView(page, 'career');
  await page.locator('.career-answer').first().waitFor();
  await page.evaluate(() => {
    window.samePage = true;
    const link = Object.assign(document.createElement('a'), { href: 'sre/#toil', textContent: 'toil' });
    document.querySelector('main').prepend(link);
    link.click();
  });
  await expect(page).toHaveURL(/\/sre\/#toil$/);
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await expect(page.locator('#section-toil')).toBeInViewport();
  await expect(page.locator('#section-toil')).toBeFocused();
  expect(await page.evaluate(() => window.samePage), 'no page was loaded').toBe(true);
});
