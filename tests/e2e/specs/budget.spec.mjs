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

test('an alert whose threshold is above every request is marked as unable to fire, and why', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  const rows = page.locator('.budget-alerts tbody tr');
  const notes = page.locator('.budget-cannot-fire');
  await expect(page.locator('.budget-alerts tr.cannot-fire')).toHaveCount(0);
  await expect(notes).toHaveCount(0);

  await sloField(page).fill('90');
  await expect(rows.nth(0)).toHaveClass(/cannot-fire/);
  await expect(rows.nth(0).locator('td').last()).toHaveText('144% cannot fire');
  await expect(rows.nth(1)).not.toHaveClass(/cannot-fire/);
  await expect(notes).toHaveText([
    'At 90%, the 14.4× alert cannot fire: it waits for 144% of requests to fail, more than all of them. It can fire at SLOs of 93.056% and above.',
  ]);

  // Over 28 days the same share of budget is 13.44×, which fires from 92.56%.
  await page.getByRole('radio', { name: '28 days' }).check();
  await sloField(page).fill('92.55');
  await expect(notes).toHaveText([
    'At 92.55%, the 13.44× alert cannot fire: it waits for 100.128% of requests to fail, more than all of them. It can fire at SLOs of 92.56% and above.',
  ]);
  await expect(axe(page).include('.budget-alerts').analyze()).resolves.toMatchObject({ violations: [] });
  await sloField(page).fill('92.56');
  await expect(notes).toHaveCount(0);
  await expect(rows.nth(0)).not.toHaveClass(/cannot-fire/);
});

test('the rules to take away follow the SLO and the names, and download as written', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  const show = page.getByRole('button', { name: 'Show the rules' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#budget-rules-prometheus')).toHaveCount(0);
  await show.click();
  await expect(page.getByRole('button', { name: 'Hide the rules' })).toHaveAttribute('aria-expanded', 'true');
  const prometheus = page.locator('#budget-rules-prometheus');
  await expect(prometheus).toContainText('> (14.4 * 0.001)');
  await expect(prometheus).toContainText('record: slo:sli_error:ratio_rate3d');

  await page.getByRole('button', { name: '99.95%' }).click();
  await expect(prometheus).toContainText('> (14.4 * 0.0005)');
  await expect(page.locator('#budget-rules-openslo')).toContainText('target: 0.9995');

  await page.getByLabel('Service (a DNS name)').fill('checkout');
  await expect(prometheus).toContainText('sloth_id: "checkout-availability"');
  await page.getByLabel('Counter of every request').fill('5xx total');
  await expect(page.locator('#budget-rules-requests-error')).toContainText('A Prometheus metric name starts with');
  await expect(prometheus).toContainText('rate(http_requests_total[5m])');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download slo-99.95-rules.yaml' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('slo-99.95-rules.yaml');
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(await file.path(), 'utf8')).toBe(await prometheus.textContent());
  await expect(axe(page).include('.budget-rules').analyze()).resolves.toMatchObject({ violations: [] });
});

async function addDatedOutage(page, minutes, share, day) {
  await page.getByLabel('Minutes').fill(String(minutes));
  await page.getByLabel('Share of traffic failing (%)').fill(String(share));
  await page.getByRole('textbox', { name: 'On day' }).fill(String(day));
  await page.getByRole('button', { name: 'Add incident' }).click();
}

for (const theme of ['light', 'dark']) {
  test(`the burn-down drops at each incident's day and says when the budget runs out, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openView(page, 'sre/error-budget');
    const chart = page.locator('.budget-burn');
    await expect(chart.locator('.budget-chart-summary')).toHaveText(
      'Day 10 of 30: 100% of the budget is left, where spending it evenly would leave 66.7%. At this rate it lasts the whole month.',
    );
    await expect(chart.locator('.budget-chart-drop')).toHaveCount(0);

    await addDatedOutage(page, 20, 100, 3); // 46.3% of the budget, on day 3
    await addDatedOutage(page, 10, 50, 7); // 11.6% more, on day 7
    await expect(chart.locator('.budget-chart-drop')).toHaveCount(2);
    // 57.9% spent in 10 days: the rest lasts 10 ÷ 0.579 = 17.3 days from the start.
    await expect(chart.locator('.budget-chart-summary')).toHaveText(
      'Day 10 of 30: 42.1% of the budget is left, where spending it evenly would leave 66.7%. At this rate it runs out on day 17.3.',
    );
    await expect(chart.locator('svg')).toContainText('Runs out, day 17.3');
    await chart.getByText('The chart as a table').click();
    const rows = chart.locator('tbody tr');
    await expect(rows).toHaveText([
      '0Start of the month100%',
      '3Incident 153.7%',
      '7Incident 242.1%',
      '10Today42.1%',
      '17.3Runs out at this rate0%',
    ]);
    // Drawn where the numbers say: the second drop is lower and to the right of the first.
    const [first, second] = await chart.locator('.budget-chart-drop').evaluateAll((dots) =>
      dots.map((dot) => ({ x: Number(dot.getAttribute('cx')), y: Number(dot.getAttribute('cy')) })),
    );
    expect(second.x).toBeGreaterThan(first.x);
    expect(second.y).toBeGreaterThan(first.y);
    await chart.getByText('The chart as a table').click();
    await page.locator('.budget-chart-stage').scrollIntoViewIfNeeded();
    await page.locator('.budget-chart-stage').screenshot({ path: `../../target/screenshots/burn-down-99.9-${theme}.png` });
    await expect(axe(page).include('.budget-burn').analyze()).resolves.toMatchObject({ violations: [] });
  });
}

test('a day after today is refused, and an empty day is today', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  await page.getByLabel('Minutes').fill('20');
  await page.getByLabel('Share of traffic failing (%)').fill('100');
  await page.getByRole('textbox', { name: 'On day' }).fill('12');
  await page.getByRole('button', { name: 'Add incident' }).click();
  await expect(page.locator('#budget-day-error')).toHaveText('Enter at most 10.');
  await expect(page.locator('.budget-chart-drop')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'On day' }).fill('');
  await page.getByRole('button', { name: 'Add incident' }).click();
  await expect(page.locator('.budget-chart-drop')).toHaveCount(1);
  await page.getByText('The chart as a table').click();
  await expect(page.locator('.budget-chart-table tbody tr').nth(1)).toHaveText('10Incident 153.7%');
});

for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 700 }]) {
  test(`at ${viewport.width}×${viewport.height}, an incident added is seen landing on the chart`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openView(page, 'sre/error-budget');
    await page.getByRole('button', { name: 'Add incident' }).scrollIntoViewIfNeeded();
    await page.getByLabel('Minutes').fill('20');
    await page.getByLabel('Share of traffic failing (%)').fill('100');
    await page.getByRole('button', { name: 'Add incident' }).click();
    await expect(page.locator('.budget-chart-drop')).toHaveCount(1);
    const drawing = await page.locator('.budget-chart-svg').boundingBox();
    const add = await page.getByRole('button', { name: 'Add incident' }).boundingBox();
    for (const box of [drawing, add]) {
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
    // Not under each other: the stuck chart leaves the form in sight.
    expect(add.y).toBeGreaterThanOrEqual(drawing.y + drawing.height);
  });
}
