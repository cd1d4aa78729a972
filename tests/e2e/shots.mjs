// Screenshots of every view of the release build, in both themes, at a phone and a
// desktop width, for a person to look at: `cargo xtask shots` writes them to
// target/screenshots/. Nothing here asserts; the tests do that.
//
//   node shots.mjs [dist folder] [output folder]

import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { chromiumLaunchOptions } from './browser.mjs';
import { VIEWS } from './views.mjs';

const out = process.argv[3] ?? '../../target/screenshots';
await mkdir(out, { recursive: true });
const server = await serve(process.argv[2] ?? '../../dist');
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(chromiumLaunchOptions);
for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
    for (const path of [...VIEWS.map((view) => view.id), 'no-such-page']) {
      await page.goto(`${base}#/${path}`);
      await page.waitForFunction(() => performance.getEntriesByName('ops-trio:interactive').length > 0);
      const file = `${out}/${path}-${colorScheme}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
server.close();
