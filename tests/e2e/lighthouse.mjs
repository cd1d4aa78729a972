// Lighthouse 12.2.3's CLI against Debian's Chromium, and the view pages of a build:
// shared by the benchmark (bench.mjs), which reports performance, and the test command
// (lighthouse/), which asserts the other three scores.
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumLaunchOptions } from './browser.mjs';

/** The view pages of the build: `./` first, then each folder with an index.html but embed/, then each language's (`zh-TW/sre/`). */
export async function viewPages(distArg) {
  const folders = [];
  const isPage = async (folder) => (await stat(join(distArg, folder, 'index.html')).catch(() => null))?.isFile();
  for (const entry of await readdir(distArg, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'embed') continue;
    if (await isPage(entry.name)) folders.push(entry.name);
  }
  // Another language's views, in its folder (`zh-TW/sre/`), after the default's.
  const languages = [];
  for (const language of folders) {
    for (const entry of await readdir(join(distArg, language), { withFileTypes: true })) {
      if (entry.isDirectory() && (await isPage(join(language, entry.name)))) languages.push(`${language}/${entry.name}`);
    }
  }
  // In the content's navigation order when it can be read, else by name.
  const index = await readFile(new URL('../../assets/content/en/index.toml', import.meta.url), 'utf8').catch(() => '');
  const order = (index.match(/^views\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '').match(/[\w-]+/g) ?? [];
  const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
  const rankOf = (name) => rank(name.split('/').pop());
  folders.sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
  languages.sort((a, b) => a.split('/')[0].localeCompare(b.split('/')[0]) || rankOf(a) - rankOf(b));
  return ['', ...folders.map((name) => `${name}/`), ...languages.map((name) => `${name}/`)];
}

/** Runs Lighthouse's CLI on `url`; resolves to its report (LHR). */
export function lighthouseReport(url) {
  const cli = fileURLToPath(new URL('./node_modules/lighthouse/cli/index.js', import.meta.url));
  const args = [
    cli,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update',
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? chromiumLaunchOptions.executablePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) {
        fail(new Error(`lighthouse ${url} exited with ${code}: ${Buffer.concat(err).toString().slice(-2000)}`));
        return;
      }
      try {
        done(JSON.parse(Buffer.concat(out).toString()));
      } catch (error) {
        fail(new Error(`lighthouse ${url}: ${error.message}`));
      }
    });
  });
}
