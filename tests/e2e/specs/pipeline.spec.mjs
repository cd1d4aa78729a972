import { test, expect, openView, axe, tabTo } from '../fixtures.mjs';

const pipeline = (page) => page.locator('.pipeline');
const checkpoint = (page, name) => page.locator(`.checkpoint[aria-label="${name}"]`);
const stage = (page, name) => page.locator('.pipeline-stage', { hasText: name });

/** Waits until every running animation and transition of the page has finished. */
const settle = (page) => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));

const centreX = async (locator) => {
  const box = await locator.boundingBox();
  return box.x + box.width / 2;
};

async function expectInside(page, inner, outer) {
  const x = await centreX(inner);
  const box = await outer.boundingBox();
  expect(x).toBeGreaterThan(box.x);
  expect(x).toBeLessThan(box.x + box.width);
}

const STAGES = ['Plan', 'Code', 'Build', 'Test', 'Deploy', 'Production'];
const CHECKS = ['Threat modeling', 'Secure coding standards', 'Dependency scanning', 'SAST/DAST', 'Container scanning', 'Runtime protection'];

test('switching models slides the checkpoints into their stages, and back under the gate', async ({ page }) => {
  await openView(page, 'devsecops/pipeline');
  const gate = page.locator('.checkpoint.is-gate');
  await page.getByRole('radio', { name: 'DevSecOps' }).check();
  // The app draws the change on its next turn, which a loaded machine may delay: poll.
  const moving = () => page.evaluate(() =>
    document.getAnimations().filter((a) => a.effect.target.classList.contains('checkpoint')).length,
  );
  await expect.poll(moving, { message: 'the switch animates', intervals: [20, 50, 100] }).toBeGreaterThan(0);
  await settle(page);
  for (const [i, name] of STAGES.entries()) {
    await expectInside(page, checkpoint(page, `${CHECKS[i]}, in ${name}`), stage(page, name));
  }
  await expect(gate).toHaveCSS('opacity', '0');

  await page.getByRole('radio', { name: 'Traditional' }).check();
  await settle(page);
  await expect(gate).toHaveCSS('opacity', '1');
  const gateX = await centreX(gate);
  for (const [i, name] of STAGES.entries()) {
    expect(Math.abs((await centreX(checkpoint(page, `${CHECKS[i]}, in ${name}`))) - gateX)).toBeLessThan(1);
  }
  // The gate stands between Deploy and Production.
  expect(gateX).toBeGreaterThan((await stage(page, 'Deploy').boundingBox()).x);
  expect(gateX).toBeLessThan((await centreX(stage(page, 'Production'))));
});

const CASES = [
  {
    defect: 'A vulnerable dependency',
    devsecops: ['Build', 'Caught at Build by Dependency scanning. A fix here costs 10×.', 'In the Traditional model: caught at Security review, 15×.'],
    traditional: [null, 'Caught by the Security review before Production. A fix here costs 15×.', 'In the DevSecOps model: caught at Build, 10×.'],
  },
  {
    defect: 'A threat nobody modeled',
    devsecops: ['Plan', 'Caught at Plan by Threat modeling. A fix here costs 1×.', 'In the Traditional model: reaches Production uncaught, 30×.'],
    traditional: ['Production', 'It reached Production uncaught.', 'In the DevSecOps model: caught at Plan, 1×.'],
  },
];

for (const { defect, devsecops, traditional } of CASES) {
  test(`${defect} is caught where each model's check is`, async ({ page }) => {
    await openView(page, 'devsecops/pipeline');
    for (const [model, [where, result, other]] of [['DevSecOps', devsecops], ['Traditional', traditional]]) {
      await page.getByRole('radio', { name: model }).check();
      await page.getByRole('radio', { name: new RegExp(defect) }).check();
      const outcome = page.locator('.pipeline-outcome');
      await expect(outcome.locator('.pipeline-result')).toContainText(result, { timeout: 10_000 });
      await expect(outcome).toContainText(other);
      await settle(page);
      const token = page.locator('.pipeline-token');
      if (where) await expectInside(page, token, stage(page, where));
      else expect(Math.abs((await centreX(token)) - (await centreX(page.locator('.checkpoint.is-gate'))))).toBeLessThan(1);
    }
  });
}

test('keyboard alone switches the model, opens a checkpoint, sends a defect and steps it', async ({ page }) => {
  await openView(page, 'devsecops/pipeline');
  await tabTo(page, page.getByRole('radio', { name: 'Traditional' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'DevSecOps' })).toBeChecked();
  await expect(pipeline(page)).toHaveAttribute('data-model', 'devsecops');

  await tabTo(page, checkpoint(page, 'Threat modeling, in Plan'));
  await page.keyboard.press('Enter');
  await expect(page.locator('#pipeline-detail')).toContainText('Threat modeling · Plan');
  await expect(page.locator('#pipeline-detail')).toContainText('STRIDE, OWASP');

  await tabTo(page, page.getByRole('radio', { name: /A vulnerable dependency/ }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /A vulnerable dependency/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Reset' }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Step' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.pipeline-outcome')).toHaveText('The defect is at Code.');
  await page.keyboard.press('Enter');
  await expect(page.locator('.pipeline-result')).toHaveText('Caught at Build by Dependency scanning. A fix here costs 10×.');

  // The arrow keys move through the defects, and each choice sends a new one.
  await page.getByRole('radio', { name: /A vulnerable dependency/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /A hard-coded secret/ })).toBeChecked();
  await expect(page.locator('.pipeline-result')).toHaveText('Caught at Code by Secure coding standards. A fix here costs 5×.');
});

test('under reduced motion the checkpoints and the token jump, with nothing animated', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openView(page, 'devsecops/pipeline');
  await page.getByRole('radio', { name: 'DevSecOps' }).check();
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  await expectInside(page, checkpoint(page, 'Dependency scanning, in Build'), stage(page, 'Build'));
  await page.getByRole('radio', { name: /A misconfigured container image/ }).check();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  for (const name of ['Code', 'Build', 'Test', 'Deploy']) {
    await page.getByRole('button', { name: 'Step' }).click();
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await expectInside(page, page.locator('.pipeline-token'), stage(page, name));
  }
  await expect(page.locator('.pipeline-result')).toContainText('Caught at Deploy by Container scanning');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in a finished run, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await openView(page, 'devsecops/pipeline');
    await page.getByRole('radio', { name: 'DevSecOps' }).check();
    await page.getByRole('radio', { name: /An SQL injection/ }).check();
    await expect(page.locator('.pipeline-result')).toBeVisible({ timeout: 10_000 });
    const results = await axe(page).include('.pipeline').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}

for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 700 }]) {
  test(`at ${viewport.width}×${viewport.height}, a defect sent from the list below the stage is seen all the way`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openView(page, 'devsecops/pipeline');
    await page.getByRole('radio', { name: 'Traditional' }).check();
    // The last defect, lowest on the page: a reader who picks it has scrolled to it,
    // with the playback buttons in view below it.
    await page.locator('.pipeline-playback').scrollIntoViewIfNeeded();
    const last = page.getByRole('radio', { name: /A threat nobody modeled/ });
    await last.check();
    const token = page.locator('.pipeline-token');
    const boxes = [];
    const stops = new Set();
    // Until it has reached Production, the end of a Traditional run for this defect.
    await expect
      .poll(async () => {
        const box = await token.boundingBox();
        if (box) boxes.push(box);
        stops.add(await token.evaluate((el) => el.style.getPropertyValue('--at')).catch(() => ''));
        return token.getAttribute('data-state');
      }, { intervals: [60], timeout: 15_000 })
      .toBe('escaped');
    await expect(page.locator('.pipeline-result')).toContainText('It reached Production uncaught.');
    expect(boxes.length, 'the token was seen moving').toBeGreaterThan(3);
    for (const box of boxes) {
      expect(box.y, 'below the top of the window').toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, 'above its bottom').toBeLessThanOrEqual(viewport.height);
      expect(box.x, 'right of its left edge').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, 'left of its right edge').toBeLessThanOrEqual(viewport.width);
    }
    // It did travel, stage after stage, from Plan to Production.
    expect(stops.size, `the stops it was seen at: ${[...stops]}`).toBeGreaterThan(3);
  });
}
