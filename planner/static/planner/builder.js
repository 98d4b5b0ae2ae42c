/* The itinerary builder: the visitor's choices → POST /api/plan → timeline and map.
 * State lives here and in the browser's draft (draft.js), so a reload, another page or the
 * language switch never loses it; the server computes. The map and the search live in
 * builder_map.js (window.HuairouBuilderMap). */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const TL = window.HuairouTimeline;
  const Draft = window.HuairouDraft;
  const config = HM.readJSON("builder-config");
  const text = config.text;
  const form = document.getElementById("plan-form");
  const stopList = document.getElementById("stop-list");
  const status = document.getElementById("plan-status");
  const saveStatus = document.getElementById("save-status");
  const undoBox = document.getElementById("undo-box");
  const orderNote = document.getElementById("order-note");
  const containers = {
    timeline: document.getElementById("timeline"),
    general: document.getElementById("plan-warnings-general"),
    totals: document.getElementById("plan-totals"),
    unplaced: document.getElementById("plan-unplaced"),
  };

  const state = {
    title: "", date: "", days: 1, start: "dongzhimen", transport: "car", pace: "normal",
    budget_per_night: null, optimize: true, lunch: true, stops: [], locked: [],
    homestay: null, route: null, names: {},
  };
  let lastPlan = null;
  let timer = null;
  let inFlight = null;
  // Edit keys of the itineraries this browser saved: token -> key. The share link alone
  // cannot change an itinerary; without its key the builder edits a copy.
  const KEYS = "huairou-edit-keys";
  function storedKeys() {
    try { return JSON.parse(window.localStorage.getItem(KEYS) || "{}") || {}; } catch (e) { return {}; }
  }
  function keepKey(token, key) {
    const keys = storedKeys();
    delete keys[token];
    const kept = Object.assign({}, { [token]: key });
    Object.keys(keys).slice(0, 49).forEach(function (t) { kept[t] = keys[t]; });
    try { window.localStorage.setItem(KEYS, JSON.stringify(kept)); } catch (e) { /* private mode */ }
  }
  let editToken = config.edit_token || "";
  let editKey = config.edit_key || (editToken && storedKeys()[editToken]) || "";
  if (editToken && !editKey) {
    editToken = "";
    saveStatus.textContent = text.copy;
  }
  if (editToken) keepKey(editToken, editKey);
  let version = config.version;
  let BM = null; // the map module, once it has started

  // --- state ⇄ form ⇄ draft ------------------------------------------------------------------

  function applyToForm() {
    form.elements.title.value = state.title || "";
    form.elements.date.value = state.date;
    form.elements.days.value = String(state.days);
    if (form.elements.start.querySelector('option[value="' + CSS.escape(String(state.start)) + '"]')) {
      form.elements.start.value = state.start;
    }
    form.querySelector('input[name=transport][value="' + state.transport + '"]').checked = true;
    form.elements.pace.value = state.pace;
    form.elements.budget_per_night.value = state.budget_per_night || "";
    form.elements.optimize.checked = state.optimize;
    form.elements.lunch.checked = state.lunch;
  }

  function readForm() {
    state.title = form.elements.title.value.trim();
    state.date = form.elements.date.value;
    state.days = parseInt(form.elements.days.value, 10);
    state.start = form.elements.start.value;
    state.transport = form.querySelector("input[name=transport]:checked").value;
    state.pace = form.elements.pace.value;
    const budget = parseInt(form.elements.budget_per_night.value, 10);
    state.budget_per_night = Number.isFinite(budget) && budget > 0 ? budget : null;
    state.optimize = form.elements.optimize.checked;
    state.lunch = form.elements.lunch.checked;
  }

  function keep() {
    Draft.write(Object.assign({}, state, { edit_token: editToken, version: version }));
  }

  function requestBody() {
    const body = {
      start: state.start, date: state.date, days: state.days, transport: state.transport,
      pace: state.pace, stops: state.stops, locked: state.locked.filter(function (s) { return state.stops.indexOf(s) !== -1; }),
      optimize: state.optimize, lunch: state.lunch,
    };
    if (state.budget_per_night) body.budget_per_night = state.budget_per_night;
    if (state.homestay) body.homestay = state.homestay;
    return body;
  }

  // --- the stop list -----------------------------------------------------------------------

  function placeLabel(slug) {
    const names = state.names[slug];
    return names ? HM.placeName(names) : slug;
  }

  function remember(place) {
    state.names[place.slug] = { name_zh: place.name_zh, name_en: place.name_en };
  }

  function iconButton(label, symbol, handler, pressed) {
    const button = HM.element("button", "icon-button", symbol);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.title = label;
    if (pressed !== undefined) button.setAttribute("aria-pressed", pressed ? "true" : "false");
    button.addEventListener("click", handler);
    return button;
  }

  function renderStops() {
    stopList.textContent = "";
    document.getElementById("stops-empty").hidden = state.stops.length > 0;
    state.stops.forEach(function (slug, index) {
      const locked = state.locked.indexOf(slug) !== -1;
      const item = HM.element("li", "stop-item" + (locked ? " is-locked" : ""));
      item.draggable = true;
      item.dataset.slug = slug;
      const label = placeLabel(slug);
      const name = HM.element("button", "stop-item-name link-button", label);
      name.type = "button";
      name.title = text.show_on_map;
      name.setAttribute("translate", "no");
      name.addEventListener("click", function () { if (BM) BM.showPlace(slug); });
      if (locked) name.appendChild(HM.element("small", "lock-flag", " (" + text.locked + ")"));
      const actions = HM.element("span", "stop-item-actions");
      actions.append(
        iconButton(text.up + ": " + label, "↑", function () { move(index, index - 1); }),
        iconButton(text.down + ": " + label, "↓", function () { move(index, index + 1); }),
        iconButton((locked ? text.unlock : text.lock) + ": " + label, "⚓", function () { toggleLock(slug); }, locked),
        iconButton(text.remove + ": " + label, "✕", function () { remove(slug); })
      );
      item.append(HM.element("span", "stop-item-number", String(index + 1)), name, actions);
      item.addEventListener("dragstart", function (event) { event.dataTransfer.setData("text/plain", String(index)); item.classList.add("is-dragging"); });
      item.addEventListener("dragend", function () { item.classList.remove("is-dragging"); });
      item.addEventListener("dragover", function (event) { event.preventDefault(); });
      item.addEventListener("drop", function (event) {
        event.preventDefault();
        move(parseInt(event.dataTransfer.getData("text/plain"), 10), index);
      });
      stopList.appendChild(item);
    });
  }

  /* Names of stops the browser does not know yet (a route's stop without a location). */
  function fetchNames() {
    const unknown = state.stops.filter(function (slug) { return !state.names[slug]; });
    if (!unknown.length) return;
    fetch(HM.url("search_api") + "?" + new URLSearchParams({ slugs: unknown.join(",") }).toString())
      .then(function (response) { return response.json(); })
      .then(function (data) {
        (data.results || []).forEach(remember);
        if (data.results && data.results.length) { renderStops(); keep(); }
      })
      .catch(function () {});
  }

  function move(from, to) {
    if (to < 0 || to >= state.stops.length || from === to) return;
    const slug = state.stops.splice(from, 1)[0];
    state.stops.splice(to, 0, slug);
    if (state.optimize) {
      // A visitor who reorders by hand wants that order kept.
      state.optimize = false;
      form.elements.optimize.checked = false;
      orderNote.textContent = text.order_kept;
      orderNote.hidden = false;
    }
    renderStops();
    const moved = stopList.querySelectorAll(".stop-item")[to];
    if (moved) moved.querySelector(".icon-button").focus();
    changed();
  }

  function toggleLock(slug) {
    const at = state.locked.indexOf(slug);
    if (at === -1) state.locked.push(slug); else state.locked.splice(at, 1);
    renderStops();
    changed();
  }

  function remove(slug) {
    const index = state.stops.indexOf(slug);
    const wasLocked = state.locked.indexOf(slug) !== -1;
    state.stops = state.stops.filter(function (s) { return s !== slug; });
    state.locked = state.locked.filter(function (s) { return s !== slug; });
    renderStops();
    offerUndo(slug, index, wasLocked);
    changed();
  }

  /* "Removed X. Undo": puts the stop back where it was. */
  function offerUndo(slug, index, wasLocked) {
    undoBox.textContent = "";
    undoBox.append(HM.element("span", null, TL.fill(text.removed, { name: placeLabel(slug) }) + " "));
    const undo = HM.element("button", "button button-secondary undo-button", text.undo);
    undo.type = "button";
    undo.addEventListener("click", function () {
      if (state.stops.indexOf(slug) === -1) state.stops.splice(Math.min(index, state.stops.length), 0, slug);
      if (wasLocked && state.locked.indexOf(slug) === -1) state.locked.push(slug);
      undoBox.textContent = TL.fill(text.restored, { name: placeLabel(slug) });
      renderStops();
      changed();
    });
    undoBox.appendChild(undo);
  }

  function add(place) {
    remember(place);
    if (state.stops.indexOf(place.slug) !== -1) {
      status.textContent = TL.fill(text.already, { name: placeLabel(place.slug) });
      return;
    }
    state.stops.push(place.slug);
    renderStops();
    status.textContent = TL.fill(text.added_to_plan, { name: placeLabel(place.slug), n: state.stops.length });
    changed();
  }

  // --- planning ----------------------------------------------------------------------------

  function changed() {
    keep();
    window.clearTimeout(timer);
    timer = window.setTimeout(replan, 250);
  }

  function errorText(errors) {
    return Object.keys(errors).map(function (field) { return errors[field].join(" "); }).join(" ");
  }

  function replan() {
    if (inFlight) inFlight.abort();
    if (!state.stops.length) {
      lastPlan = null;
      TL.clear(containers);
      if (BM) BM.drawPlan(null);
      status.textContent = "";
      return;
    }
    inFlight = new AbortController();
    status.textContent = text.planning;
    status.className = "plan-status is-busy";
    document.body.classList.add("is-planning");
    fetch(HM.url("plan_api"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(requestBody()),
      signal: inFlight.signal,
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          status.textContent = text.failed + " " + errorText(result.data.errors || {});
          status.className = "plan-status is-error";
          return;
        }
        lastPlan = result.data;
        rememberPlanNames(lastPlan);
        if (state.optimize) adoptPlanOrder(lastPlan);
        TL.render(containers, lastPlan, text, { onSwap: swapHomestay, chosen: state.homestay, onShow: showOnMap });
        if (BM) BM.drawPlan(lastPlan);
        status.textContent = text.planned;
        status.className = "plan-status";
        keep();
      })
      .catch(function (error) {
        if (error.name === "AbortError") return;
        status.textContent = text.offline;
        status.className = "plan-status is-error";
      })
      .finally(function () { document.body.classList.remove("is-planning"); });
  }

  function rememberPlanNames(plan) {
    plan.days.forEach(function (day) { day.stops.forEach(remember); });
    (plan.unplaced || []).forEach(function (stop) { if (stop.name_zh || stop.name_en) remember(stop); });
    renderStops();
    fetchNames();
  }

  /* With "optimise" on, the list shows the order the planner chose. */
  function adoptPlanOrder(plan) {
    const planned = [];
    plan.days.forEach(function (day) {
      day.stops.forEach(function (stop) {
        if (!stop.suggested && state.stops.indexOf(stop.slug) !== -1 && planned.indexOf(stop.slug) === -1) planned.push(stop.slug);
      });
    });
    const rest = state.stops.filter(function (slug) { return planned.indexOf(slug) === -1; });
    state.stops = planned.concat(rest);
    renderStops();
  }

  /* "" is "choose for me": the planner picks a stay within the budget again. */
  function swapHomestay(slug) {
    state.homestay = slug || null;
    changed();
  }

  /* A lower budget re-checks a chosen stay: one that costs more goes back to "choose for me". */
  function recheckStay() {
    if (!state.homestay || !state.budget_per_night || !lastPlan) return;
    let price = null;
    lastPlan.days.forEach(function (day) {
      if (day.overnight && day.overnight.slug === state.homestay) price = day.overnight.price_cny_min;
    });
    if (price !== null && price > state.budget_per_night) {
      state.homestay = null;
      undoBox.textContent = text.stay_over_budget;
    }
  }

  function showOnMap(slug) {
    if (BM) BM.showPlace(slug);
  }

  // --- seasonal routes and saving ------------------------------------------------------------

  function loadRoute(slug, days) {
    state.days = days;
    form.elements.days.value = String(days);
    fetch(HM.url("plan_api"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign(requestBody(), { route: slug, stops: undefined, locked: [] })),
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!data.request) { status.textContent = text.failed + " " + errorText(data.errors || {}); return; }
        state.stops = data.request.stops.slice();
        state.locked = [];
        state.homestay = null;
        renderStops();
        changed();
      })
      .catch(function () { status.textContent = text.offline; });
  }

  // A retry of the same save (after a lost answer) sends the same key: the server then
  // returns the itinerary it already saved instead of making a second one.
  let pending = { body: null, key: null };
  function idempotencyKey(body) {
    if (pending.body !== body) {
      const bytes = new Uint8Array(24);
      window.crypto.getRandomValues(bytes);
      const key = Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
      pending = { body: body, key: key };
    }
    return pending.key;
  }

  function save() {
    readForm();
    if (!state.stops.length) {
      saveStatus.textContent = text.empty_plan;
      return;
    }
    const body = Object.assign(requestBody(), { title: state.title });
    const url = editToken ? HM.url("itinerary_api", editToken) : HM.url("itineraries_api");
    if (editToken) body.version = version;
    saveStatus.textContent = text.planning;
    const headers = { "Content-Type": "application/json" };
    if (editToken) headers["X-Edit-Key"] = editKey;
    else headers["Idempotency-Key"] = idempotencyKey(JSON.stringify(body));
    fetch(url, { method: editToken ? "PUT" : "POST", headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (result) {
        if (result.status === 409) { saveStatus.textContent = text.conflict; return; }
        if (result.status === 403) { saveStatus.textContent = text.forbidden; return; }
        if (result.status >= 400) {
          saveStatus.textContent = text.failed + " " + errorText(result.data.errors || {});
          return;
        }
        if (result.data.edit_key) keepKey(result.data.token, result.data.edit_key);
        Draft.rememberSaved({ url: result.data.url, title: state.title || text.untitled, date: state.date });
        // The draft now edits the saved itinerary (when this browser holds its key).
        editToken = result.data.edit_key || editKey ? result.data.token : "";
        editKey = result.data.edit_key || editKey;
        version = result.data.version;
        keep();
        window.location.assign(result.data.url);
      })
      .catch(function () { saveStatus.textContent = text.offline; });
  }

  /* "My saved plans": the ones saved from this browser, newest first. */
  function renderSaved() {
    const list = document.getElementById("saved-list");
    const known = Array.from(list.querySelectorAll("a")).map(function (a) { return a.getAttribute("href"); });
    Draft.savedPlans().forEach(function (saved) {
      if (known.indexOf(saved.url) !== -1) return;
      const item = HM.element("li");
      const link = HM.link(saved.url, saved.title);
      link.setAttribute("translate", "no"); // the visitor's own words
      item.append(link, " ", HM.element("small", null, saved.date || ""));
      list.appendChild(item);
    });
    document.getElementById("my-plans").hidden = !list.children.length;
  }

  function startNew() {
    Object.assign(state, { title: "", stops: [], locked: [], homestay: null, route: null });
    Object.assign(state, config.initial, { stops: [], locked: [] });
    editToken = "";
    version = null;
    applyToForm();
    renderStops();
    undoBox.textContent = "";
    changed();
  }

  // --- start ---------------------------------------------------------------------------------

  function initialState() {
    const draft = Draft.read();
    // A saved plan opened for editing or copying wins over the draft; otherwise the draft.
    if (config.source || !draft) return Object.assign({}, config.initial);
    const restored = Object.assign({}, config.initial, draft);
    if (!restored.date || restored.date < config.today) {
      restored.date = config.initial.date;
      undoBox.textContent = text.date_moved;
    }
    // A draft that edits a saved itinerary does so only with that itinerary's key.
    if (draft.edit_token && storedKeys()[draft.edit_token]) {
      editToken = draft.edit_token;
      editKey = storedKeys()[editToken];
      version = draft.version;
    }
    return restored;
  }

  function start() {
    Object.assign(state, initialState());
    state.stops = (state.stops || []).slice();
    state.locked = (state.locked || []).slice();
    state.names = Object.assign({}, config.names || {}, state.names || {});
    applyToForm();
    readForm();
    renderStops();
    renderSaved();
    form.addEventListener("change", function (event) {
      readForm();
      if (event.target.name === "budget_per_night") recheckStay();
      changed();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.getElementById("load-route").addEventListener("click", function () {
      const select = document.getElementById("plan-route");
      if (!select.value) return;
      loadRoute(select.value, parseInt(select.selectedOptions[0].dataset.days, 10) || 1);
    });
    document.getElementById("save-button").addEventListener("click", save);
    document.getElementById("new-plan").addEventListener("click", startNew);
    window.HuairouBuilder = { add: add, placeLabel: placeLabel, remember: remember, text: text, plan: function () { return lastPlan; } };
    BM = window.HuairouBuilderMap ? window.HuairouBuilderMap.start(window.HuairouBuilder) : null;
    if (config.route) {
      const option = document.querySelector('#plan-route option[value="' + CSS.escape(config.route) + '"]');
      if (option) {
        document.getElementById("plan-route").value = config.route;
        loadRoute(config.route, parseInt(option.dataset.days, 10) || 1);
        return;
      }
    }
    if (config.add && config.add.slug) add(config.add);
    else { keep(); replan(); }
  }

  start();
})();
