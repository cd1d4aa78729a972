// A static file server for the built app, on 127.0.0.1 only. The end-to-end tests and
// the benchmark use it so that they run the release build exactly as a static host
// serves it:
//
// - brotli (quality 11, compressed once per file and kept in memory) when the request
//   accepts it, with `vary: accept-encoding`; identity otherwise;
// - an ETag (a hash of the bytes) on every file, and 304 Not Modified on a matching
//   If-None-Match;
// - `cache-control: public, max-age=31536000, immutable` for a file named by its
//   content (`app-0123456789abcdef.css`, `ops-trio-…_bg.wasm`), `no-cache` for the rest;
// - a folder asked for without its slash is sent to the slash form (301), a folder
//   answers with its index.html, and an unknown path with the root's 404.html (status
//   404);
// - with `{ prettyUrls: true }`, what Cloudflare Pages does by default: `/x/index.html`
//   and `/x.html` are redirected (308) to `/x/` and `/x`, and `/x` answers with x.html;
// - with `{ headScript: '/x.js' }`, every page gets `<script src="/x.js">` first in its
//   head (sent uncompressed): how the engines' run makes storage throw before the app
//   starts, where WebDriver has no way to run a script ahead of the page's own;
// - the headers of the build's `_headers` file for `/*`, as Netlify and Cloudflare
//   Pages read it (the Content-Security-Policy among them); they win over the above,
//   and `_headers` itself is not served.
//
// The returned server counts what it sent: `server.stats()` gives every request's path,
// status, body bytes (compressed, as sent) and the file that answered (`sre/index.html`
// for `/sre/`), and the bytes' sum; `server.resetStats()` starts again. `server.ready`
// resolves once every file is compressed. `serveMany` serves several builds side by
// side under URL prefixes.
//
//   node serve.mjs [dist folder] [port]

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

export const TYPES = {
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
/** Formats that are compressed already: a host sends them as they are. */
const COMPRESSED = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.woff2', '.gz', '.br']);

/** A file name carrying a content hash: `-` and 8 or more hex digits before the extension. */
export const isHashed = (path) => /-[0-9a-f]{8,}(?:_bg)?\.[A-Za-z0-9]+$/.test(path.split('/').pop());

const compressAsync = promisify(brotliCompress);

/** Brotli at quality 11, window 22: what `brotli -q 11` and static hosts' precompression give. */
export function brotli(bytes, path = '') {
  const text = /^text\/|json|svg|manifest/.test(TYPES[extname(path)] ?? '');
  return compressAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * The headers a `_headers` file of the build asks for on every path (`/*`), as
 * Netlify and Cloudflare Pages read it: the Content-Security-Policy among them, so the
 * tests run under the policy a host would send. Names in lower case, so that they
 * replace this server's own.
 */
async function buildHeaders(base) {
  const text = await readFile(join(base, '_headers'), 'utf8').catch(() => '');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^\s+\S/.test(line))
      .map((line) => line.trim().split(/:\s*(.*)/s).slice(0, 2))
      .map(([name, value]) => [name.toLowerCase(), value]),
  );
}

/** Every file under `dir`, as paths relative to it. */
async function walk(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(dir, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * Each file's bytes, ETag and brotli body, read once and kept while the file's size
 * and modification time stay the same (a test may "deploy" a changed file).
 */
function fileCache() {
  const entries = new Map();
  return async function load(file, info) {
    const stamp = `${info.size}:${info.mtimeMs}`;
    let entry = entries.get(file);
    if (!entry || entry.stamp !== stamp) {
      entry = {
        stamp,
        body: (async () => {
          const raw = await readFile(file);
          const tag = createHash('sha256').update(raw).digest('hex').slice(0, 20);
          const br = COMPRESSED.has(extname(file)) ? null : await brotli(raw, file);
          return { raw, tag, br };
        })(),
      };
      entries.set(file, entry);
    }
    return entry.body;
  };
}

const acceptsBrotli = (request) =>
  (request.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([coding, q]) => coding.trim() === 'br' && !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q ?? ''));

const matchesTag = (request, etag) => {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const bare = tag.trim().replace(/^W\//, '');
    return bare === '*' || bare === etag;
  });
};

/**
 * Starts serving the folders of `mounts` (`{ '/': dist }`, or `{ '/a/': distA, '/b/':
 * distB }` for two builds side by side), each under its URL prefix; resolves to the
 * server once it listens. Port 0 picks a free one. `server.ready` resolves once every
 * file is compressed, so that a measurement never waits for the compressor.
 */
export async function serveMany(mounts, port = 0, { prettyUrls = false, headScript = null } = {}) {
  const roots = await Promise.all(
    Object.entries(mounts).map(async ([prefix, root]) => {
      const base = resolve(root);
      const normalized = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
      return { prefix: normalized, base, headers: await buildHeaders(base) };
    }),
  );
  // The longest prefix first, so that `/a/` wins over `/`.
  roots.sort((a, b) => b.prefix.length - a.prefix.length);
  const load = fileCache();
  let requests = [];
  let bytes = 0;

  /** The file's stat, or null when there is nothing at that path. */
  const find = (file) => stat(file).catch(() => null);

  async function send(request, response, root, file, info, status, extra = {}) {
    let { raw, tag, br } = await load(file, info);
    if (headScript && extname(file) === '.html') {
      raw = Buffer.from(raw.toString('utf8').replace('<head>', `<head><script src="${headScript}"></script>`));
      [tag, br] = [`${tag}-s`, null];
    }
    const relativePath = relative(root.base, file).split(sep).join('/');
    // The file as a path of the whole server, so that two mounts' files differ.
    const served = `${root.prefix.slice(1)}${relativePath}`;
    const useBrotli = br !== null && acceptsBrotli(request);
    const etag = `"${tag}${useBrotli ? '-br' : ''}"`;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': status === 200 && isHashed(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(br !== null ? { vary: 'accept-encoding' } : {}),
      ...(status === 200 ? { etag } : {}),
      ...extra,
      ...root.headers,
    };
    if (status === 200 && matchesTag(request, etag)) {
      response.writeHead(304, headers).end();
      return { status: 304, sent: 0, file: served };
    }
    const body = useBrotli ? br : raw;
    if (useBrotli) headers['content-encoding'] = 'br';
    headers['content-length'] = body.length;
    response.writeHead(status, headers);
    if (request.method === 'HEAD') {
      response.end();
      return { status, sent: 0, file: served };
    }
    response.end(body);
    return { status, sent: body.length, file: served };
  }

  async function handle(request, response) {
    const url = new URL(request.url, 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return { status: 400, sent: 0 };
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return { status: 405, sent: 0 };
    }
    // A mount asked for without its slash.
    const bare = roots.find((root) => root.prefix !== '/' && `${path}/` === root.prefix);
    if (bare) {
      response.writeHead(301, { location: `${bare.prefix}${url.search}` }).end();
      return { status: 301, sent: 0 };
    }
    const root = roots.find((candidate) => path.startsWith(candidate.prefix));
    if (!root) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return { status: 404, sent: 9 };
    }
    let file = normalize(join(root.base, path.slice(root.prefix.length)));
    if (file !== root.base && !file.startsWith(root.base + sep)) {
      response.writeHead(403).end();
      return { status: 403, sent: 0 };
    }
    if (prettyUrls && path.endsWith('.html')) {
      const pretty = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path.slice(0, -'.html'.length);
      response.writeHead(308, { location: `${pretty}${url.search}` }).end();
      return { status: 308, sent: 0 };
    }
    let info = await find(file);
    if (prettyUrls && !info && !path.endsWith('/')) {
      const html = await find(`${file}.html`);
      if (html?.isFile()) [file, info] = [`${file}.html`, html];
    }
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return { status: 301, sent: 0 };
      }
      file = join(file, 'index.html');
      info = await find(file);
    }
    // `_headers` is read by the host, never published.
    if (info?.isFile() && relative(root.base, file) !== '_headers') {
      return send(request, response, root, file, info, 200);
    }
    const notFound = join(root.base, '404.html');
    const notFoundInfo = await find(notFound);
    if (notFoundInfo?.isFile()) {
      return { ...(await send(request, response, root, notFound, notFoundInfo, 404)), file: undefined };
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return { status: 404, sent: 9 };
  }

  const server = createServer(async (request, response) => {
    let outcome;
    try {
      outcome = await handle(request, response);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
      outcome = { status: 500, sent: 0 };
    }
    const path = new URL(request.url, 'http://localhost').pathname;
    requests.push({ path, status: outcome.status, bytes: outcome.sent, file: outcome.file });
    bytes += outcome.sent;
  });

  /** Every request since the start or the last reset: path, status, body bytes sent. */
  server.stats = () => ({ requests: requests.map((r) => ({ ...r })), bytes });
  server.resetStats = () => {
    requests = [];
    bytes = 0;
  };
  // Compress every file in the background now, on the thread pool.
  server.ready = Promise.all(
    roots.map(async (root) => {
      for (const path of await walk(root.base)) {
        const file = join(root.base, path);
        const info = await find(file);
        if (info) await load(file, info);
      }
    }),
  ).then(() => server);
  server.ready.catch(() => {});
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/** Starts serving `root` at `/`; resolves to the server once it listens. Port 0 picks a free one. */
export function serve(root, port = 0, options = {}) {
  return serveMany({ '/': root }, port, options);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? '../../dist';
  const port = Number(process.argv[3] ?? 4173);
  const server = await serve(root, port);
  console.log(`serving ${resolve(root)} on http://127.0.0.1:${server.address().port}/`);
}
