// Start-up of the release build in headless Chromium: first contentful paint and the
// time until the app is interactive (the `ops-trio:interactive` mark, set once the app
// has rendered and its listeners are in place). Median and worst of 5 cold loads, each
// in a fresh browser context, so nothing is cached.
//
//   node bench.mjs [dist folder]

import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { chromiumLaunchOptions } from './browser.mjs';

const LOADS = 5;
const server = await serve(process.argv[2] ?? '../../dist');
const url = `http://127.0.0.1:${server.address().port}/#/overview`;
const browser = await chromium.launch(chromiumLaunchOptions);

const samples = [];
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('ops-trio:interactive').length > 0 &&
      performance.getEntriesByName('first-contentful-paint').length > 0,
  );
  samples.push(
    await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      interactive: performance.getEntriesByName('ops-trio:interactive')[0].startTime,
    })),
  );
  await context.close();
}
await browser.close();
server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
for (const [name, key] of [['first contentful paint', 'fcp'], ['interactive', 'interactive']]) {
  const values = samples.map((s) => s[key]);
  console.log(
    `${name.padEnd(24)} median ${median(values).toFixed(0)} ms, worst ${Math.max(...values).toFixed(0)} ms ` +
      `(loads: ${values.map((v) => v.toFixed(0)).join(', ')})`,
  );
}
