// Shared by every spec: a `page` that fails the test on any console error or uncaught
// exception, the list of views with a fact from the seed that each must show, and axe.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { linkTo } from './places.mjs';

export { expect };

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('console', (message) => {
      // A path the build does not have is answered with 404.html and the status 404,
      // which the browser reports; that page is what the not-found tests look at.
      const notFoundPage = /status of 404/.test(message.text()) && message.location().url.endsWith('/');
      if (message.type() === 'error' && !notFoundPage) errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(page);
    expect(errors, 'no console errors or uncaught exceptions').toEqual([]);
  },
});

export { VIEWS } from './views.mjs';

export { linkTo };

/** Opens a place (`sre/toil`) at its page and waits for the app to have hydrated it. */
export async function openView(page, place) {
  await page.goto(linkTo(place));
  await page.waitForFunction(() => performance.getEntriesByName('ops-trio:interactive').length > 0);
}

/** Presses Tab until `locator` has focus: the keyboard user's way there. */
export async function tabTo(page, locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

/**
 * Every axe rule that applies to a WCAG 2.2 AA page: each level A and AA rule up to
 * 2.2, axe's best practices, and the experimental rules, which axe leaves off unless
 * asked (label-content-name-mismatch, WCAG 2.5.3, among them). Level AAA is left out:
 * the module does not claim it.
 */
export function axe(page) {
  return new AxeBuilder({ page }).withTags([
    'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental',
  ]);
}
