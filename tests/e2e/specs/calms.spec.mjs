import { test, expect, openView, tabTo } from '../fixtures.mjs';

// The tour rests 4 s on each pillar (TOUR_STEP_MS); these waits leave a margin.
const TOUR_STEP = 4_000;

const selectedTab = (page) => page.locator('.calms-wheel [role="tab"][aria-selected="true"]');
const tab = (page, name) => page.locator(`.calms-wheel [role="tab"][aria-label$=" ${name}"]`);

test('the tour advances on its own, one pillar after another', async ({ page }) => {
  await openView(page, 'devops');
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'C Culture');
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'A Automation', { timeout: TOUR_STEP + 2_000 });
  await expect(page.locator('#calms-panel h3')).toHaveText('AAutomation');
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'L Lean', { timeout: TOUR_STEP + 2_000 });
  // The spotlight has turned two segments: 144 degrees.
  const turn = await page.locator('.calms-spotlight').evaluate((el) => getComputedStyle(el).getPropertyValue('--turn'));
  expect(turn.trim()).toBe('2');
});

test('Pause stops the tour and Play resumes it', async ({ page }) => {
  await openView(page, 'devops');
  await page.getByRole('button', { name: 'Pause tour' }).click();
  await expect(page.getByRole('button', { name: 'Play tour' })).toBeVisible();
  await page.waitForTimeout(TOUR_STEP + 1_000);
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'C Culture');
  await page.getByRole('button', { name: 'Play tour' }).click();
  // The tour waits while the pointer rests on the wheel, as a carousel does.
  await page.waitForTimeout(TOUR_STEP + 1_000);
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'C Culture');
  await page.mouse.move(0, 0);
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'A Automation', { timeout: TOUR_STEP + 2_000 });
});

test('focus coming into the wheel pauses the tour, and nothing is taken from under it', async ({ page }) => {
  await openView(page, 'devops');
  await page.locator('#calms-panel').focus();
  await expect(page.getByRole('button', { name: 'Play tour' })).toBeVisible();
  await page.waitForTimeout(TOUR_STEP + 1_000);
  await expect(page.locator('#calms-panel')).toBeFocused();
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'C Culture');
  // Play from the keyboard starts it again, focus staying on the control.
  await page.getByRole('button', { name: 'Play tour' }).focus();
  await page.keyboard.press('Enter');
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'A Automation', { timeout: TOUR_STEP + 2_000 });
  await expect(page.getByRole('button', { name: 'Pause tour' })).toBeFocused();
});

test('after a pillar is chosen, the URL and the wheel keep agreeing', async ({ page }) => {
  await openView(page, 'devops/calms/measurement');
  await tab(page, 'Lean').click();
  await expect(page).toHaveURL(/\/devops\/#calms\/lean$/);
  await page.evaluate(() => { location.hash = '#calms/measurement'; });
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'M Measurement');
  // A choice in place is not a move: focus stays on the chosen tab.
  await tab(page, 'Sharing').click();
  await expect(tab(page, 'Sharing')).toBeFocused();
});

test('a click selects a pillar, stops the tour for good, keeps it in the URL and says so', async ({ page }) => {
  await openView(page, 'devops');
  await tab(page, 'Lean').click();
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'L Lean');
  await expect(page.locator('#calms-panel')).toContainText('small steps, fast runs');
  await expect(page).toHaveURL(/\/devops\/#calms\/lean$/);
  await expect(page.locator('.calms [aria-live="polite"]')).toHaveText('L for Lean');
  await page.waitForTimeout(TOUR_STEP + 1_000);
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'L Lean');
  await expect(page.getByRole('button', { name: 'Play tour' })).toBeVisible();
});

test('keyboard alone selects Sharing', async ({ page }) => {
  await openView(page, 'devops');
  await tabTo(page, selectedTab(page));
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Sharing')).toBeFocused();
  await expect(tab(page, 'Sharing')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#calms-panel h3')).toHaveText('SSharing');
  await page.keyboard.press('Home');
  await expect(tab(page, 'Culture')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab(page, 'Sharing')).toBeFocused();
  // Tab leaves the wheel: the five segments are one stop, then come Play and the panel.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Play tour' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#calms-panel')).toBeFocused();
  await expect(page).toHaveURL(/\/devops\/#calms\/sharing$/);
  // Enter and Space select the focused tab; keyboard moves are not announced twice.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(tab(page, 'Sharing')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.calms [aria-live="polite"]')).toHaveText('');
});

test('a deep link opens Measurement, and an unknown pillar falls back to Culture with a message', async ({ page }) => {
  await openView(page, 'devops/calms/measurement');
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'M Measurement');
  await expect(page.locator('#calms-panel')).toContainText('deployment frequency and lead time');
  await expect(page.locator('#section-calms')).toBeInViewport();

  await openView(page, 'devops/calms/kaizen');
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'C Culture');
  await expect(page.locator('.calms [role="status"]')).toHaveText(
    'There is no pillar “kaizen” in CALMS, so the wheel shows Culture.',
  );
});

test('under reduced motion nothing moves: no tour, and no animation or transition runs', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openView(page, 'devops');
  await expect(page.locator('.calms')).toHaveAttribute('data-tour', 'stopped');
  await expect(page.getByRole('button', { name: 'Play tour' })).toBeVisible();
  await tab(page, 'Measurement').click();
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'M Measurement');
  const motion = await page.evaluate(() => ({
    running: document.getAnimations().length,
    spotlight: getComputedStyle(document.querySelector('.calms-spotlight')).transitionDuration,
    panel: getComputedStyle(document.querySelector('.calms-panel')).animationName,
    transform: getComputedStyle(document.querySelector('.calms-spotlight')).transform,
  }));
  expect(motion.running).toBe(0);
  expect(motion.spotlight).toBe('0s');
  expect(motion.panel).toBe('none');
  // Already at its end: three segments round (216 degrees), with no transition between.
  const [a, b] = motion.transform.match(/matrix\(([^,]+), ([^,]+)/).slice(1).map(Number);
  expect(Math.round((Math.atan2(b, a) * 180) / Math.PI + 360) % 360).toBe(216);
  await page.waitForTimeout(TOUR_STEP + 1_000);
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'M Measurement');
});

test('choosing the pillar already shown by key still keeps it in the URL', async ({ page }) => {
  // Under reduced motion the tour never starts, so Culture is shown and nothing in the
  // wheel changes when the reader picks it: the choice must be answered all the same.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openView(page, 'devops');
  await expect(page.locator('.calms')).toHaveAttribute('data-tour', 'stopped');
  await tab(page, 'Culture').focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/\/devops\/#calms\/culture$/);
  await expect(tab(page, 'Culture')).toBeFocused();
  await expect(selectedTab(page)).toHaveAttribute('aria-label', 'C Culture');
});

test('with full motion, a selection animates the spotlight on the compositor', async ({ page }) => {
  await openView(page, 'devops');
  await tab(page, 'Lean').click();
  const animations = await page.evaluate(() =>
    document.getAnimations().map((a) => ({ property: a.transitionProperty, target: a.effect.target.className })),
  );
  expect(animations).toContainEqual({ property: 'transform', target: 'calms-spotlight' });
});
