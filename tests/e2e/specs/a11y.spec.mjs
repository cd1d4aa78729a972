import { test, expect, VIEWS, openView, axe } from '../fixtures.mjs';

// Beyond each view: a CALMS pillar with its sources, and the not-found page.
const PAGES = [...VIEWS.map((view) => view.id), 'devops/calms/measurement', 'no-such-page'];

for (const colorScheme of ['light', 'dark']) {
  for (const path of PAGES) {
    test(`axe finds no WCAG 2.2 AA violation on ${path} in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openView(page, path);
      // Open every FAQ answer so that its text is checked too.
      for (const details of await page.locator('details').all()) {
        await details.evaluate((el) => { el.open = true; });
      }
      const results = await axe(page).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}
