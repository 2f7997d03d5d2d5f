// Incident Drill service worker. The build (scripts/service-worker.ts) prepends VERSION and
// PRECACHE (every built file but source maps) to this file and writes it to dist/sw.js.
// Strategy (docs/decisions.md, "Offline use"):
// - install: precache every built file in a cache named after the build's content hash;
// - navigations: network first, so an online reload always gets the newest index.html; offline,
//   the precached index.html (the app routes on the client);
// - other same-origin GETs: the cache first, then the network; nothing is added at run time, so
//   the cache always holds one consistent build;
// - update: a new build changes this file, the browser installs it in the background, and it
//   takes over when no tab runs the old one (an open tab keeps the build whose lazy chunks it
//   may still load), or sooner when the user accepts the app's "Reload to update", which sends
//   "skip-waiting"; activate deletes the older caches.
/* global VERSION, PRECACHE, INDEX */
const CACHE = `incident-drill-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('incident-drill-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match(INDEX, { ignoreVary: true })).then((cached) => cached ?? Response.error()),
      ),
    );
    return;
  }
  // ignoreVary: a module script's request carries an Origin header that the precache's did not,
  // and a server answering with "Vary: Origin" would otherwise make every such lookup miss.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreVary: true })).then((cached) => cached ?? fetch(request)),
  );
});
