import { test, expect, VIEWS, openView } from '../fixtures.mjs';

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme follows the system and the toggle overrides it, across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openView(page, 'overview');
  expect(await background(page)).toBe('rgb(255, 255, 255)');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe('rgb(18, 20, 24)');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();

  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});

test('a dark system preference gives the dark theme with no choice stored', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openView(page, 'sre');
  expect(await background(page)).toBe('rgb(18, 20, 24)');
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
});

for (const width of [320, 768, 1440]) {
  test(`no view scrolls sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const view of VIEWS) {
      await openView(page, view.id);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${view.id} at ${width} px`).toBe(0);
    }
  });
}
