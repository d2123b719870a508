// The service worker: StretchLibrary offline. Hand-written rather than Workbox: it is one small file with no
// build step, and the parts that matter here (copies kept per user, the "offline: showing the copy from" note,
// the queue of offline logs) would be custom code on top of Workbox anyway.
//
// - Shell: the offline page, CSS, JS, icons and manifest, kept at install.
// - Pages (stretches, guides, a user's routines, sheets and guided sessions): from the network when it answers,
//   and a copy is kept; offline, the copy is served with a note saying when it was made, and a page with no
//   copy gets the friendly offline page. Copies are kept per user (the X-Offline-Key header): a page for
//   anyone else (another account, signed out) drops them. Signing out clears everything (Clear-Site-Data).
// - Assets: from the cache when there, else the network (and kept).
// - "Mark done" logs queued offline (offline-queue.js) are sent when this worker starts and on Background Sync.
"use strict";
importScripts("/js/dates.js", "/js/offline-queue.js");

const VERSION = "2";
const SHELL = `shell-${VERSION}`;
const ASSETS = `assets-${VERSION}`;
const PAGES = "pages-";
const OFFLINE_PAGE = "/offline";
const SHELL_URLS = [
  OFFLINE_PAGE, "/css/site.css", "/js/site.js", "/js/session.js", "/js/offline.js", "/js/dates.js",
  "/js/offline-queue.js",
  "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/maskable-192.png",
  "/icons/maskable-512.png", "/icons/apple-touch-icon.png",
];
// Pages worth keeping: library pages and a user's routines (list, page, sheet, guided session, history).
const KEPT_PAGES = /^\/(|stretches(\/[a-z0-9-]+)?|guides(\/[a-z0-9-]+)?|routines|routines\/\d+(\/(sheet|play|history))?)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_URLS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL && name !== ASSETS && !name.startsWith(PAGES)) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

// Tell open pages that logs were sent (they update their status line).
async function syncQueue() {
  const result = await StretchQueue.sync();
  if ("BroadcastChannel" in self) {
    new BroadcastChannel("stretchlibrary-sync").postMessage(result);
  }
  return result;
}

self.addEventListener("sync", (event) => {
  if (event.tag === "sessions") {
    event.waitUntil(syncQueue().then(({ left }) => {
      if (left > 0) {
        throw new Error("Some sessions are still queued; the browser retries later.");
      }
    }));
  }
});

// Each time the worker starts.
if (self.navigator.onLine) {
  syncQueue().catch(() => {});
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  // X-Keep-Copy: a page fetching a fresh copy of itself after a sync (offline.js), kept like a visit.
  if (request.mode === "navigate" || (request.method === "GET" && request.headers.get("X-Keep-Copy") === "1")) {
    event.respondWith(request.method === "GET" ? page(event, url) : fetch(request).catch(offlinePage));
  } else if (request.method === "GET" && (/^(style|script|image|font|manifest)$/.test(request.destination))) {
    event.respondWith(asset(request));
  }
});

async function page(event, url) {
  const request = event.request;
  let response;
  try {
    response = await fetch(request);
  } catch {
    return (await copyOf(request)) || offlinePage();
  }
  const key = response.headers.get("X-Offline-Key") || "anonymous";
  const html = (response.headers.get("Content-Type") || "").startsWith("text/html");
  const keep = response.status === 200 && response.type === "basic" && !response.redirected && html && KEPT_PAGES.test(url.pathname);
  event.waitUntil(keepFor(key, keep ? request : null, keep ? response.clone() : null));
  return response;
}

// Drops every other user's copies, then keeps this page (when given) with the time it was made.
async function keepFor(key, request, response) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES) && name !== PAGES + key) {
      await caches.delete(name);
    }
  }
  if (request && response) {
    const headers = new Headers(response.headers);
    headers.set("X-Saved-At", String(Date.now()));
    const copy = new Response(await response.blob(), { status: 200, statusText: response.statusText, headers });
    await (await caches.open(PAGES + key)).put(request, copy);
  }
}

async function copyOf(request) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES)) {
      const copy = await (await caches.open(name)).match(request);
      if (copy) {
        return withNote(copy);
      }
    }
  }
  return null;
}

async function withNote(copy) {
  const when = StretchDates.dayAndTime(new Date(Number(copy.headers.get("X-Saved-At"))));
  const note = `<p class="offline-note">Offline: showing the copy from ${when}.</p>`;
  const headers = new Headers(copy.headers);
  headers.delete("Content-Length");
  const html = (await copy.text()).replace("<!--offline-note-->", note);
  return new Response(html, { status: 200, headers });
}

async function offlinePage() {
  const page = await caches.match(OFFLINE_PAGE, { cacheName: SHELL });
  return page || new Response("You are offline, and this page is not saved on this device.", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const hit = (await cache.match(request)) || (await caches.match(request, { cacheName: SHELL }));
  if (hit) {
    return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    // Offline, an older version of the file (a different ?v=) beats none.
    const older = await caches.match(request, { ignoreSearch: true });
    if (older) {
      return older;
    }
    throw error;
  }
}
