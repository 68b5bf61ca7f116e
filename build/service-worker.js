// Roadlab's service worker: precaches every file of one build so the app opens and runs tests
// offline. `build/service-worker-plugin.ts` writes it to dist/sw.js with VERSION and FILES set.
/* global VERSION, FILES */
const PREFIX = "roadlab-";
const CACHE = `${PREFIX}${VERSION}`;
// Hashed chunks never change under one name, so an earlier version's copy is as good as a download.
const IMMUTABLE = /^assets\//;
const CONCURRENCY = 6;

// While the page runs tests it asks for a pause: the cache writes and the code caching Chrome does
// for scripts stored during install took a core for ~20 s and made those runs 3–4× slower.
let resumed = Promise.resolve();
/** Set while paused. */
let resume;
let pauseTimer;
const PAUSE_LIMIT_MS = 30_000;

function pause() {
  clearTimeout(pauseTimer);
  // A page that closed while paused never says resume: the install goes on by itself.
  pauseTimer = setTimeout(() => resume?.(), PAUSE_LIMIT_MS);
  if (resume) return;
  resumed = new Promise((done) => {
    resume = () => {
      clearTimeout(pauseTimer);
      resume = undefined;
      done();
    };
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const store = async (file) => {
        const url = new URL(file, self.registration.scope).href;
        const known = IMMUTABLE.test(file) ? await caches.match(url) : undefined;
        const response = known ?? (await fetch(url, { cache: IMMUTABLE.test(file) ? "default" : "no-cache" }));
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        await cache.put(url, response);
      };
      // A few at a time, so a pause takes effect at once (a thousand requests in flight would not stop).
      const queue = [...FILES];
      const next = async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          await resumed;
          await store(file);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, next));
      // A page already open keeps running its own build: the previous version's cache is kept
      // (below), so its lazily loaded chunks are still served and never mixed with new ones.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((key) => key.startsWith(PREFIX));
      // caches.keys() lists in creation order: keep this version and the one before it.
      const keep = new Set([CACHE, ...ours.filter((key) => key !== CACHE).slice(-1)]);
      await Promise.all(ours.filter((key) => !keep.has(key)).map((key) => caches.delete(key)));
      await self.clients.claim();
      const updated = ours.some((key) => key !== CACHE);
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ source: "roadlab-sw", type: updated ? "updated" : "installed", version: VERSION });
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "version") event.source?.postMessage({ source: "roadlab-sw", type: "version", version: VERSION });
  if (event.data?.type === "pause") pause();
  if (event.data?.type === "resume") resume?.();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const own = await caches.open(CACHE);
      const key = request.mode === "navigate" && url.pathname.endsWith("/") ? new URL("index.html", url).href : request;
      const options = { ignoreSearch: request.mode === "navigate" };
      const hit = (await own.match(key, options)) ?? (await caches.match(key, options));
      return hit ?? fetch(request);
    })(),
  );
});
