// The three engines, each through its own WebDriver server and Debian's browser, since
// Playwright's patched Firefox and WebKit cannot be downloaded here:
//
// - Chromium through chromedriver (`chromium-driver`), headless;
// - Firefox ESR through geckodriver (crates.io), headless;
// - WebKitGTK's MiniBrowser through WebKitWebDriver (`webkit2gtk-driver`), on a virtual
//   display from `xvfb-run` (`MiniBrowser --headless` hangs under automation).
//
// `ENGINES=firefox,webkit` picks some; all three run by default.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
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

/** WebKitGTK's MiniBrowser: its folder carries the architecture's triplet. */
function miniBrowser() {
  for (const folder of readdirSync('/usr/lib')) {
    const path = join('/usr/lib', folder, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(path)) return path;
  }
  throw new Error('MiniBrowser not found: install webkit2gtk-driver (cargo xtask test does)');
}

const geckodriver = () =>
  process.env.GECKODRIVER || join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'bin', 'geckodriver');

/** How to start each engine's WebDriver server on a port, and what to ask it for. */
export const ENGINES = {
  chromium: {
    server: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        // As root Chromium needs --no-sandbox; the other two keep it off the network.
        args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--window-size=1280,900'],
      },
    }),
  },
  firefox: {
    server: (port) => [geckodriver(), ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width', '1280', '-height', '900'],
        prefs: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
      },
    }),
  },
  webkit: {
    server: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    }),
  },
};

/** The engines to run: `ENGINES` from the environment, or all three. */
export function chosenEngines() {
  const names = (process.env.ENGINES || Object.keys(ENGINES).join(',')).split(',').map((n) => n.trim()).filter(Boolean);
  for (const name of names) if (!ENGINES[name]) throw new Error(`unknown engine ${name}: one of ${Object.keys(ENGINES).join(', ')}`);
  return names;
}

/**
 * Starts the engine's WebDriver server and a session in it. Resolves to
 * `{ driver, close }`; `close()` ends the session and the server.
 */
export async function launch(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const [command, args] = engine.server(port);
  // A process group of its own, so that closing it takes xvfb-run's children too.
  const server = spawn(command, args, { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch (error) {
      if (tries > 150) throw new Error(`${name}'s WebDriver server did not start: ${error.message}`);
    }
    await sleep(100);
  }
  const driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities()).build();
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  const close = async () => {
    await driver.quit().catch(() => {});
    try {
      process.kill(-server.pid);
    } catch {
      // Gone already.
    }
  };
  return { driver, close };
}
