// The one-file build from file:// in Debian's Firefox ESR, through geckodriver: every
// view, and a whole practice quiz taken and saved. (Chromium's run of the same is
// specs/single-file.spec.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { firefox } from './webdriver.mjs';
import { singleFileUrl } from '../single-file.mjs';
import { VIEWS } from '../views.mjs';

/**
 * Gives the shown question some answer, whatever its kind, as a reader's clicks would:
 * the first option, the last choice of the match numbered by the argument, or 1.
 * Returns how many matches there are, to set each in turn (one change per render).
 */
const ANSWER_ANYHOW = `
  const card = document.querySelector('.quiz-card');
  const selects = card.querySelectorAll('.quiz-match select');
  if (arguments[0] > 0) {
    const select = selects[arguments[0] - 1];
    select.selectedIndex = select.options.length - 1;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return selects.length;
  }
  card.querySelector('input[name="quiz-choice"]')?.click();
  const number = card.querySelector('#quiz-number');
  if (number) {
    number.value = '1';
    number.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return selects.length;`;

/** Clicks the enabled button with this text, once there is one. */
const CLICK_BUTTON = `
  const button = [...document.querySelectorAll('button')]
    .find((b) => arguments[0].test(b.textContent.trim()) && !b.disabled);
  button?.click();
  return Boolean(button);`;

test('the single file works from file:// in Firefox', { timeout: 180_000 }, async () => {
  const url = await singleFileUrl();
  const browser = await firefox();
  try {
    for (const view of VIEWS) {
      await browser.goto(`${url}#/${view.id}`);
      const heading = await browser.waitFor(
        `const h1 = document.querySelector('h1'); return h1 && h1.textContent === arguments[0] && h1.textContent;`,
        `the ${view.id} view`,
        view.title,
      );
      assert.equal(heading, view.title);
      const main = await browser.run("return document.querySelector('main').textContent");
      assert.ok(main.includes(view.fact), `${view.id} shows “${view.fact}”`);
    }

    await browser.goto(`${url}#/quiz/practice/devops?seed=8`);
    for (let n = 1; n <= 10; n++) {
      await browser.waitFor(
        "return document.querySelector('.quiz-count')?.textContent === arguments[0]",
        `question ${n}`,
        `Question ${n} of 10`,
      );
      const matches = await browser.run(ANSWER_ANYHOW, 0);
      for (let match = 1; match <= matches; match++) await browser.run(ANSWER_ANYHOW, match);
      await browser.waitFor(`${CLICK_BUTTON.replace('arguments[0]', '/^Check answer$/')}`, `Check answer, question ${n}`);
      await browser.waitFor("return document.querySelector('.quiz-verdict') !== null", `the verdict on question ${n}`);
      await browser.waitFor(`${CLICK_BUTTON.replace('arguments[0]', '/^(Next question|See results)$/')}`, `Next, question ${n}`);
    }
    const scores = await browser.waitFor(
      "return document.querySelector('.quiz-score-list li')?.textContent",
      'the score',
    );
    assert.match(scores, /^DevOps: \d+%$/);

    // Saved in the browser: the quiz home, reloaded, knows the last quiz.
    await browser.goto(`${url}#/quiz`);
    await browser.run('location.reload()');
    const home = await browser.waitFor(
      "const text = document.querySelector('main')?.textContent ?? ''; return /last quiz/.test(text) && text;",
      'the quiz home after the reload',
    );
    assert.match(home, /\d+ questions? (was|were) missed in your last quiz\.|No mistakes to retake from your last quiz\./);
  } finally {
    await browser.close();
  }
});
