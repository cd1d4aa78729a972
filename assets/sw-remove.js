// The kill switch: published as `sw.js` in place of the real worker, it takes Ops
// Trio's service worker off every reader's browser at their next visit. It deletes this
// registration's caches, unregisters itself and reloads the open pages, which then
// come from the network. Reader progress (localStorage) is not touched.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('ops-trio-') && (!name.includes(':') || name.endsWith(`:${self.registration.scope}`))) {
          await caches.delete(name);
        }
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
    })(),
  );
});
