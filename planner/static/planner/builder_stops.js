/* The builder's stop list: the visitor's stops in their order, with move, lock, remove and
 * undo, and the names it shows for them. builder.js owns the state and starts this module
 * (window.HuairouBuilderStops.start), telling it what to call when the list changes. */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const TL = window.HuairouTimeline;

  function iconButton(label, symbol, handler, pressed) {
    const button = HM.element("button", "icon-button", symbol);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.title = label;
    if (pressed !== undefined) button.setAttribute("aria-pressed", pressed ? "true" : "false");
    button.addEventListener("click", handler);
    return button;
  }

  /* builder: { state, text, form, changed, keep, showOnMap } */
  function start(builder) {
    const state = builder.state;
    const text = builder.text;
    const stopList = document.getElementById("stop-list");
    const status = document.getElementById("plan-status");
    const undoBox = document.getElementById("undo-box");
    const orderNote = document.getElementById("order-note");

    function placeLabel(slug) {
      const names = state.names[slug];
      return names ? HM.placeName(names) : slug;
    }

    function remember(place) {
      state.names[place.slug] = { name_zh: place.name_zh, name_en: place.name_en };
    }

    function render() {
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
        name.addEventListener("click", function () { builder.showOnMap(slug); });
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
          if (data.results && data.results.length) { render(); builder.keep(); }
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
        builder.form.elements.optimize.checked = false;
        orderNote.textContent = text.order_kept;
        orderNote.hidden = false;
      }
      render();
      const moved = stopList.querySelectorAll(".stop-item")[to];
      if (moved) moved.querySelector(".icon-button").focus();
      builder.changed();
    }

    function toggleLock(slug) {
      const at = state.locked.indexOf(slug);
      if (at === -1) state.locked.push(slug); else state.locked.splice(at, 1);
      render();
      builder.changed();
    }

    function remove(slug) {
      const index = state.stops.indexOf(slug);
      const wasLocked = state.locked.indexOf(slug) !== -1;
      state.stops = state.stops.filter(function (s) { return s !== slug; });
      state.locked = state.locked.filter(function (s) { return s !== slug; });
      render();
      offerUndo(slug, index, wasLocked);
      builder.changed();
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
        render();
        builder.changed();
      });
      undoBox.appendChild(undo);
    }

    function add(place) {
      remember(place);
      if (state.stops.indexOf(place.slug) !== -1) {
        status.textContent = TL.fill(text.already, { name: placeLabel(place.slug) });
        return;
      }
      if (window.HuairouDraft.isFull(state.stops.length)) {
        status.textContent = window.HuairouDraft.fullText();
        status.className = "plan-status is-error";
        return;
      }
      state.stops.push(place.slug);
      render();
      status.textContent = TL.fill(text.added_to_plan, { name: placeLabel(place.slug), n: state.stops.length });
      builder.changed();
    }

    /* A new plan names its stops; with "optimise" on, the list shows the order it chose. */
    function follow(plan) {
      plan.days.forEach(function (day) { day.stops.forEach(remember); });
      (plan.unplaced || []).forEach(function (stop) { if (stop.name_zh || stop.name_en) remember(stop); });
      render();
      fetchNames();
      if (state.optimize) adoptOrder(plan);
    }

    function adoptOrder(plan) {
      const planned = [];
      plan.days.forEach(function (day) {
        day.stops.forEach(function (stop) {
          if (!stop.suggested && state.stops.indexOf(stop.slug) !== -1 && planned.indexOf(stop.slug) === -1) planned.push(stop.slug);
        });
      });
      const rest = state.stops.filter(function (slug) { return planned.indexOf(slug) === -1; });
      state.stops = planned.concat(rest);
      render();
    }

    return { render: render, add: add, remember: remember, placeLabel: placeLabel, follow: follow };
  }

  window.HuairouBuilderStops = { start: start };
})();
