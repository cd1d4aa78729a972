// The scenarios every engine runs, Chromium, Firefox and WebKit alike: what a reader
// does with each view and widget, written once against `Reader` (WebDriver).
// `context` holds the servers: `app` (the build), `throwing` (the build, with storage
// that throws), `host` (another origin's page that embeds widgets) and `singleFile`
// (the one-file build's file:// URL).
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';

import { Key } from './reader.mjs';
import { VIEWS } from '../views.mjs';
import { BANK } from '../bank.mjs';

/** The question bank, as the app fetches it. */
async function bank(origin) {
  return (await (await fetch(new URL(BANK, origin))).json()).questions;
}

/** The bank's question on screen now. */
async function shown(reader, questions) {
  const text = await reader.see('.quiz-prompt', /\S/);
  const question = questions.find((q) => q.prompt === text);
  assert.ok(question, `the question "${text}" is in the bank`);
  return question;
}

/** Answers the question on screen right, through its own controls, and checks it. */
async function answerRight(reader, question) {
  const [kind, body] = Object.entries(question.body)[0];
  const option = (text) => reader.click('.quiz-option', new RegExp(escape(text)));
  if (kind === 'single') {
    await option(body.options.find((o) => o.correct).text);
  } else if (kind === 'multiple') {
    for (const o of body.options.filter((o) => o.correct)) await option(o.text);
  } else if (kind === 'true_false') {
    await reader.click('.quiz-option', body.answer ? /True$/ : /False$/);
  } else if (kind === 'ordering') {
    for (const [place, item] of body.items.entries()) {
      for (;;) {
        const current = await reader.run("return [...document.querySelectorAll('.quiz-order-item > span')].map((s) => s.textContent)");
        if (current.indexOf(item) <= place) break;
        await reader.click(`button[aria-label="Move “${item}” up"]`);
      }
    }
  } else if (kind === 'matching') {
    for (const [i, pair] of body.pairs.entries()) {
      const select = await reader.find(`#quiz-match-${i}`);
      await reader.scrollTo(select);
      await select.findElement(By.xpath(`.//option[normalize-space(.)=${xpathString(pair.right)}]`)).click();
    }
  } else if (kind === 'numeric') {
    await reader.type('#quiz-number', String(body.answer));
  }
  await reader.click('button', 'Check answer');
  await reader.see('.quiz-verdict', 'Right.');
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const xpathString = (text) => (text.includes('"') ? `concat("${text.split('"').join('", \'"\', "')}")` : `"${text}"`);

/** What the tour does between two pillars (the wheel's TOUR_STEP), with room to spare. */
const TOUR_STEP = 6_000;

export const SCENARIOS = [
  {
    name: 'every view shows its heading and a fact of the article, and axe finds no violation',
    async run(reader) {
      for (const view of VIEWS) {
        await reader.open(view.id);
        await reader.see('h1', view.title);
        // The CALMS tour fades a pillar in every few seconds: held, the scan reads one.
        if (view.id === 'devops') await reader.click('.calms-toggle', 'Pause tour');
        const main = await reader.see('main', /\S/);
        assert.ok(main.includes(view.fact), `${view.id} shows “${view.fact}”`);
        assert.deepEqual(await reader.axe(), [], `axe on ${view.id}`);
      }
    },
  },
  {
    name: 'keyboard alone moves between views, and Back returns',
    async run(reader) {
      await reader.open('overview');
      await reader.tabTo('.site-nav a', 'SRE');
      await reader.press(Key.ENTER);
      await reader.see('h1', 'What is SRE?');
      await reader.until(() => reader.run("return document.activeElement === document.querySelector('h1')"), 'focus on the heading');
      await reader.tabTo('.pager a[rel="next"]');
      await reader.press(Key.ENTER);
      await reader.see('h1', 'What is DevSecOps?');
      assert.match(await reader.driver.getCurrentUrl(), /\/devsecops\/$/);
      await reader.driver.navigate().back();
      await reader.see('h1', 'What is SRE?');
      await reader.driver.navigate().back();
      await reader.see('h1', 'DevOps, SRE and DevSecOps at a glance');
    },
  },
  {
    name: 'the CALMS tour moves on by itself, Pause holds it, and a pillar can be chosen',
    async run(reader) {
      await reader.open('devops');
      const selected = '.calms [role="tab"][aria-selected="true"]';
      await reader.hasAttribute(selected, 'aria-label', 'C Culture');
      await reader.until(async () => (await reader.attribute(selected, 'aria-label')) === 'A Automation', 'the tour to reach Automation', TOUR_STEP + 4_000);
      await reader.click('.calms-toggle', 'Pause tour');
      await reader.see('.calms-toggle', 'Play tour');
      const held = await reader.attribute(selected, 'aria-label');
      await reader.driver.sleep(TOUR_STEP);
      assert.equal(await reader.attribute(selected, 'aria-label'), held, 'paused, the tour stays');
      // On its label: a click aims at the centre of what it is given, and the centre of
      // the segment's box need not be on the wheel.
      await reader.click('.calms [role="tab"][aria-label="L Lean"] text');
      await reader.hasAttribute(selected, 'aria-label', 'L Lean');
      await reader.see('#calms-panel', /small steps, fast runs/);
      assert.match(await reader.driver.getCurrentUrl(), /\/devops\/#calms\/lean$/);
    },
  },
  {
    name: 'a vulnerable dependency sent down the DevSecOps pipeline is caught at Build',
    async run(reader) {
      await reader.open('devsecops/pipeline');
      await reader.click('label', 'DevSecOps');
      await reader.hasAttribute('.pipeline', 'data-model', 'devsecops');
      await reader.click('label', /A vulnerable dependency/);
      await reader.see('.pipeline-result', /Caught at Build by Dependency scanning\. A fix here costs 10×\./);
      await reader.see('.pipeline-outcome', /In the Traditional model: caught at Security review, 15×\./);
    },
  },
  {
    name: 'the SLO slider, a preset and the SLO field give the exact figures',
    async run(reader) {
      await reader.open('sre/error-budget');
      const month = () => reader.run("return document.querySelector('.budget-downtime tr[data-window=\"month\"] td').textContent");
      await reader.click('.budget-preset', '99.95%');
      await reader.hasAttribute('.budget-preset[aria-pressed="true"]', 'aria-pressed', 'true');
      const downtime = await reader.run(
        "return Object.fromEntries([...document.querySelectorAll('.budget-downtime tbody tr')].map((r) => [r.dataset.window, r.querySelector('td').textContent]))",
      );
      assert.deepEqual(downtime, { day: '43s', week: '5m 2s', month: '21m 36s', quarter: '1h 5m 45s', year: '4h 22m 58s' });
      // The slider, by its keyboard: one step down from 99.95%.
      const slider = await reader.find('#budget-slo-range');
      await reader.scrollTo(slider);
      await slider.sendKeys(Key.ARROW_LEFT);
      await reader.until(async () => (await reader.see('.budget-slo-value', /%$/)) !== '99.95%', 'the slider to move the SLO');
      const moved = await (await reader.find('#budget-slo-text')).getAttribute('value');
      const movedMonth = await month();
      assert.equal(await slider.getAttribute('aria-valuetext'), `${moved} percent`);
      await reader.type('#budget-slo-text', '99.99');
      await reader.see('.budget-slo-value', '99.99%');
      assert.equal(await month(), '4m 19s');
      await reader.type('#budget-slo-text', moved);
      await reader.see('.budget-slo-value', `${moved}%`);
      assert.equal(await month(), movedMonth, 'typing the SLO the slider gave, the same month');
    },
  },
  {
    name: 'the path finder leads a coder who accepts on-call to SRE, and the self-rating finds the closest role',
    async run(reader) {
      await reader.open('career');
      await reader.see('.career-question [tabindex="-1"]', 'Question 1 Want to work in cloud operations related fields?');
      for (const [n, label] of ['Yes', 'Yes', 'No', 'Yes'].entries()) {
        await reader.see('.career-question [tabindex="-1"]', new RegExp(`^Question ${n + 1} `));
        await reader.click('.career-answer', label);
      }
      await reader.see('.career-result [tabindex="-1"]', 'Your path: SRE');
      assert.match(await reader.driver.getCurrentUrl(), /\/career\/#path-finder\/1-1-2-1$/);

      await reader.open('career/skills');
      const ratings = [5, 5, 3, 4, 2, 5];
      for (const [skill, rating] of ratings.entries()) {
        await reader.click(`input[name="skill-${skill}"][value="${rating}"]`);
      }
      await reader.see('.skill-rating-status', 'Smallest total gap: SRE.');
      await reader.driver.navigate().refresh();
      await reader.interactive();
      await reader.see('.skill-rating-status', 'Smallest total gap: SRE.');
      await reader.click('button', 'Clear my ratings');
      await reader.see('.skill-rating-status', /0 of 6 skills rated\./);
    },
  },
  {
    name: 'in an LMS, the package finds the SCORM API up the frames and reports each assessment answer',
    async run(reader, { lms }) {
      const questions = await bank(reader.origin);
      const host = (what) => reader.run(`return window.lmsHost && window.lmsHost[${JSON.stringify(what)}]`);
      await reader.driver.get(`${lms}?fresh`);
      await reader.until(() => host('initialized'), 'the package to call LMSInitialize');
      await reader.driver.switchTo().frame(await reader.find('#sco'));
      await reader.interactive();
      // In-page, as a learner goes: the nav link, then the assessment of a known seed.
      await reader.click('.site-nav a', 'Quiz');
      await reader.see('h2', 'Choose a quiz');
      await reader.run("location.hash = '#assessment?seed=20261126'");
      for (let n = 1; n <= 2; n++) {
        await reader.see('.quiz-count', `Question ${n} of 15`);
        await answerRight(reader, await shown(reader, questions));
        await reader.click('button', 'Next question');
      }
      await reader.driver.switchTo().defaultContent();
      const report = await reader.until(async () => {
        const now = await reader.run('return window.lmsHost.report()');
        return now?.interactions.length === 2 && now;
      }, 'two interactions committed');
      assert.deepEqual(report.interactions.map((i) => i.result), ['correct', 'correct']);
      assert.equal(report.lesson_status, 'incomplete');
      assert.equal(report.exit, 'suspend');
      assert.ok(report.suspend_data.length > 0 && report.suspend_data.length <= 4096);
      assert.deepEqual(await reader.run('return window.lmsHost.problems()'), []);
    },
  },
  {
    name: 'a quiz from start to results, exported, and imported after a reset',
    async run(reader, { app }) {
      const questions = await bank(app);
      await reader.open('quiz/practice/devsecops?seed=5');
      for (let n = 1; n <= 10; n++) {
        await reader.see('.quiz-count', `Question ${n} of 10`);
        await answerRight(reader, await shown(reader, questions));
        await reader.click('button', /^(Next question|See results)$/);
      }
      await reader.see('.quiz-score-list li', 'DevSecOps: 100%');

      await reader.open('quiz');
      await reader.see('main', /No mistakes to retake from your last quiz\./);
      // What Export hands the browser to download, read where it is made.
      await reader.run(
        `const make = URL.createObjectURL;
         URL.createObjectURL = (blob) => { blob.text().then((t) => { window.exported = t; }); return make(blob); };`,
      );
      await reader.click('button', 'Export progress');
      const exported = await reader.until(() => reader.run('return window.exported'), 'the exported file');
      assert.equal(JSON.parse(exported).progress.results.length, 1);

      await reader.click('button', 'Reset progress');
      await reader.click('button', 'Yes, reset');
      await reader.see('main', /Progress reset\./);

      const file = join(tmpdir(), `ops-trio-progress-${reader.engine}-${Date.now()}.json`);
      await writeFile(file, exported);
      const input = await reader.driver.findElement(By.css('input[type="file"]'));
      await input.sendKeys(file);
      await reader.see('[role="alertdialog"]', /Now: 0 questions reviewed, 0 results, no quiz in progress\./);
      await reader.click('[role="alertdialog"] button', 'Replace');
      await reader.see('main', /Progress imported\./);
      // What the page keeps now is the quiz it exported.
      await reader.driver.navigate().refresh();
      await reader.interactive();
      const kept = await reader.run("return JSON.parse(localStorage.getItem('ops-trio.progress')).progress.results.length");
      assert.equal(kept, 1);
    },
  },
  {
    name: 'with storage that throws, the quiz still runs and says progress will not be saved',
    async run(reader, { throwing }) {
      await reader.open('quiz', throwing);
      await reader.see('.quiz .notice', /progress will not be saved/);
      const questions = await bank(throwing);
      await reader.open('quiz/practice/sre?seed=3', throwing);
      await answerRight(reader, await shown(reader, questions));
    },
  },
  {
    name: 'embedded in a sandbox that allows scripts only, the widgets work',
    async run(reader, { app, host }) {
      const params = new URLSearchParams({ app, widgets: 'calms,budget,quiz', sandbox: 'allow-scripts' });
      await reader.driver.get(`${host}?${params}`);
      const frame = async (id) => {
        await reader.driver.switchTo().defaultContent();
        const element = await reader.find(`#${id}`);
        // Its top at the top of the window: WebKitWebDriver does not scroll the host
        // page for a click inside a frame, and each widget's controls come first.
        await reader.run("arguments[0].scrollIntoView({ block: 'start' })", element);
        await reader.driver.switchTo().frame(element);
        await reader.until(() => reader.run("return document.documentElement.hasAttribute('data-hydrated')"), `${id} to start`);
      };
      await frame('calms');
      await reader.click('[role="tab"][aria-label="L Lean"] text');
      await reader.see('#calms-panel h2', 'LLean');
      await frame('budget');
      await reader.click('.budget-preset', '99.99%');
      await reader.see('.budget-slo-value', '99.99%');
      await frame('quiz');
      await reader.see('.quiz .notice', /progress will not be saved/);
      await reader.driver.switchTo().defaultContent();
    },
  },
  {
    name: 'after one visit, with the server gone, a reload, every view and a quiz still open',
    async run(reader, { offline }) {
      const origin = await offline.start();
      await reader.open('overview', origin);
      await reader.until(
        // The worker takes the page once it has installed, that is precached every file.
        () => reader.run('return navigator.serviceWorker.controller !== null'),
        'the service worker to control the page',
        30_000,
      );
      await offline.stop();
      // A reload as the page's own (Marionette's Refresh bypasses the service worker,
      // which a reader's reload does not).
      await reader.run('window.unreloaded = true; location.reload()');
      await reader.until(() => reader.run('return window.unreloaded === undefined && document.readyState === "complete"'), 'the page to reload');
      await reader.interactive();
      await reader.see('h1', VIEWS[0].title);
      for (const view of VIEWS.slice(1)) {
        await reader.open(view.id, origin);
        await reader.see('h1', view.title);
      }
      // The question bank, never fetched online, comes from the precache.
      await reader.open('quiz/practice/sre?seed=11', origin);
      await reader.see('.quiz-count', 'Question 1 of 10');
    },
  },
  {
    name: 'the single file works from file://: every view, and a quiz saved',
    async run(reader, { app, singleFile }) {
      for (const view of VIEWS) {
        await reader.driver.get(`${singleFile}#/${view.id}`);
        await reader.see('h1', view.title);
      }
      const questions = await bank(app);
      await reader.driver.get(`${singleFile}#/quiz/practice/devops?seed=8`);
      await reader.see('.quiz-count', 'Question 1 of 10');
      await answerRight(reader, await shown(reader, questions));
      await reader.click('button', 'Next question');
      // Saved in the browser: the reloaded page resumes at the second question.
      await reader.driver.navigate().refresh();
      await reader.see('.quiz-count', 'Question 2 of 10');
    },
  },
];
