// What a page loads, from which build, and how often: a first visit with its service
// worker fetches no file twice and no more than the build's brotli total (+5%), and a
// page of one build never loads a file of another served beside it.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../fixtures.mjs';
import { serve, serveMany } from '../serve.mjs';
import { firstVisitBytes, distBrotliTotal } from '../first-visit.mjs';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

test('a first visit, service worker included, fetches each file once and no more than the build', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await serve(DIST);
  await server.ready;
  try {
    const base = `http://127.0.0.1:${server.address().port}/`;
    for (const path of ['', 'sre/']) {
      const visit = await firstVisitBytes(browser, base, server, path);
      const total = await distBrotliTotal(DIST);
      expect(visit.duplicates, `${path || 'root'}: files downloaded twice`).toEqual([]);
      expect(visit.bytes, `${path || 'root'}: ${visit.bytes} B against a build of ${total} B`).toBeLessThanOrEqual(total * 1.05);
      // The precache did fetch the build: the bank and every page arrived.
      const files = new Set(visit.requests.filter((r) => r.status === 200).map((r) => r.file));
      expect([...files].some((file) => /quiz-en-[0-9a-f]{16}\.json$/.test(file))).toBe(true);
      expect(files.has('career/index.html')).toBe(true);
    }
  } finally {
    server.close();
  }
});

/**
 * Another build of the module: a copy of this one with a question bank that differs
 * (one question's prompt), renamed by its new content as the build would name it.
 */
function anotherBuild() {
  const other = mkdtempSync(join(tmpdir(), 'ops-trio-build-'));
  cpSync(DIST, other, { recursive: true });
  const bank = readdirSync(other).find((name) => /^quiz-en-[0-9a-f]{16}\.json$/.test(name));
  const json = JSON.parse(readFileSync(join(other, bank), 'utf8'));
  json.questions[0].prompt = 'A question only the other build asks';
  writeFileSync(join(other, bank), JSON.stringify(json));
  renameSync(join(other, bank), join(other, 'quiz-en-0000000000000000.json'));
  return other;
}

test('two builds side by side: each page loads only the files of its own build', async ({ browser }) => {
  const server = await serveMany({ '/a/': DIST, '/b/': anotherBuild() });
  await server.ready;
  const page = await browser.newPage();
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    for (const path of ['/a/quiz/', '/a/sre/', '/b/sre/']) {
      requested.length = 0;
      await page.goto(`${origin}${path}`);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
      if (path === '/a/quiz/') await page.locator('.quiz-topics, .quiz-links').first().waitFor();
      const build = path.slice(0, 3);
      expect(requested.filter((p) => !p.startsWith(build)), `${path} loads from ${build} only`).toEqual([]);
    }
    // The bank /a/ loads is its own, by name: never the other build's.
    await page.goto(`${origin}/a/quiz/#assessment?seed=1`);
    await expect(page.locator('.quiz-prompt')).toBeVisible();
    expect(requested.some((p) => /^\/a\/quiz-en-[0-9a-f]{16}\.json$/.test(p) && !p.includes('0000000000000000'))).toBe(true);
  } finally {
    await page.close();
    server.close();
  }
});
