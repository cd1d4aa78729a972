// Shared by every spec: a `page` that fails the test on any console error or uncaught
// exception, the list of views with a fact from the seed that each must show, and axe.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(page);
    expect(errors, 'no console errors or uncaught exceptions').toEqual([]);
  },
});

/** Every view, its heading, and one fact of the seed article it must show. */
export const VIEWS = [
  { id: 'overview', nav: 'Overview', title: 'DevOps, SRE and DevSecOps at a glance', fact: '2003 Google' },
  { id: 'devops', nav: 'DevOps', title: 'What is DevOps?', fact: 'Automate everything that can be automated' },
  { id: 'sre', nav: 'SRE', title: 'What is SRE?', fact: 'If the SLO is 99.9%, you have a 0.1% “error budget” to use.' },
  { id: 'devsecops', nav: 'DevSecOps', title: 'What is DevSecOps?', fact: 'Trivy, Clair' },
  { id: 'together', nav: 'Working together', title: 'How the three work together', fact: 'Independent DevOps, SRE, DevSecOps teams' },
  { id: 'mlops', nav: 'MLOps', title: 'What about MLOps?', fact: 'Kubeflow, Airflow' },
  { id: 'career', nav: 'Career', title: 'Choosing your path', fact: 'NT$1.4-2M' },
  { id: 'quiz', nav: 'Quiz', title: 'Test yourself', fact: 'SRE: SLI, SLO and SLA, the error budget and toil' },
];

/** Opens a view by its address and waits for the app to have rendered it. */
export async function openView(page, path) {
  await page.goto(`/#/${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('ops-trio:interactive').length > 0);
}

/** The WCAG 2.2 AA rule set: every level A and AA rule up to 2.2. */
export function axe(page) {
  return new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
}
