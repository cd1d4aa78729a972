import { test, expect, openView, axe, tabTo } from '../fixtures.mjs';

const slider = (page) => page.locator('#budget-slo-range');
const sloField = (page) => page.locator('#budget-slo-text');
const shownSlo = (page) => page.locator('.budget-slo-value');
const downtime = (page) =>
  page.locator('.budget-downtime tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.window, r.querySelector('td').textContent])),
  );

test('dragging the slider and typing the same SLO give the same figures', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  const box = await slider(page).boundingBox();
  await page.mouse.click(box.x + box.width * 0.85, box.y + box.height / 2);
  const dragged = (await shownSlo(page).textContent()).replace('%', '');
  expect(dragged).not.toBe('99.9');
  await expect(sloField(page)).toHaveValue(dragged);
  const afterDrag = await downtime(page);

  await page.locator('.budget-preset', { hasText: /^99%$/ }).click();
  expect(await downtime(page)).not.toEqual(afterDrag);
  await sloField(page).fill(dragged);
  await expect(shownSlo(page)).toHaveText(`${dragged}%`);
  expect(await downtime(page)).toEqual(afterDrag);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', `${dragged} percent`);
});

test('presets set the SLO, and the month length changes only the month', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  await page.getByRole('button', { name: '99.95%' }).click();
  await expect(page.getByRole('button', { name: '99.95%' })).toHaveAttribute('aria-pressed', 'true');
  expect(await downtime(page)).toEqual({
    day: '43s', week: '5m 2s', month: '21m 36s', quarter: '1h 5m 45s', year: '4h 22m 58s',
  });
  await page.getByRole('button', { name: '99.9%', exact: true }).click();
  const thirty = await downtime(page);
  expect(thirty.month).toBe('43m 12s');
  await page.getByRole('radio', { name: 'Average (30.44 days)' }).check();
  const gregorian = await downtime(page);
  expect(gregorian).toEqual({ ...thirty, month: '43m 50s' });
  await page.getByRole('radio', { name: '28 days' }).check();
  expect(await downtime(page)).toEqual({ ...thirty, month: '40m 19s' });
  await expect(page.locator('.budget-alerts tbody tr').first()).toContainText('13.44×');
});

test('bad SLO text is explained and the last valid SLO stays', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  for (const [typed, reason] of [
    ['abc', 'That is not a number'],
    ['150', 'at most 99.999%'],
    ['-1', 'at least 90%'],
    ['', 'Enter a number.'],
  ]) {
    await sloField(page).fill(typed);
    await expect(page.locator('#budget-slo-text-error')).toContainText(reason);
    await expect(page.locator('#budget-slo-text-error')).toContainText('Still showing 99.9%.');
    await expect(sloField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(shownSlo(page)).toHaveText('99.9%');
    expect((await downtime(page)).month).toBe('43m 12s');
  }
  await sloField(page).fill('99.99');
  await expect(page.locator('#budget-slo-text-error')).toHaveCount(0);
  expect((await downtime(page)).month).toBe('4m 19s');
});

test('requests per month give the failed requests allowed', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  await page.getByLabel('Requests per month').fill('1,000,000');
  await expect(page.locator('.budget-requests-result')).toHaveText('At 99.9%, 1,000 of 1,000,000 requests a month may fail.');
});

async function addOutage(page, minutes, share) {
  await page.getByLabel('Minutes').fill(String(minutes));
  await page.getByLabel('Share of traffic failing (%)').fill(String(share));
  await page.getByRole('button', { name: 'Add incident' }).click();
}

test('incidents move the gauge and the policy, and can be removed', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  const gauge = page.locator('.budget-gauge');
  const width = () => page.locator('.budget-gauge-fill').evaluate((el) => el.style.getPropertyValue('--consumed'));
  await expect(gauge).toHaveAttribute('data-policy', 'ample');

  await addOutage(page, 20, 100); // 1 200 of 2 592 bad seconds
  await expect(gauge).toContainText('Consumed: 46.3%');
  await expect(gauge).toContainText('Remaining: 53.7%');
  expect(await width()).toBe('46.3%');
  await expect(gauge).toContainText('Burn rate: 1.39×, against 10d of the month gone.');
  await expect(gauge).toHaveAttribute('data-policy', 'ample');

  await addOutage(page, 30, 50); // 900 more
  await expect(gauge).toContainText('Consumed: 81%');
  await expect(gauge).toHaveAttribute('data-policy', 'low');
  await expect(gauge).toContainText('stop new features and focus on stability');

  await page.getByRole('radio', { name: 'Failed requests' }).check();
  await page.getByRole('textbox', { name: 'Failed requests' }).fill('500');
  await page.getByRole('button', { name: 'Add incident' }).click();
  await expect(page.locator('.budget-incidents li').nth(2)).toContainText('enter the requests per month');
  await page.getByLabel('Requests per month').fill('1000000');
  await expect(gauge).toContainText('Consumed: 131%');
  await expect(gauge).toHaveAttribute('data-policy', 'exhausted');
  expect(await width()).toBe('100%');

  await page.getByRole('button', { name: 'Remove incident 3' }).click();
  await expect(gauge).toHaveAttribute('data-policy', 'low');
  await page.getByRole('button', { name: 'Reset the scenario' }).click();
  await expect(gauge).toContainText('Consumed: 0%');
  await expect(page.getByText('No incidents yet')).toBeVisible();
});

test('the slider answers the keyboard: arrows, Page Up and Down, Home and End', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  await tabTo(page, slider(page));
  await page.keyboard.press('ArrowRight');
  await expect(shownSlo(page)).toHaveText('99.91%');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(shownSlo(page)).toHaveText('99.8%');
  const before = Number(await slider(page).inputValue());
  await page.keyboard.press('PageDown');
  const after = Number(await slider(page).inputValue());
  expect(before - after).toBeGreaterThan(1);
  await page.keyboard.press('PageUp');
  expect(Number(await slider(page).inputValue()) - after).toBeGreaterThan(1);
  await page.keyboard.press('Home');
  await expect(shownSlo(page)).toHaveText('90%');
  expect((await downtime(page)).day).toBe('2h 24m');
  await page.keyboard.press('End');
  await expect(shownSlo(page)).toHaveText('99.999%');
  expect((await downtime(page)).year).toBe('5m 16s');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in the lab with incidents and an error, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openView(page, 'sre/error-budget');
    await addOutage(page, 40, 100);
    await sloField(page).fill('abc');
    const results = await axe(page).include('.budget').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}
