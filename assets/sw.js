// Ops Trio's service worker: the whole module offline after one visit.
//
// `cargo xtask post-build` writes it into each build, replacing PRECACHE with every
// file of that build and a revision (a hash of its bytes). It follows Workbox's
// precaching pattern, by hand (the README says why):
//
// - one cache per registration (its name ends with the scope), so two copies of the
//   module on one origin keep apart; each file is stored under its URL plus
//   `?__rev=<revision>`, so a new build downloads only the files that changed;
// - each file is checked against its revision, the first 16 hex digits of the SHA-256
//   of its bytes, before it is stored: a host's fallback page answering for a missing
//   script fails the install, and the version in place stays (a page the host rewrote,
//   still served as HTML, is kept, so that such hosts still get updates);
// - a response that came through a redirect (Cloudflare Pages sends /x.html to /x) is
//   stored as a copy, which a page load may use, as the redirected response may not;
// - install fetches the missing entries once: a file named by its content from the
//   HTTP cache when the page has just loaded it (it cannot be stale), any other file
//   revalidated (a 304 when the page has it, so no byte comes twice); activate
//   deletes the entries and caches no build lists any more;
// - a new version waits until the page asks it to take over (SKIP_WAITING), which the
//   page does only when the reader clicks "Reload", never in the middle of a quiz;
// - requests for a precached file are answered from the cache; a page load gets the
//   view's prerendered page, whatever the query or fragment, and `x` gets `x.html`,
//   as pretty-URL hosts serve it; a folder without its slash is redirected to it; any
//   other path goes to the network, and offline gets 404.html.
//
// - each entry names its language (`locale`), or none for a file every language uses:
//   install caches the shared files and those of the languages the pages that
//   installed it are in (`zh-TW/sre/` is in zh-TW), so no reader downloads a language
//   they do not read; a listed file of another language is cached the first time a
//   page asks for it, with the same check.
//
// Kill switch: to take the worker off readers' browsers, publish `sw-remove.js` as
// `sw.js` (see the README). Registration lives in index.html, not the app, so a build
// whose app fails to start is still replaced by the next.

const PRECACHE = /* PRECACHE */ [];
const CACHE = `ops-trio-precache:${self.registration.scope}`;

const cacheKey = (entry) => {
  const url = new URL(entry.url, self.registration.scope);
  url.searchParams.set('__rev', entry.revision);
  return url.href;
};

const href = (entry) => new URL(entry.url, self.registration.scope).href;

/** Each listed file's entry, by its URL without a query; its cache key is `cacheKey(entry)`. */
const entries = new Map(PRECACHE.map((entry) => [href(entry), entry]));
const NOT_FOUND = new URL('404.html', self.registration.scope).href;
/** The not-found page's cache key, if the build lists it. */
const notFoundKey = () => entries.has(NOT_FOUND) && cacheKey(entries.get(NOT_FOUND));
/** The language of the build's root page: the one to cache when no page names another. */
const DEFAULT_LOCALE = entries.get(self.registration.scope)?.locale ?? '';

/** Fetches a listed file, checks it against its revision and stores it. */
async function store(cache, entry) {
  const response = await fetch(href(entry), { cache: entry.immutable ? 'force-cache' : 'no-cache' });
  if (!response.ok) throw new Error(`precache ${entry.url}: ${response.status}`);
  const body = await response.clone().arrayBuffer();
  if ((await sha256(body)).slice(0, entry.revision.length) !== entry.revision && !rewrittenPage(entry, response)) {
    throw new Error(`precache ${entry.url}: its bytes are not those of revision ${entry.revision}`);
  }
  const stored = response.redirected ? copy(response, body) : response;
  await cache.put(cacheKey(entry), stored.clone());
  return stored;
}

/** A listed file's entry, `x` standing for `x.html` as a pretty-URL host serves it. */
const entryOf = (url) => entries.get(url) ?? entries.get(`${url}.html`);

/**
 * The languages to cache: those of the pages open now (the page installing the worker
 * among them) and those a version before this one had cached; the default language
 * when none is known.
 */
async function localesInUse(cache) {
  const pages = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  const locales = new Set(pages.map((page) => entryOf(asked(page))?.locale).filter(Boolean));
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    url.searchParams.delete('__rev');
    const locale = entries.get(url.href)?.locale;
    if (locale) locales.add(locale);
  }
  if (locales.size === 0) locales.add(DEFAULT_LOCALE);
  return locales;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const locales = await localesInUse(cache);
      await Promise.all(
        PRECACHE.filter((entry) => !entry.locale || locales.has(entry.locale)).map(async (entry) => {
          if (!(await cache.match(cacheKey(entry)))) await store(cache, entry);
        }),
      );
    })(),
  );
});

/** The SHA-256 of the bytes, in hex. */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A page that a host rewrote on the way (an analytics tag, e-mail obfuscation): still
 * the page, so the update goes on, with a warning. Anything else that differs from its
 * revision, a script answered by a fallback page among them, fails the install.
 */
function rewrittenPage(entry, response) {
  const page = entry.url.endsWith('/') || entry.url.endsWith('.html');
  const html = (response.headers.get('content-type') || '').startsWith('text/html');
  if (page && html) console.warn(`precache ${entry.url}: the host changed the page; kept as served`);
  return page && html;
}

/** A response with the same body and headers that did not come through a redirect. */
const copy = (response, body) =>
  new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });

/**
 * Whether a cache is this worker's to delete: an older layout's (its name has no scope;
 * it never kept apart from other copies) or this registration's under another name.
 */
const stale = (name) =>
  name !== CACHE && name.startsWith('ops-trio-') && (!name.includes(':') || name.endsWith(`:${self.registration.scope}`));

self.addEventListener('activate', (event) => {
  const current = new Set(PRECACHE.map(cacheKey));
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (stale(name)) await caches.delete(name);
      }
      const cache = await caches.open(CACHE);
      for (const request of await cache.keys()) {
        if (!current.has(request.url)) await cache.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The URL a request (or a page) asks for, without query or fragment, a folder's index.html as the folder. */
function asked(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/index.html')) url.pathname = url.pathname.slice(0, -'index.html'.length);
  return url.href;
}

/**
 * A page load of a path the build does not list: a view's folder asked for without its
 * slash is redirected to it, as a host does (the page's relative base needs the slash);
 * anything else goes to the network, which may have it, and offline gets 404.html.
 */
function unlisted(request, url) {
  if (entries.has(`${url}/`)) return Response.redirect(`${url}/`, 301);
  return fetch(request).catch(() =>
    caches.open(CACHE).then((cache) => cache.match(notFoundKey())).then((page) => page || Response.error()),
  );
}

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = asked(event.request);
  // `embed-calms`, as a pretty-URL host names `embed-calms.html`.
  const entry = entryOf(url);
  if (!entry && event.request.mode === 'navigate' && url.startsWith(self.registration.scope)) {
    event.respondWith(unlisted(event.request, url));
    return;
  }
  if (!entry) return;
  const key = cacheKey(entry);
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(key);
      if (cached) return cached;
      // A file of a language the install did not cache: kept now, for the next time.
      // Offline, a page of it gets the not-found page, with its links to every view.
      return store(cache, entry)
        .catch(() => fetch(event.request))
        .catch(async (error) => {
          const notFound = event.request.mode === 'navigate' && (await cache.match(notFoundKey()));
          if (notFound) return notFound;
          throw error;
        });
    }),
  );
});
