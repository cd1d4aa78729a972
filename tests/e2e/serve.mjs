// A static file server for the built app, on 127.0.0.1 only. The end-to-end tests and
// the benchmark use it so that they run the release build exactly as a host serves it.
//
//   node serve.mjs [dist folder] [port]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The headers a `_headers` file of the build asks for on every path (`/*`), as
 * Netlify and Cloudflare Pages read it: the Content-Security-Policy among them, so the
 * tests run under the policy a host would send.
 */
async function buildHeaders(base) {
  const text = await readFile(join(base, '_headers'), 'utf8').catch(() => '');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^\s+\S/.test(line))
      .map((line) => line.trim().split(/:\s*(.*)/s).slice(0, 2)),
  );
}

/** Starts serving `root`; resolves to the server once it listens. Port 0 picks a free one. */
export async function serve(root, port = 0) {
  const base = resolve(root);
  const headers = await buildHeaders(base);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? '../../dist';
  const port = Number(process.argv[3] ?? 4173);
  const server = await serve(root, port);
  console.log(`serving ${resolve(root)} on http://127.0.0.1:${server.address().port}/`);
}
