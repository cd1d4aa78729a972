// Lighthouse 12.2.3 (mobile, its default configuration) on every view of the release
// build, in Debian's Chromium: accessibility, best practices and SEO must be 100.
// Performance is printed, not asserted: it is the benchmark's (cargo xtask bench).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { lighthouseReport, viewPages } from '../lighthouse.mjs';
import { serve } from '../serve.mjs';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
const ASSERTED = ['accessibility', 'best-practices', 'seo'];

let server;
let origin;
before(async () => {
  server = await serve(DIST, 0);
  await server.ready;
  origin = `http://127.0.0.1:${server.address().port}/`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

for (const page of await viewPages(DIST)) {
  test(`Lighthouse on ${page || './'}: accessibility, best practices and SEO at 100`, { timeout: 120_000 }, async (t) => {
    const report = await lighthouseReport(origin + page);
    const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
    t.diagnostic(`performance ${score('performance')} (reported, not asserted), ${ASSERTED.map((id) => `${id} ${score(id)}`).join(', ')}`);
    for (const id of ASSERTED) {
      const lost = Object.values(report.audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && report.categories[id].auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0))
        .map((audit) => audit.id);
      assert.equal(score(id), 100, `${id} on ${page || './'}: ${score(id)}, lost on ${lost.join(', ')}`);
    }
  });
}
