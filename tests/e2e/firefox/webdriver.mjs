// A minimal W3C WebDriver client for geckodriver: enough to drive Debian's Firefox ESR,
// which Playwright cannot (it needs its own patched Firefox, and nothing may be
// downloaded here).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Starts geckodriver and a headless Firefox session; `close()` ends both. */
export async function firefox() {
  const port = await freePort();
  const binary = process.env.GECKODRIVER || join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'bin', 'geckodriver');
  const driver = spawn(binary, ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${data.value?.message ?? response.status}`);
    return data.value;
  };
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch (error) {
      if (tries > 100) throw new Error(`geckodriver did not start: ${error.message}`);
      await sleep(100);
    }
  }
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: process.env.FIREFOX_BINARY || '/usr/bin/firefox-esr',
          args: ['-headless'],
          prefs: { 'network.proxy.type': 0 },
        },
      },
    },
  });
  const id = session.sessionId;
  return {
    goto: (url) => call('POST', `/session/${id}/url`, { url }),
    /** Runs `script` (a function body) in the page with `args`, and returns its result. */
    run: (script, ...args) => call('POST', `/session/${id}/execute/sync`, { script, args }),
    /** Polls `script` until it returns something truthy, and returns that. */
    async waitFor(script, what, ...args) {
      for (let waited = 0; waited < 20_000; waited += 100) {
        const value = await call('POST', `/session/${id}/execute/sync`, { script, args });
        if (value) return value;
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    async close() {
      await call('DELETE', `/session/${id}`).catch(() => {});
      driver.kill();
    },
  };
}
