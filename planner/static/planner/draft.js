/* The visitor's draft plan, kept in this browser (localStorage) so that no navigation, reload
 * or language switch loses it. Loaded on every page: any element with data-add-to-plan="slug"
 * appends that place to the draft and says so, without leaving the page. */
(function () {
  "use strict";
  const DRAFT_KEY = "huairou.draft.v1";
  const SAVED_KEY = "huairou.saved.v1";
  const MAX_SAVED = 20;

  function load(key, fallback) {
    try {
      const value = JSON.parse(window.localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback; // storage disabled or corrupt: behave as an empty draft
    }
  }

  function store(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* full or disabled */ }
  }

  function read() {
    const draft = load(DRAFT_KEY, null);
    return draft && Array.isArray(draft.stops) ? draft : null;
  }

  function write(state) {
    store(DRAFT_KEY, state);
    showCount();
  }

  /* Whether a plan of `count` stops can take no more (the server's limit, from draft-text). */
  function isFull(count) {
    const limit = text().max_stops;
    return Boolean(limit) && count >= limit;
  }

  /* Appends a place; answers whether it was new, whether the plan was full and how many
   * stops the draft has. */
  function add(slug, names) {
    const draft = read() || { stops: [], locked: [], names: {} };
    const isNew = draft.stops.indexOf(slug) === -1;
    if (isNew && isFull(draft.stops.length)) return { added: false, full: true, count: draft.stops.length };
    const added = isNew;
    if (added) draft.stops.push(slug);
    if (names) draft.names = Object.assign(draft.names || {}, { [slug]: names });
    write(draft);
    return { added: added, count: draft.stops.length };
  }

  function savedPlans() {
    const saved = load(SAVED_KEY, []);
    return Array.isArray(saved) ? saved : [];
  }

  function rememberSaved(entry) {
    const rest = savedPlans().filter(function (saved) { return saved.url !== entry.url; });
    store(SAVED_KEY, [entry].concat(rest).slice(0, MAX_SAVED));
  }

  function text() {
    const element = document.getElementById("draft-text");
    return element ? JSON.parse(element.textContent) : {};
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  /* The header's "Plan a weekend" link shows how many stops the draft holds. */
  function showCount() {
    const badge = document.getElementById("draft-count");
    if (!badge) return;
    const draft = read();
    const count = draft ? draft.stops.length : 0;
    badge.textContent = count ? String(count) : "";
    badge.hidden = !count;
    badge.title = count ? fill(text().count || "", { n: count }) : "";
  }

  function announce(name, result) {
    const status = document.getElementById("draft-status");
    if (!status) return;
    const words = text();
    status.textContent = "";
    const message = result.full ? words.full : result.added ? words.added : words.already;
    status.append(fill(message, { name: name, n: result.count }) + " ");
    const open = document.createElement("a");
    open.href = words.builder_url;
    open.textContent = words.open;
    status.appendChild(open);
    status.hidden = false;
  }

  document.addEventListener("click", function (event) {
    const trigger = event.target.closest("[data-add-to-plan]");
    if (!trigger || document.body.classList.contains("page-builder")) return;
    event.preventDefault();
    const names = { name_zh: trigger.dataset.nameZh || "", name_en: trigger.dataset.nameEn || "" };
    const result = add(trigger.dataset.addToPlan, names);
    announce(trigger.dataset.placeName || names.name_zh || trigger.dataset.addToPlan, result);
  });

  /* "Copy link": the share URL to the clipboard, and says so. */
  document.addEventListener("click", function (event) {
    const trigger = event.target.closest("[data-copy-link]");
    if (!trigger) return;
    const link = trigger.dataset.copyLink;
    const status = document.getElementById("draft-status");
    const done = function (ok) { if (status) status.textContent = ok ? text().copied : text().copy_failed + " " + link; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).then(function () { done(true); }, function () { done(false); });
    else done(false);
  });

  window.HuairouDraft = {
    read: read, write: write, add: add, savedPlans: savedPlans, rememberSaved: rememberSaved, fill: fill,
    isFull: isFull, fullText: function () { return text().full; },
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showCount);
  else showCount();
})();
