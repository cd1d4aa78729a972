import { test, expect, openView, axe, tabTo } from '../fixtures.mjs';

const question = (page) => page.locator('.career-question [tabindex="-1"]');
const answer = (page, label) => page.locator('.career-answer', { hasText: new RegExp(`^${label}$`) });
const result = (page) => page.locator('.career-result [tabindex="-1"]');

async function walk(page, labels) {
  for (const label of labels) await answer(page, label).click();
}

test('a coder who accepts on-call is led to SRE, with reasons, the article\'s points and practice', async ({ page }) => {
  await openView(page, 'career');
  await expect(question(page)).toHaveText('Question 1 Want to work in cloud operations related fields?');
  await walk(page, ['Yes', 'Yes', 'No', 'Yes']);
  await expect(result(page)).toHaveText('Your path: SRE');
  await expect(page).toHaveURL(/\/career\/#path-finder\/1-1-2-1$/);
  const lists = page.locator('.career-result ul');
  await expect(lists.nth(0).locator('li')).toHaveCount(4);
  await expect(lists.nth(0)).toContainText('on-call pressure');
  await expect(lists.nth(2).locator('li')).toContainText(['Have a solid software engineering background', 'Can handle on-call pressure']);
  // The path is drawn: the root, three questions and the leaf.
  await expect(page.locator('.career-node.is-on-walk')).toHaveCount(5);
  await expect(page.locator('.career-node.is-here')).toHaveText('SRE');
  await page.getByRole('link', { name: 'Practise the SRE quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/#practice\/sre/);
  await expect(page.locator('.quiz-prompt')).toBeVisible({ timeout: 15_000 });
});

test('a reader drawn to security who does not code is led to DevSecOps', async ({ page }) => {
  await openView(page, 'career');
  await walk(page, ['Yes', 'No', 'Yes']);
  await expect(result(page)).toHaveText('Your path: DevSecOps');
  await expect(page.locator('.career-result ul').first().locator('li')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Practise the DevSecOps quiz' })).toHaveAttribute('href', 'quiz/#practice/devsecops');
});

test('Back undoes one answer, the walk survives a reload, and Start again clears it', async ({ page }) => {
  await openView(page, 'career');
  const back = page.getByRole('button', { name: 'Back', exact: true });
  const restart = page.getByRole('button', { name: 'Start again' });
  await expect(back).toBeDisabled();
  await walk(page, ['Yes', 'Yes', 'No', 'No']);
  await expect(result(page)).toHaveText('Your path: DevOps');
  await back.click();
  await expect(question(page)).toHaveText('Question 4 Can you accept on-call?');
  await expect(page.locator('.career-steps li')).toHaveCount(3);
  await expect(page).toHaveURL(/path-finder\/1-1-2$/);
  await page.reload();
  await expect(question(page)).toHaveText('Question 4 Can you accept on-call?');
  await restart.click();
  await expect(question(page)).toHaveText('Question 1 Want to work in cloud operations related fields?');
  await expect(page.locator('.career-no-answers')).toBeVisible();
  await expect(back).toBeDisabled();
});

test('the whole finder works from the keyboard, focus following each answer', async ({ page }) => {
  await openView(page, 'career');
  await tabTo(page, answer(page, 'Yes'));
  await page.keyboard.press('Enter');
  await expect(question(page)).toBeFocused();
  await expect(question(page)).toContainText('Do you like coding?');
  for (const label of ['Yes']) {
    await tabTo(page, answer(page, label), 5);
    await page.keyboard.press('Enter');
    await expect(question(page)).toBeFocused();
  }
  await tabTo(page, answer(page, 'Yes'), 5);
  await page.keyboard.press('Space');
  await expect(result(page)).toBeFocused();
  await expect(result(page)).toHaveText('Your path: DevSecOps');
  await tabTo(page, page.getByRole('button', { name: 'Back', exact: true }), 5);
  await page.keyboard.press('Enter');
  await expect(question(page)).toBeFocused();
  await expect(question(page)).toContainText('Interested in security?');

  // The self-rating: Tab into each skill's group, Space picks 1, arrows move up.
  const ratings = [3, 3, 4, 3, 5, 2];
  const groups = page.locator('.skill-choice');
  await tabTo(page, groups.nth(0).locator('input').first(), 40);
  for (let skill = 0; skill < 6; skill++) {
    await page.keyboard.press('Space');
    for (let step = 1; step < ratings[skill]; step++) await page.keyboard.press('ArrowRight');
    await expect(groups.nth(skill).locator('input:checked')).toHaveValue(String(ratings[skill]));
    if (skill < 5) await page.keyboard.press('Tab');
  }
  await expect(page.locator('.skill-rating-status')).toHaveText('Smallest total gap: DevSecOps.');
});

test('self-ratings give each role\'s gap, the closest role, and are kept for the next visit', async ({ page }) => {
  await openView(page, 'career/skills');
  const groups = page.locator('.skill-choice');
  const ratings = [5, 5, 3, 4, 2, 5];
  for (let skill = 0; skill < 6; skill++) {
    await groups.nth(skill).getByRole('radio', { name: `${ratings[skill]} out of 5` }).check();
  }
  // SRE asks 5, 5, 3, 4, 2, 5: exactly these ratings.
  await expect(page.locator('.skill-rating-status')).toHaveText('Smallest total gap: SRE.');
  const totals = page.locator('table[data-table="skill-gaps"] tfoot td');
  await expect(totals).toHaveText(['', '2', '0', '4']);
  await expect(page.locator('.skill-chart svg').nth(0)).toHaveAttribute('aria-label', "DevOps's profile with your ratings: a total gap of 2");
  await expect(page.locator('.skill-chart').nth(0).locator('.skill-gap')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.skill-rating-status')).toHaveText('Smallest total gap: SRE.');
  await page.getByRole('button', { name: 'Clear my ratings' }).click();
  await expect(page.locator('.skill-rating-status')).toContainText('0 of 6 skills rated.');
  await expect(totals).toHaveText(['', '–not rated', '–not rated', '–not rated']);
});

test('the salary chart draws every range by level with the market, the year and the caveat', async ({ page }) => {
  await openView(page, 'career/salary');
  await expect(page.locator('.salary-market')).toHaveText('Based on the 2025 Taiwan market, by level.');
  await expect(page.locator('.salary-level-name')).toHaveText(['Junior', 'Mid-level', 'Senior']);
  await expect(page.locator('.salary-bar')).toHaveCount(9);
  // On one scale: the senior SRE bar ends furthest right, the junior DevOps bar starts furthest left.
  const boxes = await page.locator('.salary-bar rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect()));
  const left = Math.min(...boxes.map((b) => b.left));
  const right = Math.max(...boxes.map((b) => b.right));
  expect(boxes[0].left).toBe(left);
  expect(boxes[7].right).toBe(right);
  await expect(page.locator('.salary .note')).toHaveText('Compensation at foreign companies and large tech companies may be higher.');
});

test('an address typed or followed while the finder is open takes it to that walk', async ({ page }) => {
  await openView(page, 'career/path-finder/1-1');
  await expect(question(page)).toContainText('Interested in security?');
  await page.evaluate(() => { location.hash = '#path-finder/1-2-1'; });
  await expect(result(page)).toHaveText('Your path: DevSecOps');
  await expect(page.locator('.career-steps li')).toHaveCount(3);
  // The finder's own moves do not start it over.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(question(page)).toHaveText('Question 3 Interested in security?');
  await expect(page).toHaveURL(/path-finder\/1-2$/);
});

test('with storage that throws, ratings still work and the reader is told they will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await openView(page, 'career/skills');
  await expect(page.locator('.skill-rating .notice')).toHaveText('This browser does not let the page keep your ratings, so they last until you leave.');
  const groups = page.locator('.skill-choice');
  for (let skill = 0; skill < 6; skill++) await groups.nth(skill).getByRole('radio', { name: '5 out of 5' }).check();
  await expect(page.locator('.skill-rating-status')).toHaveText('Smallest total gap: DevOps, SRE and DevSecOps.');
});

test('an address with answers that are not in the tree starts over and says so', async ({ page }) => {
  await openView(page, 'career/path-finder/1-9');
  await expect(page.locator('.career-tree .notice')).toContainText('not in the tree');
  await expect(question(page)).toContainText('Want to work in cloud operations');
});

for (const theme of ['light', 'dark']) {
  test(`axe finds no violation in a finished walk and a full rating (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openView(page, 'career/path-finder/1-1-2-1');
    await expect(result(page)).toHaveText('Your path: SRE');
    const groups = page.locator('.skill-choice');
    for (let skill = 0; skill < 6; skill++) await groups.nth(skill).getByRole('radio', { name: '3 out of 5' }).check();
    await expect(page.locator('.skill-rating-status')).toContainText('Smallest total gap');
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}

test('the finder embeds alone and its result opens practice in the full module', async ({ page }) => {
  await page.goto('/embed-career.html');
  await expect(page.locator('h1')).toHaveText('Find your path: DevOps, SRE or DevSecOps?');
  await expect(page.locator('.site-header')).toHaveCount(0);
  await walk(page, ['Yes', 'No', 'No']);
  await expect(result(page)).toHaveText('Your path: DevOps');
  const practise = page.getByRole('link', { name: 'Practise the DevOps quiz' });
  await expect(practise).toHaveAttribute('href', 'quiz/#practice/devops');
  await expect(practise).toHaveAttribute('target', '_blank');
  const results = await axe(page).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
