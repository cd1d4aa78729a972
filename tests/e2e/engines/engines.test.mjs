// The shared scenarios (scenarios.mjs), run in Chromium, Firefox and WebKit through
// WebDriver on the release build: `node --test engines/` (cargo xtask test runs it).
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chosenEngines, launch } from './drivers.mjs';
import { Reader } from './reader.mjs';
import { SCENARIOS } from './scenarios.mjs';
import { serve, serveMany } from '../serve.mjs';
import { servePackage } from '../lms/serve-package.mjs';
import { SCORM_PACKAGE } from '../playwright.config.mjs';
import { singleFileUrl } from '../single-file.mjs';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
const HOST = fileURLToPath(new URL('../host/', import.meta.url));
const INJECTED = fileURLToPath(new URL('./inject/', import.meta.url));

const origin = (server) => `http://127.0.0.1:${server.address().port}/`;

/** A server of the build that can be taken away, as a network that drops would. */
function offlineServer() {
  let server = null;
  return {
    async start() {
      server = await serve(DIST, 0);
      return origin(server);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

const servers = [];
const context = {};

before(async () => {
  const app = await serve(DIST, 0);
  const host = await serve(HOST, 0);
  // The build again, with a script first in every page that makes storage throw.
  const throwing = await serveMany({ '/': DIST, '/__test/': INJECTED }, 0, { headScript: '/__test/storage-throws.js' });
  // The SCORM package, from its zip, beside a page that runs scorm-again as the LMS.
  const lms = await servePackage(SCORM_PACKAGE, 0);
  servers.push(app, host, throwing, lms);
  Object.assign(context, {
    lms: origin(lms),
    app: origin(app),
    host: origin(host),
    throwing: origin(throwing),
    offline: offlineServer(),
    singleFile: await singleFileUrl(),
  });
});

after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

for (const engine of chosenEngines()) {
  describe(engine, { concurrency: 1 }, () => {
    let session;
    let reader;
    before(async () => {
      session = await launch(engine);
      reader = new Reader(session.driver, engine, context.app);
    });
    after(() => session?.close());
    for (const scenario of SCENARIOS) {
      test(scenario.name, { timeout: 180_000 }, async () => {
        // Each scenario begins on a blank page, whatever the last one left open.
        await reader.driver.switchTo().defaultContent();
        await reader.driver.get('about:blank');
        await scenario.run(reader, context);
      });
    }
  });
}
