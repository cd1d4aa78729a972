// The browser half of `cargo xtask bench`, on the release build in headless Chromium.
//
// 1. Start-up: first contentful paint, and the time until the app is interactive (the
//    `ops-trio:interactive` mark, set once the app has rendered and its listeners are in
//    place). Median and worst of 5 cold loads, each in a fresh browser context.
// 2. Input to paint: the error-budget lab's slider, from each input event to the end
//    of the next frame, over 100 steps.
// 3. Animation cost: the main thread's work per frame while an animation runs (the
//    CALMS wheel's tour, the pipeline's token), from a Chromium performance trace. A
//    frame is a compositor BeginFrame; its cost is the time the renderer's main thread
//    spent in tasks since the frame before, so work done between frames (a timer tick,
//    a re-render) counts against the next frame.
//
//   node bench.mjs [dist folder]

import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { chromiumLaunchOptions } from './browser.mjs';

const LOADS = 5;
const TRACE_MS = 5_000;
const INTERACTIVE = 'ops-trio:interactive';

const server = await serve(process.argv[2] ?? '../../dist');
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(chromiumLaunchOptions);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function openInteractive(page, path) {
  await page.goto(`${base}#/${path}`);
  await page.waitForFunction(
    (mark) =>
      performance.getEntriesByName(mark).length > 0 &&
      performance.getEntriesByName('first-contentful-paint').length > 0,
    INTERACTIVE,
  );
}

async function startup() {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openInteractive(page, 'overview');
    samples.push(
      await page.evaluate((mark) => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        interactive: performance.getEntriesByName(mark)[0].startTime,
      }), INTERACTIVE),
    );
    await context.close();
  }
  console.log(`start-up over ${LOADS} cold loads of #/overview`);
  for (const [name, key] of [['first contentful paint', 'fcp'], ['interactive', 'interactive']]) {
    const values = samples.map((s) => s[key]);
    console.log(
      `  ${name.padEnd(24)} median ${ms(median(values))}, worst ${ms(Math.max(...values))} ` +
        `(${values.map((v) => v.toFixed(0)).join(', ')})`,
    );
  }
}

/** Main-thread milliseconds per frame over TRACE_MS, from a performance trace. */
function frameCosts(traceEvents) {
  const threadNames = new Map();
  for (const e of traceEvents) {
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const thread = (e) => threadNames.get(`${e.pid}:${e.tid}`);
  const mainTasks = traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && thread(e) === 'CrRendererMain');
  const rendererPids = new Set(mainTasks.map((e) => e.pid));
  const frames = traceEvents
    .filter((e) => e.name === 'BeginFrame' && thread(e) === 'Compositor' && rendererPids.has(e.pid))
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const costs = [];
  for (let i = 1; i < frames.length; i++) {
    const busy = mainTasks
      .filter((task) => task.ts >= frames[i - 1] && task.ts < frames[i])
      .reduce((sum, task) => sum + task.dur, 0);
    costs.push(busy / 1000);
  }
  return costs;
}

/** Traces `path` for TRACE_MS after `start` and reports the cost of its frames. */
async function animationCost(title, path, start) {
  const page = await browser.newPage();
  await openInteractive(page, path);
  await start(page);
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
    ],
  });
  await page.waitForTimeout(TRACE_MS);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  const costs = frameCosts(trace.traceEvents);
  const over16 = costs.filter((c) => c > 16).length;
  console.log(
    `${title}: ${costs.length} frames in ${TRACE_MS / 1000} s, main thread per frame ` +
      `median ${ms(median(costs))}, worst ${ms(Math.max(...costs))}, frames over 16 ms: ${over16}`,
  );
}

/**
 * The error-budget lab's response to its slider: from each input event to the end of
 * the next frame (a message posted from that frame's requestAnimationFrame runs once it
 * has painted), over 100 keyboard steps of the slider.
 */
async function inputToPaint() {
  const page = await browser.newPage();
  await openInteractive(page, 'sre/error-budget');
  // The lab comes with the second bundle, after the app is interactive.
  await page.locator('#budget-slo-range').waitFor();
  await page.evaluate(() => {
    window.latencies = [];
    document.querySelector('#budget-slo-range').addEventListener('input', (event) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.latencies.push(performance.now() - event.timeStamp);
        channel.port2.postMessage(null);
      });
    });
  });
  await page.locator('#budget-slo-range').focus();
  await page.keyboard.press('Home');
  await page.evaluate(() => { window.latencies = []; });
  const stops = Number(await page.locator('#budget-slo-range').getAttribute('max'));
  for (let step = 0; step < 100; step++) {
    // Up the slider to its end, then back down, and so on; one step at a time, each
    // measured once painted, so that no step waits in a queue behind the one before.
    await page.keyboard.press(Math.floor(step / stops) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction((count) => window.latencies.length > count, step);
  }
  const latencies = await page.evaluate(() => window.latencies);
  await page.close();
  console.log(
    `Error-budget slider: input to next paint over ${latencies.length} steps, ` +
      `median ${ms(median(latencies))}, 90th percentile ${ms([...latencies].sort((a, b) => a - b)[89])}, ` +
      `worst ${ms(Math.max(...latencies))}, over 16 ms: ${latencies.filter((l) => l > 16).length}`,
  );
}

await startup();
// The tour moves every 4 s from mount: start 2 s in, so the 5 s trace holds a move.
await animationCost('CALMS wheel tour', 'devops', (page) => page.waitForTimeout(2_000));

// The longest run: a defect that only runtime protection catches, Plan to Production
// in the traditional model (seven stops, 0.8 s each).
await animationCost('Pipeline token run', 'devsecops/pipeline', (page) =>
  page.getByRole('radio', { name: /visible only at run time/ }).check(),
);

await inputToPaint();

await browser.close();
server.close();
