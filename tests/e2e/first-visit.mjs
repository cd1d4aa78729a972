// What a first visit costs on the wire, service worker included: the page, what it
// loads, and what the service worker then precaches, counted by serve.mjs as sent
// (brotli). The benchmark prints it against the build's own brotli total, and an
// end-to-end test holds it there; neither times anything.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { brotli } from './serve.mjs';

/** How long the page may take to hydrate, and then the service worker to precache. */
const TIMEOUT_MS = 60_000;

/**
 * Opens `base + path` (`''` for the overview, `sre/`) in a fresh context of `browser`
 * with service workers allowed, waits until the app has hydrated and then until its
 * service worker has precached the build and is activated, and returns what `server`
 * sent meanwhile: `bytes` (body bytes, compressed as sent), `requests` (each path,
 * status, bytes and file) and `duplicates` (the files sent with a 200 body more than
 * once; a folder and its index.html are one file).
 */
export async function firstVisitBytes(browser, base, server, path = '') {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    server.resetStats();
    await page.goto(new URL(path, base).href);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: TIMEOUT_MS });
    await page.evaluate(async (timeout) => {
      const deadline = performance.now() + timeout;
      const late = (what) => new Error(`first visit: ${what} after ${timeout} ms`);
      const registration = await Promise.race([
        navigator.serviceWorker.ready,
        new Promise((_, fail) => setTimeout(() => fail(late('no active service worker')), timeout)),
      ]);
      // `ready` resolves once a worker is active; install (the precache) has finished
      // by then. Wait for activation to finish too, since it may still clean the cache.
      const worker = registration.active;
      while (worker.state !== 'activated') {
        if (worker.state === 'redundant') throw new Error('first visit: the service worker became redundant');
        if (performance.now() > deadline) throw late(`service worker still ${worker.state}`);
        await new Promise((done) => {
          worker.addEventListener('statechange', done, { once: true });
          setTimeout(done, 100);
        });
      }
      // The precache exists and holds entries.
      for (;;) {
        const names = await caches.keys();
        const counts = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).length));
        if (counts.some((count) => count > 0)) break;
        if (performance.now() > deadline) throw late('no cache with entries');
        await new Promise((done) => setTimeout(done, 100));
      }
    }, TIMEOUT_MS);
    // Whatever the page still had on the way (a late request) counts too.
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS }).catch(() => {});
    const { requests, bytes } = server.stats();
    const bodies = new Map();
    for (const request of requests) {
      if (request.status !== 200 || !request.file) continue;
      bodies.set(request.file, (bodies.get(request.file) ?? 0) + 1);
    }
    const duplicates = [...bodies].filter(([, count]) => count > 1).map(([file]) => file);
    return { bytes, requests, duplicates };
  } finally {
    await context.close();
  }
}

/** Every file under `dir`, as paths relative to it with `/`. */
async function files(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await files(dir, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/**
 * The brotli (quality 11) size of every file of the build but `_headers` (which a host
 * reads and never serves): `{ total, files: { path: bytes } }`.
 */
export async function distBrotliSizes(dist) {
  const sizes = {};
  for (const path of await files(dist)) {
    if (path === '_headers') continue;
    sizes[path] = (await brotli(await readFile(join(dist, path)), path)).length;
  }
  return { total: Object.values(sizes).reduce((sum, size) => sum + size, 0), files: sizes };
}

/** The sum of the brotli (quality 11) sizes of every file of the build but `_headers`. */
export async function distBrotliTotal(dist) {
  return (await distBrotliSizes(dist)).total;
}
