// The SCORM 1.2 package in an LMS: `target/package/ops-trio-scorm12.zip`, served from
// the zip by lms/serve-package.mjs beside a host page that runs scorm-again 3.4 as the
// LMS (lms/host.mjs). A whole assessment reported; a reload mid-quiz, and another
// device, resumed from the suspend data; the language switch inside one launch; the
// manifest against the zip it describes. Then, outside an LMS, the learner's xAPI
// statements downloaded from the quiz page.
import { readFile } from 'node:fs/promises';
import { test, expect } from '../fixtures.mjs';
import { LMS_PORT, SCORM_PACKAGE } from '../playwright.config.mjs';
import { readZip } from '../lms/unzip.mjs';
import { bank, shown, answer, next, ENGLISH, CHINESE } from '../quiz.mjs';
import { BANK_ZH_TW } from '../bank.mjs';

const LMS = `http://127.0.0.1:${LMS_PORT}/`;
/** The quiz whose SRE questions quiz.spec.mjs answers wrong for SRE 0%. */
const SEED = 20261126;

const host = (page, what) => page.evaluate((what) => {
  const lms = window.lmsHost;
  return what === 'report' ? lms.report() : what === 'problems' ? lms.problems() : lms[what];
}, what);

/** The app's frame, once the app has started in it. */
async function appFrame(page) {
  await expect.poll(() => host(page, 'initialized'), { message: 'the app called LMSInitialize' }).toBe(true);
  const frame = page.frame({ url: /\/content\// });
  await frame.waitForFunction(() => performance.getEntriesByName('ops-trio:interactive').length > 0);
  return frame;
}

/** Launches the package in the LMS (`fresh`: a first launch) and opens the assessment. */
async function openAssessment(page, { fresh = true } = {}) {
  await page.goto(`${LMS}${fresh ? '?fresh' : ''}`);
  const frame = await appFrame(page);
  // As a learner goes there: the nav link, then the assessment of a known seed (the
  // fragment, as a shared link would give it), all inside the one page of the launch.
  await frame.getByRole('navigation').getByRole('link', { name: 'Quiz' }).click();
  await expect(frame.getByRole('heading', { name: 'Choose a quiz' })).toBeVisible();
  await frame.evaluate((seed) => { location.hash = `#assessment?seed=${seed}`; }, SEED);
  await expect(frame.locator('.quiz-count')).toHaveText(/Question \d+ of 15/);
  return frame;
}

/** Answers questions `from`..`to` (1-based) of the assessment: SRE wrong, the rest right. */
async function answerQuestions(frame, questions, from, to, labels = ENGLISH) {
  const asked = [];
  for (let n = from; n <= to; n++) {
    await expect(frame.locator('.quiz-count')).toHaveText(labels === ENGLISH ? `Question ${n} of 15` : new RegExp(`${n}.*15`));
    const question = await shown(frame, questions);
    const right = !question.topic.startsWith('sre/');
    await answer(frame, question, right, { labels });
    await next(frame, labels);
    asked.push({ id: question.id, kind: Object.keys(question.body)[0], right });
  }
  return asked;
}

const SCORM_TYPE = { single: 'choice', multiple: 'choice', true_false: 'true-false', ordering: 'sequencing', matching: 'matching', numeric: 'numeric' };

test('a whole assessment reports its score, status, every interaction and an objective per discipline', async ({ page }) => {
  const questions = await bank(page);
  const frame = await openAssessment(page);
  const asked = await answerQuestions(frame, questions, 1, 15);
  await expect(frame.locator('.quiz-score-list li')).toHaveText(['DevOps: 100%', 'SRE: 0%', 'DevSecOps: 100%']);

  await expect.poll(() => host(page, 'finished'), { message: 'the assessment finished the launch' }).toBe(true);
  expect(await host(page, 'problems')).toEqual([]);
  const report = await host(page, 'report');
  // 10 of 15 right: 67%, under the manifest's mastery score of 80.
  expect(report.score).toEqual({ raw: '67', min: '0', max: '100' });
  expect(report.lesson_status).toBe('failed');
  expect(report.exit).toBe('');
  expect(report.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  expect(report.objectives).toEqual([
    { id: 'devops', status: 'passed', score: { raw: '100', min: '0', max: '100' } },
    { id: 'sre', status: 'failed', score: { raw: '0', min: '0', max: '100' } },
    { id: 'devsecops', status: 'passed', score: { raw: '100', min: '0', max: '100' } },
  ]);
  expect(report.interactions).toHaveLength(15);
  for (const [n, question] of asked.entries()) {
    const interaction = report.interactions[n];
    expect(interaction.id).toBe(question.id);
    expect(interaction.type).toBe(SCORM_TYPE[question.kind]);
    expect(interaction.result).toBe(question.right ? 'correct' : 'wrong');
    expect(interaction.weighting).toBe('1');
    expect(interaction.latency).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(interaction.time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    if (question.right) expect(interaction.student_response).toBe(interaction.correct_responses[0]);
    else expect(interaction.student_response).not.toBe(interaction.correct_responses[0]);
  }
  // The app's own verdict, before the LMS applies its mastery rule at LMSFinish.
  const calls = await host(page, 'calls');
  const status = calls.filter((c) => c.method === 'LMSSetValue' && c.element === 'cmi.core.lesson_status').map((c) => c.value);
  expect(status).toEqual(['incomplete', 'failed']);
  expect(calls.at(-1)).toMatchObject({ method: 'LMSFinish', result: 'true' });
  // The suspend data is the progress, within SCORM 1.2's 4,096 characters.
  expect(report.suspend_data.length).toBeLessThanOrEqual(4096);
  expect(JSON.parse(report.suspend_data)).toMatchObject({ app: 'ops-trio', version: 2 });
  // The learner is told that what follows stays in the browser.
  await expect(frame.getByText('Your course has your results from this visit')).toBeVisible();
  await expect(frame.locator('.quiz-lms-kept')).toHaveCount(0);
});

test('all right passes, and the LMS keeps the status passed', async ({ page }) => {
  const questions = await bank(page);
  const frame = await openAssessment(page);
  for (let n = 1; n <= 15; n++) {
    await expect(frame.locator('.quiz-count')).toHaveText(`Question ${n} of 15`);
    await answer(frame, await shown(frame, questions), true);
    await next(frame);
  }
  await expect.poll(() => host(page, 'finished')).toBe(true);
  const report = await host(page, 'report');
  expect(report.score.raw).toBe('100');
  expect(report.lesson_status).toBe('passed');
  expect(report.objectives.map((o) => o.status)).toEqual(['passed', 'passed', 'passed']);
  const status = (await host(page, 'calls')).filter((c) => c.method === 'LMSSetValue' && c.element === 'cmi.core.lesson_status').map((c) => c.value);
  expect(status).toEqual(['incomplete', 'passed']);
  expect(await host(page, 'problems')).toEqual([]);
});

test('a reload mid-quiz resumes from the suspend data, and so does another device', async ({ page, browser }) => {
  const questions = await bank(page);
  let frame = await openAssessment(page);
  const before = await answerQuestions(frame, questions, 1, 6);
  const seventh = await frame.locator('.quiz-prompt').textContent();
  // The attempt is committed as it goes: six interactions and the quiz at question 7.
  await expect.poll(async () => (await host(page, 'report'))?.interactions.length).toBe(6);
  const atSix = JSON.parse((await host(page, 'report')).suspend_data);
  expect(atSix.progress.session.position).toBe(6);

  // The tab reloads, and the LMS launches the package again from what it stored. The
  // browser's own copy is gone, as on a machine that keeps nothing: the suspend data
  // alone resumes.
  await frame.evaluate(() => localStorage.removeItem('ops-trio.progress'));
  await page.goto(LMS);
  frame = await appFrame(page);
  expect((await host(page, 'launch')).entry).toBe('resume');
  await frame.getByRole('navigation').getByRole('link', { name: 'Quiz' }).click();
  await expect(frame.getByRole('link', { name: 'Resume: question 7 of 15' })).toBeVisible();
  // The course has all of this small progress.
  await expect(frame.locator('.quiz-lms-kept')).toHaveText('Your course keeps all of your progress too, so you can go on from another device.');
  await frame.getByRole('link', { name: 'Resume: question 7 of 15' }).click();
  await expect(frame.locator('.quiz-count')).toHaveText('Question 7 of 15');
  await expect(frame.locator('.quiz-prompt')).toHaveText(seventh);

  // Another device: a new browser with nothing stored, given what the LMS keeps.
  await answerQuestions(frame, questions, 7, 9);
  await expect.poll(async () => (await host(page, 'report'))?.interactions.length).toBe(9);
  const committed = await host(page, 'committed');
  const device = await browser.newContext();
  const other = await device.newPage();
  await other.addInitScript((cmi) => { window.lmsHostPreload = { ...cmi, core: { ...cmi.core, exit: 'suspend' } }; }, committed);
  await other.goto(LMS);
  const there = await appFrame(other);
  await there.getByRole('navigation').getByRole('link', { name: 'Quiz' }).click();
  await there.getByRole('link', { name: 'Resume: question 10 of 15' }).click();
  const after = await answerQuestions(there, questions, 10, 15);
  await expect.poll(() => host(other, 'finished')).toBe(true);
  const report = await host(other, 'report');
  const ids = report.interactions.map((i) => i.id);
  expect(ids).toHaveLength(15);
  expect(new Set(ids).size).toBe(15);
  expect(ids.slice(0, 6)).toEqual(before.map((q) => q.id));
  expect(ids.slice(9)).toEqual(after.map((q) => q.id));
  expect(report.score.raw).toBe('67');
  expect(await host(other, 'problems')).toEqual([]);
  await device.close();
});

test('the language switch goes on with the same launch, and its answers follow the first page’s', async ({ page }) => {
  const questions = await bank(page);
  const frame = await openAssessment(page);
  const before = await answerQuestions(frame, questions, 1, 2);
  await frame.getByRole('link', { name: '繁體中文' }).click();
  await frame.waitForURL(/\/content\/zh-TW\/quiz\/index\.html\?lang=zh-TW#assessment/);
  await frame.waitForFunction(() => document.documentElement.lang === 'zh-TW' && performance.getEntriesByName('ops-trio:interactive').length > 0);
  const chinese = (await (await page.request.get(`/${BANK_ZH_TW}`)).json()).questions;
  const after = await answerQuestions(frame, chinese, 3, 3, CHINESE);
  await expect.poll(async () => (await host(page, 'report'))?.interactions.length).toBe(3);
  const report = await host(page, 'report');
  expect(report.interactions.map((i) => i.id)).toEqual([...before, ...after].map((q) => q.id));
  // One LMSInitialize for the launch; the first page suspended without finishing it.
  const calls = await host(page, 'calls');
  expect(calls.filter((c) => c.method === 'LMSInitialize')).toHaveLength(1);
  expect(calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(0);
  expect(await host(page, 'problems')).toEqual([]);
  expect(report.lesson_status).toBe('incomplete');
  expect(report.exit).toBe('suspend');
});

test('the manifest lists exactly the package’s files, and its entry point launches', async ({ page }) => {
  const zip = readZip(await readFile(SCORM_PACKAGE));
  const names = zip.names().filter((name) => !name.endsWith('/')).sort();
  await page.goto(`${LMS}?fresh`);
  await appFrame(page);
  const launch = await host(page, 'launch');
  expect(launch.manifest.schemaversion).toBe('1.2');
  expect(launch.manifest.scormType).toBe('sco');
  expect(launch.href).toBe('index.html');
  expect(launch.masteryScore).toBe('80');
  const listed = await page.evaluate(async () => {
    const text = await (await fetch('/content/imsmanifest.xml')).text();
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    const all = (name) => [...xml.getElementsByTagNameNS('*', name)];
    return {
      organizations: all('organization').length,
      files: all('file').map((file) => file.getAttribute('href')),
    };
  });
  expect(listed.organizations).toBe(1);
  expect([...listed.files].sort()).toEqual(names.filter((name) => name !== 'imsmanifest.xml'));
  expect(names).toContain('index.html');
  expect(names).not.toContain('sw.js');
});

test('outside an LMS, the learner downloads their answers as xAPI statements', async ({ page }) => {
  await page.goto('/quiz/#practice/devops?seed=5');
  await page.waitForFunction(() => performance.getEntriesByName('ops-trio:interactive').length > 0);
  const questions = await bank(page);
  const asked = [];
  for (let n = 1; n <= 2; n++) {
    const question = await shown(page, questions);
    await answer(page, question, n === 1);
    asked.push(question.id);
    await next(page, ENGLISH);
  }
  await page.goto('/quiz/');
  await page.getByLabel(/Your name in the records/).fill('Ada Lovelace');
  await expect(page.getByText('2 statements')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download learning records' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ops-trio-xapi-statements.json');
  const statements = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(statements).toHaveLength(2);
  for (const [n, statement] of statements.entries()) {
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(statement.actor.name).toBe('Ada Lovelace');
    expect(statement.actor.account.homePage).toBe('https://ops-trio.invalid/');
    expect(statement.object.id).toBe(`https://ops-trio.invalid/question/${asked[n]}`);
    expect(statement.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
    expect(statement.result.success).toBe(n === 0);
    expect(statement.result.duration).toMatch(/^PT/);
    expect(statement.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  }
  // No LMS here: nothing is said about what a course keeps.
  await expect(page.locator('.quiz-lms-kept')).toHaveCount(0);
});
