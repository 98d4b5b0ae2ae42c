/* The Huairou Weekend Planner's service worker: a kept weekend keeps working with no signal.
 *
 * Served from /sw.js (scope "/") by planner/views/offline.py, which puts
 * self.HUAIROU_OFFLINE = {shell, offlinePage, staticUrl, version} in front of this file.
 *
 * Caches (Cache Storage):
 *   huairou-shell-<version>   the "Offline weekends" page and its script, shown offline for
 *                             any page that was not kept;
 *   huairou-weekend-<token>   one kept weekend: its page, print sheet, files and static files,
 *                             written by offline.js (which also keeps only the last ten);
 *   huairou-tiles             map tiles the visitor has looked at, at most MAX_TILES. Nothing
 *                             is prefetched: OpenStreetMap's tile policy forbids bulk downloads.
 *
 * Pages and files are network first: online, the visitor sees the live page and a kept copy
 * is refreshed; offline (or after NETWORK_TIMEOUT_MS of a dying signal) the kept copy is
 * served, with the "offline copy" banner shown. Plain ES2017, no build step, no inline script.
 */
"use strict";

const CONFIG = self.HUAIROU_OFFLINE;
const SHELL_PREFIX = "huairou-shell-";
const SHELL_CACHE = SHELL_PREFIX + CONFIG.version;
const TILE_CACHE = "huairou-tiles";
const MAX_TILES = 400;
const NETWORK_TIMEOUT_MS = 6000;
const STATIC_FILE = new RegExp('(?:href|src)="(' + CONFIG.staticUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + '[^"]+)"', "g");
// The banner partial (planner/partials/offline_banner.html) is rendered hidden; a copy
// served from the cache has this attribute pair rewritten so the banner shows.
const BANNER_HIDDEN = "data-offline-banner hidden";
const BANNER_SHOWN = "data-offline-banner";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then(function (cache) { return cache.addAll(CONFIG.shell); })
      .catch(function () { /* installed offline: kept weekends still work */ })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        const stale = names.filter(function (name) {
          return name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE;
        });
        return Promise.all(stale.map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    // The pages' CSP lets images load only from us and the tile servers: these are tiles.
    if (request.destination === "image") event.respondWith(tile(request));
    return;
  }
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/admin/")) return;
  if (url.pathname === self.location.pathname) return;
  event.respondWith(networkFirst(event));
});

/* The cache holding a copy of this request, and the copy; null when nothing is kept. */
async function findKept(request) {
  const names = await caches.keys();
  for (const name of names) {
    if (name === TILE_CACHE) continue;
    const cache = await caches.open(name);
    const response = await cache.match(request, { ignoreVary: true });
    if (response) return { cache: cache, response: response };
  }
  return null;
}

function timeout(ms) {
  return new Promise(function (resolve, reject) {
    setTimeout(function () { reject(new Error("network timeout")); }, ms);
  });
}

async function networkFirst(event) {
  const request = event.request;
  const network = fetch(request);
  const kept = await findKept(request);
  if (!kept) {
    try {
      return await network;
    } catch (error) {
      if (request.mode === "navigate") return notKeptPage();
      throw error;
    }
  }
  try {
    const response = await Promise.race([network, timeout(NETWORK_TIMEOUT_MS)]);
    if (response.status >= 500) return offlineCopy(kept.response, request);
    if (!response.ok) return response;
    if (response.type === "basic" && !response.redirected) {
      event.waitUntil(refreshCopy(kept.cache, request, response.clone()));
    }
    return response;
  } catch (error) {
    // A late answer still refreshes the copy for next time.
    event.waitUntil(network.then(function (response) {
      if (response.ok && response.type === "basic" && !response.redirected) {
        return refreshCopy(kept.cache, request, response);
      }
      return null;
    }).catch(function () { return null; }));
    return offlineCopy(kept.response, request);
  }
}

/* A fresher copy of a kept page or file. A page may now load other static files (a deploy
 * renames them): those join the copy, so that it still works offline. */
async function refreshCopy(cache, request, response) {
  const type = response.headers.get("Content-Type") || "";
  const html = type.startsWith("text/html") ? await response.clone().text() : "";
  await cache.put(request, response);
  const files = new Set(Array.from(html.matchAll(STATIC_FILE), function (match) { return match[1]; }));
  for (const url of files) {
    if (!(await cache.match(url))) await cache.add(url).catch(function () { return null; });
  }
}

/* A kept page with its "offline copy, saved at …" banner showing; files as they were kept. */
async function offlineCopy(response, request) {
  const type = response.headers.get("Content-Type") || "";
  if (request.mode !== "navigate" || !type.startsWith("text/html")) return response;
  const html = (await response.text()).replace(BANNER_HIDDEN, BANNER_SHOWN);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(html, { status: response.status, statusText: response.statusText, headers: headers });
}

/* Offline, a page that was not kept: the "Offline weekends" page says so and lists what is. */
async function notKeptPage() {
  const cache = await caches.open(SHELL_CACHE);
  const page = await cache.match(CONFIG.offlinePage, { ignoreVary: true });
  if (page) return offlineCopy(page, { mode: "navigate" });
  return new Response("Offline / 离线", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/* A map tile: from the cache if the visitor has seen it before, else from the tile server
 * (kept when the server allows CORS, so that the cache holds a readable, sized copy). */
async function tile(request) {
  const cache = await caches.open(TILE_CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  try {
    const response = await fetch(new Request(request.url, { mode: "cors", credentials: "omit" }));
    if (response.ok) {
      await cache.put(request.url, response.clone());
      trimTiles(cache);
    }
    return response;
  } catch (error) {
    return fetch(request);
  }
}

async function trimTiles(cache) {
  const keys = await cache.keys();
  const excess = keys.slice(0, Math.max(0, keys.length - MAX_TILES));
  await Promise.all(excess.map(function (key) { return cache.delete(key); }));
}
