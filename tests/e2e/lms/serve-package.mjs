// The LMS of the SCORM tests: one origin on 127.0.0.1 that serves, as an LMS does,
//
//   /                       the LMS page (lms/host.html) that runs scorm-again's SCORM 1.2
//   /host.mjs               API and launches the package's SCO in an iframe;
//   /scorm-again/<file>     scorm-again's browser builds (node_modules/scorm-again/dist);
//   /content/<path>         the package's files, read straight from its zip (or, for
//                           development, from a folder);
//   /fake-sco/<path>        the tiny SCO with which the harness tests itself (lms/fake-sco).
//
// Host and content share the origin because the SCO reaches the API through
// `window.parent.API`, which a browser allows only within one origin.
//
// Like an LMS's file server (Moodle's pluginfile.php), it answers a folder URL
// (`/content/sre/`, `/content/sre`, `/content/`) with 404, never with its index.html:
// a package must link its files by name. Files get the content types of serve.mjs
// (plus XML for the manifest and its schemas), `cache-control: no-cache`, no
// compression and none of the package's `_headers` (an LMS does not read them).
//
// The zip is read when first asked for and again whenever its size or modification
// time changes, so the server can start before `cargo xtask package` has written it:
// until then `/content/…` answers 503 with a line that says which file is missing.
//
//   node lms/serve-package.mjs <package.zip | folder> [port]
//
//   import { servePackage } from './lms/serve-package.mjs';
//   const server = await servePackage('../../target/package/ops-trio-scorm12.zip', 0);
//   server.address().port; server.stats(); server.close();

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES as SERVE_TYPES } from '../serve.mjs';
import { openZip } from './unzip.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCORM_AGAIN = dirname(createRequire(import.meta.url).resolve('scorm-again/scorm12'));

export const TYPES = {
  ...SERVE_TYPES,
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.dtd': 'application/xml-dtd; charset=utf-8',
  '.map': 'application/json',
};

/** The host page's own files, by URL path. */
const HOST_FILES = {
  '/': join(HERE, 'host.html'),
  '/host.mjs': join(HERE, 'host.mjs'),
};

class Unavailable extends Error {}

/** Files of a folder: `read` gives the bytes or null, `isFolder` tells folders apart. */
function folderSource(root) {
  const base = resolve(root);
  const locate = (path) => {
    const file = normalize(join(base, path));
    return file === base || file.startsWith(base + sep) ? file : null;
  };
  return {
    describe: () => base,
    async read(path) {
      const file = locate(path);
      const info = file && (await stat(file).catch(() => null));
      return info?.isFile() ? readFile(file) : null;
    },
    async isFolder(path) {
      const file = locate(path);
      return Boolean(file && (await stat(file).catch(() => null))?.isDirectory());
    },
  };
}

/** Files of a zip, read again when the zip changes; 503 while it does not exist. */
function zipSource(path) {
  const file = resolve(path);
  let loaded = null;
  async function zip() {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      throw new Unavailable(`the package ${file} does not exist (yet): run \`cargo xtask package\``);
    }
    const stamp = `${info.size}:${info.mtimeMs}`;
    if (loaded?.stamp !== stamp) loaded = { stamp, zip: openZip(file) };
    return loaded.zip;
  }
  return {
    describe: () => file,
    read: async (name) => (await zip()).read(name),
    isFolder: async (name) => (await zip()).isFolder(name),
  };
}

function sourceFor(pkg) {
  return extname(pkg).toLowerCase() === '.zip' ? zipSource(pkg) : folderSource(pkg);
}

/**
 * Serves the LMS page at `/` and the package `pkg` (a .zip file, or a folder) under
 * `/content/`; resolves to the listening server. Port 0 picks a free one.
 * `server.stats()` lists every request's path and status; `server.resetStats()` clears it.
 */
export async function servePackage(pkg, port = 0) {
  const mounts = [
    { prefix: '/content/', source: sourceFor(pkg) },
    { prefix: '/fake-sco/', source: folderSource(join(HERE, 'fake-sco')) },
    { prefix: '/scorm-again/', source: folderSource(SCORM_AGAIN) },
  ];
  let requests = [];

  function reply(request, response, status, body, type) {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(`${body}\n`);
    response.writeHead(status, {
      'content-type': type ?? 'text/plain; charset=utf-8',
      'content-length': bytes.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : bytes);
    return status;
  }

  async function handle(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return 405;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      return reply(request, response, 400, 'bad request');
    }
    if (HOST_FILES[path]) {
      return reply(request, response, 200, await readFile(HOST_FILES[path]), TYPES[extname(HOST_FILES[path])]);
    }
    const mount = mounts.find(({ prefix }) => path.startsWith(prefix));
    if (!mount) return reply(request, response, 404, 'not found');
    const name = path.slice(mount.prefix.length);
    // A folder is never answered with its index.html, as on an LMS's file server.
    if (name === '' || name.endsWith('/')) return reply(request, response, 404, 'not found: a folder');
    if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      return reply(request, response, 404, 'not found');
    }
    try {
      const bytes = await mount.source.read(name);
      if (bytes) return reply(request, response, 200, bytes, TYPES[extname(name)] ?? 'application/octet-stream');
      if (await mount.source.isFolder(name)) return reply(request, response, 404, 'not found: a folder');
      return reply(request, response, 404, 'not found');
    } catch (error) {
      if (error instanceof Unavailable) return reply(request, response, 503, error.message);
      throw error;
    }
  }

  const server = createServer(async (request, response) => {
    let status;
    try {
      status = await handle(request, response);
    } catch (error) {
      console.error(`serve-package: ${request.url}: ${error.message}`);
      if (!response.headersSent) status = reply(request, response, 500, String(error.message));
      else response.end();
    }
    requests.push({ path: new URL(request.url, 'http://localhost').pathname, status });
  });
  server.stats = () => ({ requests: requests.map((r) => ({ ...r })) });
  server.resetStats = () => {
    requests = [];
  };
  server.source = mounts[0].source.describe();
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = process.argv[2];
  if (!pkg) {
    console.error('usage: node lms/serve-package.mjs <package.zip | folder> [port]');
    process.exit(2);
  }
  const server = await servePackage(pkg, Number(process.argv[3] ?? 4175));
  const present = await stat(server.source).catch(() => null);
  console.log(`LMS on http://127.0.0.1:${server.address().port}/, the package ${server.source} under /content/`);
  if (!present) console.warn(`(${server.source} does not exist yet: /content/ answers 503 until it does)`);
}
