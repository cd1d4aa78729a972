// Taking a quiz the way a reader does, with the question bank as the answer key.
import { expect } from '@playwright/test';
import { BANK } from './bank.mjs';

export { BANK };

/** The question bank, as the app fetches it (`file`: another locale's). */
export async function bank(page, file = BANK) {
  const response = await page.request.get(`/${file}`);
  return (await response.json()).questions;
}

/** The quiz's controls as the English interface names them; pass another language's. */
export const ENGLISH = {
  true: 'True',
  false: 'False',
  moveUp: (item) => `Move “${item}” up`,
  numeric: 'Your answer',
  submit: 'Check answer',
  next: /Next question|See results/,
};

/** The same controls in Traditional Chinese. */
export const CHINESE = {
  true: '正確',
  false: '錯誤',
  moveUp: (item) => `將「${item}」上移`,
  numeric: '你的答案',
  submit: '檢查答案',
  next: /下一題|查看成績/,
};

export const prompt = (page) => page.locator('.quiz-prompt');

/** The bank's question shown now. */
export async function shown(page, questions) {
  const text = await prompt(page).textContent();
  const question = questions.find((q) => q.prompt === text);
  expect(question, `the question "${text}" is in the bank`).toBeTruthy();
  return question;
}

/**
 * Answers the shown question right, or wrong, through the page's own controls, and
 * checks it. `{ tap: true }` answers as a finger does (a match's list is the phone's
 * own picker either way).
 */
export async function answer(page, question, right, { tap = false, labels = ENGLISH } = {}) {
  const [kind, body] = Object.entries(question.body)[0];
  const press = (locator) => (tap ? locator.tap() : locator.click());
  const option = (text) => page.locator('.quiz-option', { hasText: text }).first();
  if (kind === 'single') {
    await press(option(body.options.find((o) => o.correct === right).text));
  } else if (kind === 'multiple') {
    for (const o of body.options.filter((o) => o.correct === right)) await press(option(o.text));
  } else if (kind === 'true_false') {
    const radio = page.getByRole('radio', { name: (body.answer === right) ? labels.true : labels.false });
    await (tap ? radio.tap() : radio.check());
  } else if (kind === 'ordering') {
    const wanted = right ? body.items : [...body.items].reverse();
    for (const [place, item] of wanted.entries()) {
      for (;;) {
        const current = await page.locator('.quiz-order-item > span').allTextContents();
        if (current.indexOf(item) <= place) break;
        await press(page.getByRole('button', { name: labels.moveUp(item) }));
      }
    }
  } else if (kind === 'matching') {
    for (const [i, pair] of body.pairs.entries()) {
      const target = right ? pair.right : body.pairs[(i + 1) % body.pairs.length].right;
      await page.getByLabel(pair.left, { exact: true }).selectOption({ label: target });
    }
  } else if (kind === 'numeric') {
    const field = page.getByLabel(labels.numeric);
    if (tap) await field.tap();
    await field.fill(right ? body.answer : String(Number(body.answer) + Number(body.tolerance) + 5));
  }
  await press(page.getByRole('button', { name: labels.submit }));
  await expect(page.locator('.quiz-verdict')).toBeVisible();
}

export const next = (page, labels = ENGLISH) => page.getByRole('button', { name: labels.next }).click();
