/* The itinerary builder: the visitor's choices → POST /api/plan → timeline and map.
 * State lives here and in the browser's draft (draft.js), so a reload, another page or the
 * language switch never loses it; the server computes. The stop list lives in
 * builder_stops.js, saving in builder_save.js, the map and the search in builder_map.js. */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const TL = window.HuairouTimeline;
  const Draft = window.HuairouDraft;
  const config = HM.readJSON("builder-config");
  const text = config.text;
  const form = document.getElementById("plan-form");
  const status = document.getElementById("plan-status");
  const undoBox = document.getElementById("undo-box");
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
  const stops = window.HuairouBuilderStops.start({
    state: state, text: text, form: form, changed: changed, keep: keep, showOnMap: showOnMap,
  });
  const saving = window.HuairouBuilderSave.start({
    config: config, text: text, state: state, readForm: readForm, requestBody: requestBody,
    errorText: errorText, keep: keep,
  });
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
    form.elements.budget_per_night.value = state.budget_per_night == null ? "" : state.budget_per_night;
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
    // An empty field is "no budget"; any other value goes to the server, which says what is
    // wrong with 0 or -5 (nothing is ignored silently).
    const budget = parseInt(form.elements.budget_per_night.value, 10);
    state.budget_per_night = Number.isFinite(budget) ? budget : null;
    state.optimize = form.elements.optimize.checked;
    state.lunch = form.elements.lunch.checked;
  }

  function keep() {
    Draft.write(Object.assign({}, state, saving.draftFields()));
  }

  function requestBody() {
    const body = {
      start: state.start, date: state.date, days: state.days, transport: state.transport,
      pace: state.pace, stops: state.stops, locked: state.locked.filter(function (s) { return state.stops.indexOf(s) !== -1; }),
      optimize: state.optimize, lunch: state.lunch,
    };
    if (state.budget_per_night != null) body.budget_per_night = state.budget_per_night;
    if (state.homestay) body.homestay = state.homestay;
    return body;
  }

  // --- planning ----------------------------------------------------------------------------

  function changed() {
    keep();
    window.clearTimeout(timer);
    // The plan shown is out of date from now on, not only once the request leaves.
    document.body.classList.add("is-planning");
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
      document.body.classList.remove("is-planning");
      return;
    }
    const request = inFlight = new AbortController();
    status.textContent = text.planning;
    status.className = "plan-status is-busy";
    document.body.classList.add("is-planning");
    fetch(HM.url("plan_api"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(requestBody()),
      signal: request.signal,
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          status.textContent = text.failed + " " + errorText(result.data.errors || {});
          status.className = "plan-status is-error";
          // The timeline still shows the last plan that worked: grey it, it is not this one.
          document.body.classList.add("plan-is-stale");
          return;
        }
        document.body.classList.remove("plan-is-stale");
        lastPlan = result.data;
        stops.follow(lastPlan);
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
        document.body.classList.add("plan-is-stale");
      })
      .finally(function () {
        // An aborted request was replaced by a newer one, which is still planning.
        if (inFlight === request) document.body.classList.remove("is-planning");
      });
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

  // --- seasonal routes and a new plan --------------------------------------------------------

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
        state.homestay = data.request.homestay || null;  // the route's night, not a stop
        stops.render();
        changed();
        seeded("route");
      })
      .catch(function () { status.textContent = text.offline; });
  }

  /* A route or place in the address (?route=autumn, ?add=slug) seeds the draft once: then it
   * leaves the address, so a reload or the language switch shows the draft as edited. */
  function seeded(parameter) {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(parameter)) return;
    url.searchParams.delete(parameter);
    const address = url.pathname + url.search + url.hash;
    window.history.replaceState(window.history.state, "", address);
    document.querySelectorAll('.language-switch input[name="next"]').forEach(function (input) { input.value = address; });
  }

  function startNew() {
    Object.assign(state, { title: "", stops: [], locked: [], homestay: null, route: null });
    Object.assign(state, config.initial, { stops: [], locked: [] });
    saving.forget();
    applyToForm();
    stops.render();
    undoBox.textContent = "";
    changed();
  }

  // --- start ---------------------------------------------------------------------------------

  function initialState() {
    const draft = Draft.read();
    // A saved plan opened for editing or copying wins over the draft; otherwise the draft.
    const fromDraft = !config.source && draft;
    const restored = Object.assign({}, config.initial, fromDraft ? draft : {});
    // The server plans no first day before today (config.today): a passed date moves on.
    if (!restored.date || restored.date < config.today) {
      restored.date = config.coming_saturday;
      undoBox.textContent = text.date_moved;
    }
    if (fromDraft) saving.resume(draft);
    return restored;
  }

  function start() {
    Object.assign(state, initialState());
    state.stops = (state.stops || []).slice();
    state.locked = (state.locked || []).slice();
    state.names = Object.assign({}, config.names || {}, state.names || {});
    applyToForm();
    readForm();
    stops.render();
    saving.renderSaved();
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
    document.getElementById("save-button").addEventListener("click", saving.save);
    document.getElementById("new-plan").addEventListener("click", startNew);
    window.HuairouBuilder = { add: stops.add, placeLabel: stops.placeLabel, remember: stops.remember, text: text, plan: function () { return lastPlan; } };
    BM = window.HuairouBuilderMap ? window.HuairouBuilderMap.start(window.HuairouBuilder) : null;
    if (config.route) {
      const option = document.querySelector('#plan-route option[value="' + CSS.escape(config.route) + '"]');
      if (option) {
        document.getElementById("plan-route").value = config.route;
        loadRoute(config.route, parseInt(option.dataset.days, 10) || 1);
        return;
      }
    }
    if (config.add && config.add.slug) { stops.add(config.add); seeded("add"); }
    else { keep(); replan(); }
  }

  start();
})();
