import { test, expect, openView, axe, tabTo } from '../fixtures.mjs';
import { bank, prompt, shown, answer, next } from '../quiz.mjs';

test('an assessment answered right on DevOps and DevSecOps and wrong on SRE scores 100, 0 and 100', async ({ page }) => {
  await openView(page, 'quiz/assessment?seed=20261126');
  const questions = await bank(page);
  for (let n = 1; n <= 15; n++) {
    await expect(page.locator('.quiz-count')).toHaveText(`Question ${n} of 15`);
    const question = await shown(page, questions);
    const right = !question.topic.startsWith('sre/');
    await answer(page, question, right);
    await expect(page.locator('.quiz-verdict')).toHaveText(right ? 'Right.' : 'Not quite.');
    await next(page);
  }
  const scores = page.locator('.quiz-score-list li');
  await expect(scores).toHaveText(['DevOps: 100%', 'SRE: 0%', 'DevSecOps: 100%']);
  await expect(page.locator('.quiz-verdicts')).toContainText('Strongest: DevOps. Weakest: SRE.');
  await expect(page.locator('.quiz-verdicts a')).toHaveAttribute('href', 'sre/');
  await expect(page.locator('.quiz-review > li')).toHaveCount(5);
  // The share link carries the scores and nothing else.
  await expect(page.getByRole('link', { name: /Share these scores/ })).toHaveAttribute(
    'href', 'quiz/#result?devops=100&sre=0&devsecops=100',
  );
  await page.getByRole('link', { name: /Share these scores/ }).click();
  await expect(page.locator('.quiz-score-list li')).toHaveText(['DevOps: 100%', 'SRE: 0%', 'DevSecOps: 100%']);
  // The missed questions wait for a retake.
  await openView(page, 'quiz');
  await expect(page.getByText('5 questions were missed in your last quiz.')).toBeVisible();
});

test('the same seed gives the same quiz, so a link shares it', async ({ page, browser }) => {
  await openView(page, 'quiz/practice/devsecops?seed=7');
  const first = await prompt(page).textContent();
  const other = await browser.newPage();
  await other.goto('/quiz/#practice/devsecops?seed=7');
  await expect(other.locator('.quiz-prompt')).toHaveText(first);
  await other.close();
});

test('leaving mid-quiz and coming back resumes where the reader was', async ({ page }) => {
  await openView(page, 'quiz/practice/together?seed=99');
  const questions = await bank(page);
  await answer(page, await shown(page, questions), true);
  await next(page);
  const second = await prompt(page).textContent();
  await page.reload();
  await expect(page.locator('.quiz-count')).toHaveText('Question 2 of 10');
  await expect(prompt(page)).toHaveText(second);
  await openView(page, 'devops');
  await openView(page, 'quiz');
  await page.getByRole('link', { name: 'Resume: question 2 of 10' }).click();
  await expect(prompt(page)).toHaveText(second);
});

test('a corrupt save is kept aside, and the reader is told', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('planted')) {
      localStorage.setItem('ops-trio.progress', '{"app":"ops-trio","version":2,"progress":{"cards":7');
      sessionStorage.setItem('planted', '1');
    }
  });
  await openView(page, 'quiz');
  const notice = page.locator('.quiz .notice');
  await expect(notice).toContainText('Your saved progress could not be read. It was kept aside under');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('ops-trio.progress.backup-')).map((k) => localStorage.getItem(k)),
  );
  expect(backups).toEqual(['{"app":"ops-trio","version":2,"progress":{"cards":7']);
});

test('a save from a newer version is left untouched: the page opens read-only', async ({ page }) => {
  const newer = '{"app":"ops-trio","version":9,"progress":{"cards":{"x":1}}}';
  await page.addInitScript((newer) => localStorage.setItem('ops-trio.progress', newer), newer);
  await openView(page, 'quiz');
  await expect(page.locator('.quiz .notice')).toContainText('comes from a newer version of Ops Trio. It is left untouched');
  // DevSecOps: no generated questions, which the bank does not hold.
  await page.locator('.quiz').getByRole('link', { name: 'DevSecOps', exact: true }).click();
  const questions = await bank(page);
  await answer(page, await shown(page, questions), true);
  await next(page);
  expect(await page.evaluate(() => localStorage.getItem('ops-trio.progress'))).toBe(newer);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backup')))).toEqual([]);
});

test('a deploy while a tab is open: once a newer release saves, the older tab saves nothing more', async ({ page, context }) => {
  await openView(page, 'quiz/practice/devsecops?seed=5');
  const questions = await bank(page);
  await answer(page, await shown(page, questions), true);
  await next(page);
  // The newer release, in a second tab, saves in its own format.
  const newer = '{"app":"ops-trio","version":3,"progress":{"cards":{"devsecops-001":{"kept":true}}}}';
  const other = await context.newPage();
  await other.goto('/embed.js');
  await other.evaluate((newer) => localStorage.setItem('ops-trio.progress', newer), newer);
  await expect(page.locator('.quiz .notice')).toContainText('Another tab, running a newer version of Ops Trio, has saved your progress.');
  await answer(page, await shown(page, questions), false);
  await next(page);
  expect(await page.evaluate(() => localStorage.getItem('ops-trio.progress'))).toBe(newer);
  await other.close();
});

test('full storage still shows the saved progress, read-only, and Export keeps it', async ({ page }) => {
  const saved = JSON.stringify({ app: 'ops-trio', version: 2, progress: { cards: {}, mistakes: ['sre-001', 'sre-002'], results: [] } });
  await page.addInitScript((saved) => {
    localStorage.setItem('ops-trio.progress', saved);
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  }, saved);
  await openView(page, 'quiz');
  await expect(page.locator('.quiz .notice')).toContainText('Storage is full');
  await expect(page.getByText('2 questions were missed in your last quiz.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile(await (await download).path(), 'utf8'));
  expect(exported.progress.mistakes).toEqual(['sre-001', 'sre-002']);
});

test('a crafted import: the quiz in it that does not fit the bank is set aside, the rest imported', async ({ page }) => {
  const crafted = {
    app: 'ops-trio', version: 2,
    progress: {
      cards: {}, mistakes: ['devops-001'], results: [],
      session: { mode: 'Assessment', seed: 3, position: 0, items: [{ question: { Bank: 'devops-001' }, order: [0, 99] }], answers: [null] },
    },
  };
  await openView(page, 'quiz');
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'crafted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crafted)) });
  await expect(page.getByRole('alertdialog')).toContainText('After: 0 questions reviewed, 0 results, a quiz in progress.');
  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(page.locator('.quiz .notice')).toContainText('no longer matches the questions');
  await expect(page.getByText('1 question was missed in your last quiz.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Resume/ })).toHaveCount(0);
  await page.goto('/quiz/#assessment?seed=3');
  await expect(page.locator('.quiz-count')).toHaveText('Question 1 of 15');
});

test('two tabs answering at once lose nothing: the results and reviews of both quizzes are kept', async ({ page, context }) => {
  const other = await context.newPage();
  await openView(page, 'quiz/practice/devops/calms?seed=1');
  await other.goto('/quiz/#practice/sre/toil?seed=2');
  const questions = await bank(page);
  const counts = [];
  for (const tab of [page, other]) counts.push(Number((await tab.locator('.quiz-count').textContent()).match(/of (\d+)/)[1]));
  const answered = new Set();
  for (let n = 0; n < Math.max(...counts); n++) {
    for (const [i, tab] of [page, other].entries()) {
      if (n >= counts[i]) continue;
      const question = await shown(tab, questions);
      answered.add(question.id);
      await answer(tab, question, n % 2 === 0);
      await next(tab);
    }
  }
  for (const tab of [page, other]) await expect(tab.locator('.quiz-score-list li').first()).toBeVisible();
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('ops-trio.progress')).progress);
  expect(kept.results).toHaveLength(2);
  expect(Object.keys(kept.cards).sort()).toEqual([...answered].sort());
  await other.close();
});

test('with storage that throws, the quiz still runs and says progress will not be saved', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await openView(page, 'quiz');
  await expect(page.locator('.quiz .notice')).toContainText('progress will not be saved');
  await page.locator('.quiz').getByRole('link', { name: 'DevSecOps', exact: true }).click();
  const questions = await bank(page);
  await answer(page, await shown(page, questions), true);
  await expect(page.locator('.quiz-verdict')).toHaveText('Right.');
});

test('exported progress imported into a fresh browser restores it', async ({ page, browser }) => {
  await openView(page, 'quiz/practice/devsecops?seed=5');
  const questions = await bank(page);
  for (let n = 0; n < 10; n++) {
    await answer(page, await shown(page, questions), n % 2 === 0);
    await next(page);
  }
  await openView(page, 'quiz');
  await expect(page.getByText('5 questions were missed in your last quiz.')).toBeVisible();
  // With a quiz finished, the page has asked the browser to keep its data, and says
  // what the browser answered.
  await expect(page.locator('.quiz-storage-note')).toHaveText(/keeps your progress until you clear|Export your progress now and then/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/quiz/');
  await expect(other.getByText('No mistakes to retake')).toBeVisible();
  await other.getByLabel('Import progress from a file').setInputFiles(file);
  await expect(other.getByRole('alertdialog')).toContainText('Now: 0 questions reviewed, 0 results, no quiz in progress.');
  await other.getByRole('button', { name: 'Replace' }).click();
  await expect(other.getByText('Progress imported.')).toBeVisible();
  await expect(other.getByText('5 questions were missed in your last quiz.')).toBeVisible();
  await other.reload();
  await expect(other.getByText('5 questions were missed in your last quiz.')).toBeVisible();

  // A bad file changes nothing.
  await other.getByLabel('Import progress from a file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"nope":1}') });
  await expect(other.getByText('That file is not Ops Trio progress, so nothing was changed.')).toBeVisible();
  await expect(other.getByText('5 questions were missed in your last quiz.')).toBeVisible();
  await fresh.close();
});

test('reset asks first, then clears progress', async ({ page }) => {
  await openView(page, 'quiz/practice/together?seed=3');
  const questions = await bank(page);
  await answer(page, await shown(page, questions), false);
  await openView(page, 'quiz');
  await expect(page.getByRole('link', { name: /Resume/ })).toBeVisible();
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: /Resume/ })).toBeVisible();
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByText('Progress reset.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Resume/ })).toHaveCount(0);
  // What the reset replaced is a backup, which brings the quiz back.
  await page.getByText(/^Backups \(1\)/).click();
  await page.getByRole('button', { name: /Restore the backup of/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Resume/ })).toBeVisible();
});

test('keyboard alone: choose a quiz, answer with a number key, Enter checks and moves on', async ({ page }) => {
  await openView(page, 'quiz');
  await tabTo(page, page.locator('.quiz').getByRole('link', { name: 'MLOps', exact: true }));
  await page.keyboard.press('Enter');
  await expect(prompt(page)).toBeFocused();
  await expect(page.locator('.quiz-count')).toHaveText(/Question 1 of/);
  const questions = await bank(page);
  const question = await shown(page, questions);
  const [kind] = Object.keys(question.body);
  if (['single', 'multiple', 'true_false'].includes(kind)) {
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
  } else {
    await answer(page, question, true);
  }
  await expect(page.locator('.quiz-feedback[role="status"]')).toContainText(/Right\.|Not quite\.|Partly right/);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz-count')).toHaveText(/Question 2 of/);
  await expect(prompt(page)).toBeFocused();
});

test('the CALMS wheel sends the reader to a quiz on its pillar', async ({ page }) => {
  await openView(page, 'devops/calms/sharing');
  await page.getByRole('link', { name: 'Test yourself on Sharing' }).click();
  await expect(page).toHaveURL(/\/quiz\/#practice\/devops\/calms\/sharing\?seed=\d+$/);
  const questions = await bank(page);
  expect((await shown(page, questions)).topic).toBe('devops/calms/sharing');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation on the quiz home, a question and its feedback, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openView(page, 'quiz');
    await expect(page.getByText('Choose a quiz')).toBeVisible();
    const check = async () => {
      const results = await axe(page).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    };
    await check();
    await openView(page, 'quiz/practice/sre?seed=11');
    await expect(prompt(page)).toBeVisible();
    await check();
    await answer(page, await shown(page, await bank(page)), false);
    await check();
  });
}
