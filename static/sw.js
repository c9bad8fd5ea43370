// chitieu's service worker: a page visited once opens with the network off.
//
// - install: fetch the page (the scope's index) and every same-origin .js/.wasm/.css it names,
//   and keep them in a cache named after the build (`?v=` = the glue's hashed file name);
// - activate: drop the caches of older builds;
// - fetch: the page and anything unhashed (plan files) network first, falling back to the cache;
//   hashed build files (`name-<16 hex>.ext`, immutable) cache first.
// It never touches another origin's requests: those go to the network as if it were not there.
const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE = `chitieu-${VERSION}`;
const INDEX = new URL('./', self.registration.scope).href;
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css|svg)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(INDEX, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`chitieu sw: ${INDEX} answered ${response.status}`);
      const html = await response.clone().text();
      await cache.put(INDEX, response);
      const assets = new Set();
      for (const match of html.matchAll(/(?:href|src|content)="([^"]+\.(?:js|wasm|css|svg))"/g)) {
        const url = new URL(match[1], INDEX);
        if (url.origin === self.location.origin) assets.add(url.href);
      }
      await cache.addAll([...assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('chitieu-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.endsWith('/sw.js')) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, url));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  // The app is one page: every navigation inside the scope shows the index, whatever its query.
  const isPage = request.mode === 'navigate' && (url.href.split(/[?#]/)[0] === INDEX || url.pathname.endsWith('/index.html'));
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(isPage ? INDEX : request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(isPage ? INDEX : request);
    if (hit) return hit;
    throw error;
  }
}
