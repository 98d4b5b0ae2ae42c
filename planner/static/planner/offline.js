/* Offline in the mountains, the page side (the worker is sw.js).
 *
 * On every page: registers the service worker.
 * On a saved itinerary (#offline-keep): keeps the weekend on this device — its page, print
 *   sheet, PDF/GPX/KML/ICS and the static files both pages load — in the Cache Storage
 *   cache "huairou-weekend-<token>", when it is opened and whenever its version changes
 *   (or when the visitor presses "Keep offline"). Only the last MAX_WEEKENDS are kept.
 * On "Offline weekends" (#offline-weekends): lists the kept weekends, with a remove button.
 * On the planner (#connection-notice): says a new plan needs a connection while offline.
 * Plain ES2017, no build step; every word comes from the page (translated by Django).
 */
(function () {
  "use strict";

  const WEEKEND_PREFIX = "huairou-weekend-";
  const META_PATH = "/offline/meta/"; // + token: a weekend's description, inside its cache
  const MAX_WEEKENDS = 10;
  const supported = "serviceWorker" in navigator && "caches" in window;
  const script = document.currentScript;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* "YYYY-MM-DD HH:MM" in the site's time zone (Beijing), as the pages' own banner shows it. */
  function localTime(iso) {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: script.dataset.timeZone, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    }).formatToParts(new Date(iso));
    function part(type) { return parts.find(function (p) { return p.type === type; }).value; }
    return part("year") + "-" + part("month") + "-" + part("day") + " " + part("hour") + ":" + part("minute");
  }

  // --- kept weekends in Cache Storage --------------------------------------------------------

  async function readMeta(cacheName) {
    const cache = await caches.open(cacheName);
    const token = cacheName.slice(WEEKEND_PREFIX.length);
    const response = await cache.match(META_PATH + token);
    return response ? response.json() : null;
  }

  async function writeMeta(meta) {
    const cache = await caches.open(WEEKEND_PREFIX + meta.token);
    const body = JSON.stringify(meta);
    await cache.put(META_PATH + meta.token, new Response(body, { headers: { "Content-Type": "application/json" } }));
  }

  /* Kept weekends, the most recently used first. */
  async function keptWeekends() {
    const names = (await caches.keys()).filter(function (name) { return name.startsWith(WEEKEND_PREFIX); });
    const metas = await Promise.all(names.map(readMeta));
    return metas.filter(Boolean).sort(function (a, b) { return b.used_at.localeCompare(a.used_at); });
  }

  async function removeWeekend(token) {
    await caches.delete(WEEKEND_PREFIX + token);
  }

  async function keepOnlyTheLatest() {
    const weekends = await keptWeekends();
    await Promise.all(weekends.slice(MAX_WEEKENDS).map(function (meta) { return removeWeekend(meta.token); }));
  }

  /* Same-origin files a document loads (styles, scripts, icons, images): what it needs offline. */
  function staticFiles(doc) {
    const selector = "link[rel~='stylesheet'][href], link[rel~='icon'][href], script[src], img[src]";
    const urls = Array.from(doc.querySelectorAll(selector)).map(function (element) {
      return new URL(element.getAttribute("href") || element.getAttribute("src"), location.href);
    });
    if (doc === document && window.performance) {
      // Images that stylesheets load (Leaflet's controls) appear only here.
      performance.getEntriesByType("resource").forEach(function (entry) {
        const url = new URL(entry.name);
        if (url.pathname.startsWith(script.dataset.static)) urls.push(url);
      });
    }
    return urls
      .filter(function (url) { return url.origin === location.origin && !url.pathname.startsWith("/api/"); })
      .map(function (url) { return url.pathname + url.search; });
  }

  async function keepWeekend(box) {
    const data = box.dataset;
    const cache = await caches.open(WEEKEND_PREFIX + data.token);
    const sheet = await fetch(data.print, { credentials: "same-origin" });
    if (!sheet.ok) throw new Error("print sheet " + sheet.status);
    const sheetDoc = new DOMParser().parseFromString(await sheet.clone().text(), "text/html");
    const urls = [data.page].concat(data.files.split(" "), staticFiles(document), staticFiles(sheetDoc));
    const unique = urls.filter(function (url, index) { return url !== data.print && urls.indexOf(url) === index; });
    const essential = unique.slice(0, 1 + data.files.split(" ").length);
    await cache.put(data.print, sheet);
    await cache.addAll(essential);
    // A static file that fails to load now is one the pages do without (or get next time).
    await Promise.all(unique.slice(essential.length).map(function (url) {
      return cache.add(url).catch(function () { return null; });
    }));
    const now = new Date().toISOString();
    const meta = {
      token: data.token, version: data.version, title: data.title, subtitle: data.subtitle,
      page: data.page, print: data.print, saved_at: now, used_at: now,
    };
    // Files an earlier version needed and this one does not (renamed static files).
    const wanted = new Set(unique.concat([data.print, META_PATH + data.token]).map(function (url) {
      return new URL(url, location.href).href;
    }));
    const old = (await cache.keys()).filter(function (request) { return !wanted.has(request.url); });
    await Promise.all(old.map(function (request) { return cache.delete(request); }));
    await writeMeta(meta);
    await keepOnlyTheLatest();
    return meta;
  }

  function setupKeep(box) {
    const text = box.dataset;
    const status = box.querySelector(".offline-keep-status");
    const button = box.querySelector("button");
    box.hidden = false;

    function showKept(meta) {
      status.textContent = format(text.kept, { saved_at: localTime(meta.saved_at) });
      box.classList.add("is-kept");
    }

    function keep() {
      status.textContent = text.keeping;
      button.disabled = true;
      keepWeekend(box)
        .then(showKept)
        .catch(function () { status.textContent = text.failed; })
        .finally(function () { button.disabled = false; });
    }

    button.addEventListener("click", keep);
    readMeta(WEEKEND_PREFIX + box.dataset.token).then(function (meta) {
      if (!meta || meta.version !== box.dataset.version) {
        keep();
        return;
      }
      meta.used_at = new Date().toISOString();
      writeMeta(meta).then(function () { showKept(meta); });
    });
  }

  // --- the "Offline weekends" page -----------------------------------------------------------

  // An element with a class and text (text nodes only: titles come from saved plans).
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function weekendItem(meta, text, redraw) {
    const item = element("li", "offline-weekend");
    const title = element("a", "offline-weekend-title", meta.title);
    title.href = meta.page;
    const details = element("p", "muted", meta.subtitle + " · " + format(text.savedAt, { saved_at: localTime(meta.saved_at) }));
    const actions = element("p");
    const sheet = element("a", "button button-secondary", text.sheet);
    sheet.href = meta.print;
    const remove = element("button", "button button-secondary", text.remove);
    remove.type = "button";
    remove.setAttribute("aria-label", text.remove + ": " + meta.title);
    remove.addEventListener("click", function () { removeWeekend(meta.token).then(redraw); });
    actions.append(sheet, " ", remove);
    item.append(title, details, actions);
    return item;
  }

  function setupList(section) {
    const text = section.dataset;
    const list = section.querySelector("#offline-list");
    const empty = section.querySelector("#offline-empty");
    if (location.pathname !== section.dataset.path) {
      // The worker shows this page offline in place of a page that was not kept.
      document.getElementById("offline-not-kept").hidden = false;
      if (location.pathname.startsWith(section.dataset.planPath)) {
        document.getElementById("offline-needs-connection").hidden = false;
      }
    }
    if (!supported) {
      section.querySelector("#offline-unsupported").hidden = false;
      return;
    }
    function redraw() {
      keptWeekends().then(function (weekends) {
        list.replaceChildren.apply(list, weekends.map(function (meta) { return weekendItem(meta, text, redraw); }));
        empty.hidden = weekends.length > 0;
      });
    }
    redraw();
  }

  // --- the planner: computing a plan needs the network ---------------------------------------

  function setupConnectionNotice(notice) {
    function update() { notice.hidden = navigator.onLine; }
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    update();
  }

  const notice = document.getElementById("connection-notice");
  if (notice) setupConnectionNotice(notice);
  const listSection = document.getElementById("offline-weekends");
  if (listSection) setupList(listSection);
  if (!supported) return;
  navigator.serviceWorker.register(script.dataset.worker, { scope: "/" }).catch(function () {
    /* no worker (private mode, blocked): the site works as before, online only */
  });
  const keepBox = document.getElementById("offline-keep");
  if (keepBox) setupKeep(keepBox);
})();
