/* Saving the builder's plan: a new itinerary (POST, with an idempotency key) or the next
 * version of one this browser may edit (PUT, with its edit key), and "My saved plans".
 * builder.js owns the state and starts this module (window.HuairouBuilderSave.start). */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const Draft = window.HuairouDraft;

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

  /* builder: { config, text, state, readForm, requestBody, errorText, keep } */
  function start(builder) {
    const text = builder.text;
    const state = builder.state;
    const saveStatus = document.getElementById("save-status");
    let editToken = builder.config.edit_token || "";
    let editKey = builder.config.edit_key || (editToken && storedKeys()[editToken]) || "";
    if (editToken && !editKey) {
      editToken = "";
      saveStatus.textContent = text.copy;
    }
    if (editToken) keepKey(editToken, editKey);
    let version = builder.config.version;

    /* A draft that edits a saved itinerary does so only with that itinerary's key. */
    function resume(draft) {
      if (draft.edit_token && storedKeys()[draft.edit_token]) {
        editToken = draft.edit_token;
        editKey = storedKeys()[editToken];
        version = draft.version;
      }
    }

    /* A new plan: the next save makes a new itinerary. */
    function forget() {
      editToken = "";
      version = null;
    }

    /* What the draft keeps so that a reload goes on editing the same itinerary. */
    function draftFields() {
      return { edit_token: editToken, version: version };
    }

    function save() {
      builder.readForm();
      if (!state.stops.length) {
        saveStatus.textContent = text.empty_plan;
        return;
      }
      const body = Object.assign(builder.requestBody(), { title: state.title });
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
            saveStatus.textContent = text.failed + " " + builder.errorText(result.data.errors || {});
            return;
          }
          if (result.data.edit_key) keepKey(result.data.token, result.data.edit_key);
          Draft.rememberSaved({ url: result.data.url, title: state.title || text.untitled, date: state.date });
          // The draft now edits the saved itinerary (when this browser holds its key).
          editToken = result.data.edit_key || editKey ? result.data.token : "";
          editKey = result.data.edit_key || editKey;
          version = result.data.version;
          builder.keep();
          window.location.assign(result.data.url);
        })
        .catch(function () { saveStatus.textContent = text.offline; });
    }

    return { save: save, resume: resume, forget: forget, draftFields: draftFields, renderSaved: renderSaved };
  }

  window.HuairouBuilderSave = { start: start };
})();
