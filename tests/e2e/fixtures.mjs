// Shared by every spec: a `page` that fails the test on any console error or uncaught
// exception, the list of views with a fact from the seed that each must show, and axe.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { linkTo } from './places.mjs';
import { AXE_TAGS } from './axe-tags.mjs';

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

/** axe with every rule that applies (see axe-tags.mjs). */
export function axe(page) {
  return new AxeBuilder({ page }).withTags(AXE_TAGS);
}
