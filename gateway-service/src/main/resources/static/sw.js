// Autochec service worker (scope /): caches the app shell so an offline reload shows the app and its queue;
// API calls always go to the network (never cached: they carry personal data and tokens). Background sync
// asks the open pages to send their offline queue (the token lives in the page, not here).
const CACHE = 'autochec-shell-v3';
const SHELL = [
  '/', '/index.html', '/app.css', '/manifest.webmanifest', '/config.json',
  '/js/app.js', '/js/i18n.js', '/js/auth.js', '/js/api.js', '/js/ui.js', '/js/offline.js',
  '/js/views/check.js', '/js/views/agent.js', '/js/views/owner.js', '/js/views/admin.js', '/js/views/verify.js',
  '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png',
];

// Each shell file is cached on its own: one file that fails to load (a busy server, a dropped connection) must
// not fail the whole install (cache.addAll would, and the worker would then never become active until the next
// visit). A file missed here is cached by the fetch handler the first time the page loads it. Each load has a time
// limit too: one request that never answers would otherwise keep the worker installing for ever.
const INSTALL_FETCH_MS = 8000;

function cacheOne(cache, url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), INSTALL_FETCH_MS);
  return fetch(url, { signal: controller.signal, cache: 'no-cache' })
    .then((response) => (response.ok ? cache.put(url, response) : undefined))
    .catch(() => undefined)
    .finally(() => clearTimeout(timer));
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(SHELL.map((url) => cacheOne(cache, url))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const isShell = (url) => url.origin === self.location.origin
  && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/verify/') && !url.pathname.startsWith('/v3/')
  && !url.pathname.startsWith('/swagger') && !url.pathname.startsWith('/actuator');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isShell(url)) return;
  // Network first (a new deployment shows at once), the cached shell when offline.
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreSearch: true })
    .then((hit) => hit || (request.mode === 'navigate' ? caches.match('/') : Response.error()))));
});

self.addEventListener('sync', (event) => {
  if (event.tag !== 'autochec-queue') return;
  event.waitUntil(self.clients.matchAll({ type: 'window' })
    .then((clients) => clients.forEach((client) => client.postMessage({ type: 'flush-queue' }))));
});
