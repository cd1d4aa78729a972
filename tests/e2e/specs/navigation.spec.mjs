import { test, expect, openView, tabTo } from '../fixtures.mjs';

test('keyboard alone moves between views, and Back and Forward follow', async ({ page }) => {
  await openView(page, 'overview');

  await tabTo(page, page.locator('.site-nav a', { hasText: 'SRE' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await expect(page.locator('h1')).toBeFocused();

  await tabTo(page, page.locator('.pager a[rel="next"]'));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('What is DevSecOps?');
  await expect(page).toHaveURL(/\/devsecops\/$/);

  await page.goBack();
  await expect(page.locator('h1')).toHaveText('What is SRE?');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('DevOps, SRE and DevSecOps at a glance');
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('What is SRE?');
});

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await openView(page, 'career');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/career\/$/);
});

test('the FAQ opens with the keyboard', async ({ page }) => {
  await openView(page, 'career/faq');
  const question = page.locator('summary', { hasText: 'Must SREs be on-call?' });
  await tabTo(page, question);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Follow-the-Sun models', { exact: false })).toBeVisible();
});

test('focus is drawn where the keyboard is', async ({ page }) => {
  await openView(page, 'overview');
  await tabTo(page, page.locator('.site-nav a', { hasText: 'Career' }));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).toBe('solid');
});

test('routes work inside an iframe, Back included', async ({ page, baseURL }) => {
  await page.setContent(
    `<!doctype html><title>Host</title><h1>A blog post</h1>
     <iframe title="Ops Trio" src="${baseURL}devops/" width="800" height="600"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('h1')).toHaveText('What is DevOps?');
  await frame.locator('.site-nav a', { hasText: 'MLOps' }).click();
  await expect(frame.locator('h1')).toHaveText('What about MLOps?');
  // Back from the host page: the iframe's moves are in the tab's history.
  await page.evaluate(() => history.back());
  await expect(frame.locator('h1')).toHaveText('What is DevOps?');
  await expect(page.locator('h1').first()).toHaveText('A blog post');
});
