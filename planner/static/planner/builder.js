/* The itinerary builder: the visitor's choices → POST /api/plan → timeline and map.
 * State lives here; the server computes. Nothing the visitor added is lost when a request
 * fails: the stop list is the source of truth and is re-sent on the next change. */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const TL = window.HuairouTimeline;
  const config = HM.readJSON("builder-config");
  const text = config.text;
  const form = document.getElementById("plan-form");
  const stopList = document.getElementById("stop-list");
  const status = document.getElementById("plan-status");
  const saveStatus = document.getElementById("save-status");
  const orderNote = document.getElementById("order-note");
  const containers = {
    timeline: document.getElementById("timeline"),
    general: document.getElementById("plan-warnings-general"),
    totals: document.getElementById("plan-totals"),
  };

  const state = {
    title: "", date: "", days: 1, start: "dongzhimen", transport: "car", pace: "normal",
    budget_per_night: null, optimize: true, lunch: true, stops: [], locked: [],
    homestay: null, route: null,
  };
  let places = {};
  let lastPlan = null;
  let timer = null;
  let inFlight = null;
  let map = null;
  let placesLayer = null;
  let planLayer = null;
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

  // --- state ⇄ form ------------------------------------------------------------------------

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

  function requestBody() {
    const body = {
      start: state.start, date: state.date, days: state.days, transport: state.transport,
      pace: state.pace, stops: state.stops, locked: state.locked.filter(function (s) { return state.stops.indexOf(s) !== -1; }),
      optimize: state.optimize, lunch: state.lunch,
    };
    if (state.budget_per_night) body.budget_per_night = state.budget_per_night;
    if (state.homestay) body.homestay = state.homestay;
    if (state.route) body.route = state.route;
    return body;
  }

  // --- the stop list -----------------------------------------------------------------------

  function placeLabel(slug) {
    const place = places[slug];
    return place ? HM.placeName(place.properties) : slug;
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
      const name = HM.element("span", "stop-item-name", placeLabel(slug));
      if (locked) name.appendChild(HM.element("small", "lock-flag", " (" + text.locked + ")"));
      const actions = HM.element("span", "stop-item-actions");
      const label = placeLabel(slug);
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
    schedule();
  }

  function toggleLock(slug) {
    const at = state.locked.indexOf(slug);
    if (at === -1) state.locked.push(slug); else state.locked.splice(at, 1);
    renderStops();
    schedule();
  }

  function remove(slug) {
    state.stops = state.stops.filter(function (s) { return s !== slug; });
    state.locked = state.locked.filter(function (s) { return s !== slug; });
    renderStops();
    schedule();
  }

  function add(slug) {
    if (!slug || state.stops.indexOf(slug) !== -1) return;
    state.stops.push(slug);
    renderStops();
    schedule();
  }

  // --- planning ----------------------------------------------------------------------------

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(replan, 250);
  }

  function showErrors(errors) {
    const messages = [];
    Object.keys(errors).forEach(function (field) { messages.push(errors[field].join(" ")); });
    status.textContent = text.failed + " " + messages.join(" ");
    status.className = "plan-status is-error";
  }

  function replan() {
    if (inFlight) inFlight.abort();
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
        if (!result.ok) { showErrors(result.data.errors || {}); return; }
        lastPlan = result.data;
        if (state.optimize) adoptPlanOrder(lastPlan);
        TL.render(containers, lastPlan, text, swapHomestay);
        drawPlan();
        status.textContent = text.planned;
        status.className = "plan-status";
      })
      .catch(function (error) {
        if (error.name === "AbortError") return;
        status.textContent = text.offline;
        status.className = "plan-status is-error";
      })
      .finally(function () { document.body.classList.remove("is-planning"); });
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

  function swapHomestay(slug) {
    state.homestay = slug;
    schedule();
  }

  // --- seasonal routes and saved plans -----------------------------------------------------

  function loadRoute(slug, days) {
    state.route = slug;
    state.days = days;
    form.elements.days.value = String(days);
    fetch(HM.url("plan_api"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign(requestBody(), { route: slug, stops: undefined, locked: [] })),
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!data.request) { showErrors(data.errors || {}); return; }
        state.stops = data.request.stops.slice();
        state.locked = [];
        renderStops();
        replan();
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
          saveStatus.textContent = text.failed + " " + Object.values(result.data.errors || {}).join(" ");
          return;
        }
        if (result.data.edit_key) keepKey(result.data.token, result.data.edit_key);
        window.location.assign(result.data.url);
      })
      .catch(function () { saveStatus.textContent = text.offline; });
  }

  // --- search ------------------------------------------------------------------------------

  function setUpSearch() {
    const input = document.getElementById("place-search");
    const results = document.getElementById("search-results");
    input.addEventListener("input", function () {
      const query = input.value.trim().toLowerCase();
      results.textContent = "";
      if (!query) return;
      const matches = Object.keys(places).filter(function (slug) {
        const p = places[slug].properties;
        return p.kind !== "start" && [p.name_zh, p.name_en, slug].join(" ").toLowerCase().indexOf(query) !== -1;
      }).slice(0, 8);
      if (!matches.length) results.appendChild(HM.element("li", "muted", text.no_results));
      matches.forEach(function (slug) {
        const button = HM.element("button", "search-result", placeLabel(slug));
        button.type = "button";
        button.addEventListener("click", function () {
          add(slug);
          input.value = "";
          results.textContent = "";
          input.focus();
        });
        const item = HM.element("li");
        item.appendChild(button);
        results.appendChild(item);
      });
    });
  }

  // --- map ---------------------------------------------------------------------------------

  function drawPlaces() {
    if (!map) return;
    placesLayer.clearLayers();
    Object.keys(places).forEach(function (slug) {
      const feature = places[slug];
      if (!feature.geometry || feature.properties.kind === "start") return;
      L.circleMarker(HM.featureLatLng(map, feature), { radius: 5, weight: 1, color: "#56635d", fillOpacity: 0.5 })
        .bindPopup(function () {
          const box = HM.element("div", "popup");
          box.appendChild(HM.element("strong", "popup-title", HM.placeName(feature.properties)));
          const button = HM.element("button", "button popup-add", text.add);
          button.type = "button";
          button.addEventListener("click", function () { add(slug); map.closePopup(); });
          box.appendChild(button);
          return box;
        })
        .addTo(placesLayer);
    });
  }

  function drawPlan() {
    if (!map || !lastPlan) return;
    const bounds = HM.drawPlan(map, planLayer, lastPlan);
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
  }

  window.huairouPlanMap = function (leafletMap) {
    map = leafletMap;
    HM.addBaseLayers(map, HM.readJSON("base-layers"));
    placesLayer = L.layerGroup().addTo(map);
    planLayer = L.featureGroup().addTo(map);
    map.on("huairou:datum", function () { drawPlaces(); drawPlan(); });
    drawPlaces();
    drawPlan();
  };

  // --- start ---------------------------------------------------------------------------------

  function start() {
    Object.assign(state, config.initial || {});
    state.stops = (state.stops || []).slice();
    state.locked = (state.locked || []).slice();
    applyToForm();
    readForm();
    renderStops();
    form.addEventListener("change", function () { readForm(); schedule(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.getElementById("load-route").addEventListener("click", function () {
      const select = document.getElementById("plan-route");
      if (!select.value) return;
      loadRoute(select.value, parseInt(select.selectedOptions[0].dataset.days, 10) || 1);
    });
    document.getElementById("save-button").addEventListener("click", save);
    setUpSearch();
    fetch(HM.url("places_api"))
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        collection.features.forEach(function (feature) { places[feature.properties.slug] = feature; });
        renderStops();
        drawPlaces();
        drawPlan();
      })
      .catch(function () { status.textContent = text.offline; });
    if (config.route) {
      const option = document.querySelector('#plan-route option[value="' + CSS.escape(config.route) + '"]');
      if (option) {
        document.getElementById("plan-route").value = config.route;
        loadRoute(config.route, parseInt(option.dataset.days, 10) || 1);
        return;
      }
    }
    if (config.add) add(config.add);
    else if (state.stops.length) replan();
  }

  start();
})();
