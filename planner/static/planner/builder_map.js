/* The builder's map, search and phone view switcher. The map asks only for the places in
 * view (the places API's bbox), the search box asks the search endpoint (with a limit): the
 * builder never downloads every place. */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const PLACE_KINDS = "spot,homestay,cafe,village,poi";
  let map = null;
  let builder = null;
  let placesLayer = null;
  let planLayer = null;
  let plan = null;
  let requestNumber = 0;
  let pending = null; // a place to show once the map exists

  // --- phone: one tap to the stops, the map or the plan ------------------------------------

  function setView(view) {
    document.body.dataset.view = view;
    document.querySelectorAll(".view-switch [data-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.view === view ? "true" : "false");
    });
    if (view === "map" && map) map.invalidateSize();
  }

  function isPhone() {
    const switcher = document.querySelector(".view-switch");
    return switcher && window.getComputedStyle(switcher).display !== "none";
  }

  function setUpSwitcher() {
    document.querySelectorAll(".view-switch [data-view]").forEach(function (button) {
      button.addEventListener("click", function () { setView(button.dataset.view); });
    });
    setView(document.body.dataset.view || "stops");
  }

  // --- places in view -----------------------------------------------------------------------

  function popup(properties) {
    const box = HM.element("div", "popup");
    box.appendChild(HM.nameElement("strong", "popup-title", properties));
    const button = HM.element("button", "button popup-add", builder.text.add);
    button.type = "button";
    button.addEventListener("click", function () {
      builder.add({ slug: properties.slug, name_zh: properties.name_zh, name_en: properties.name_en });
      map.closePopup();
    });
    box.appendChild(button);
    return box;
  }

  function clusterMarker(feature) {
    const p = feature.properties;
    const marker = L.marker(HM.featureLatLng(map, feature), {
      icon: L.divIcon({ className: "server-cluster marker-" + p.kind, html: HM.element("span", null, String(p.count)).outerHTML, iconSize: [36, 36] }),
      title: String(p.count),
      alt: String(p.count),
    });
    marker.on("click", function () { map.setView(marker.getLatLng(), Math.min(map.getZoom() + 2, 18)); });
    return marker;
  }

  function loadPlaces() {
    if (!map) return;
    const bounds = map.getBounds().pad(0.25);
    const params = new URLSearchParams({
      kind: PLACE_KINDS,
      bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map(function (v) { return v.toFixed(4); }).join(","),
      zoom: String(map.getZoom()),
    });
    const number = ++requestNumber;
    fetch(HM.url("places_api") + "?" + params.toString())
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (collection) {
        if (number !== requestNumber) return;
        placesLayer.clearLayers();
        collection.features.forEach(function (feature) {
          if (!feature.geometry) return;
          if (feature.properties.cluster) { clusterMarker(feature).addTo(placesLayer); return; }
          // A 24 px tap target (WCAG 2.5.8), drawn light so the plan's markers stand out.
          L.circleMarker(HM.featureLatLng(map, feature), { radius: 12, weight: 1, color: "#56635d", fillOpacity: 0.25 })
            .bindPopup(function () { return popup(feature.properties); })
            .addTo(placesLayer);
        });
      })
      .catch(function () { /* the plan still works without the background places */ });
  }

  // --- the plan on the map ------------------------------------------------------------------

  function drawPlan(newPlan) {
    plan = newPlan;
    if (!map) return;
    planLayer.clearLayers();
    if (!plan) return;
    const bounds = HM.drawPlan(map, planLayer, plan);
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
  }

  function planStop(slug) {
    let found = null;
    (plan ? plan.days : []).forEach(function (day) {
      day.stops.forEach(function (stop) { if (stop.slug === slug && !found) found = stop; });
    });
    return found;
  }

  /* Shows a place on the visible map (switching to the map on a phone) with its popup. */
  function showPlace(slug) {
    if (isPhone()) setView("map");
    if (!map) { pending = slug; return; }
    let marker = null;
    planLayer.eachLayer(function (layer) { if (layer.options && layer.options.slug === slug) marker = layer; });
    if (marker) {
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 13), { animate: false });
      marker.openPopup();
      return;
    }
    const stop = planStop(slug);
    if (stop) { map.setView(HM.pointLatLng(map, stop), 14, { animate: false }); return; }
    fetch(HM.url("search_api") + "?" + new URLSearchParams({ slugs: slug }).toString())
      .then(function (response) { return response.json(); })
      .then(function (data) {
        const place = data.results[0];
        if (!place || place.lat === null) return;
        L.popup().setLatLng(HM.pointLatLng(map, place)).setContent(popup(place)).openOn(map);
        map.setView(HM.pointLatLng(map, place), 14, { animate: false });
      })
      .catch(function () {});
  }

  // --- search -------------------------------------------------------------------------------

  function setUpSearch() {
    const input = document.getElementById("place-search");
    const results = document.getElementById("search-results");
    let timer = null;
    let number = 0;
    function show(places) {
      results.textContent = "";
      if (!places.length) results.appendChild(HM.element("li", "muted", builder.text.no_results));
      places.forEach(function (place) {
        const button = HM.nameElement("button", "search-result", place);
        button.type = "button";
        button.addEventListener("click", function () {
          builder.add(place);
          input.value = "";
          results.textContent = "";
          input.focus();
        });
        const item = HM.element("li");
        item.appendChild(button);
        results.appendChild(item);
      });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      const query = input.value.trim();
      if (!query) { results.textContent = ""; return; }
      timer = window.setTimeout(function () {
        const mine = ++number;
        fetch(HM.url("search_api") + "?" + new URLSearchParams({ q: query, limit: "8" }).toString())
          .then(function (response) { return response.json(); })
          .then(function (data) { if (mine === number) show(data.results || []); })
          .catch(function () { results.textContent = builder.text.offline; });
      }, 200);
    });
  }

  window.huairouPlanMap = function (leafletMap) {
    map = leafletMap;
    HM.addBaseLayers(map, HM.readJSON("base-layers"));
    placesLayer = L.layerGroup().addTo(map);
    planLayer = L.featureGroup().addTo(map);
    map.on("huairou:datum", function () { loadPlaces(); drawPlan(plan); });
    map.on("moveend", loadPlaces);
    map.on("zoomend", function () { if (plan) HM.spreadMarkers(map, planLayer); });
    loadPlaces();
    if (plan) drawPlan(plan);
    if (pending) { showPlace(pending); pending = null; }
  };

  window.HuairouBuilderMap = {
    start: function (api) {
      builder = api;
      setUpSwitcher();
      setUpSearch();
      return { drawPlan: drawPlan, showPlace: showPlace, setView: setView };
    },
  };
})();
