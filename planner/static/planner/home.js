/* The home map: places from the GeoJSON API, one clustered layer per kind, filters, and a
 * list kept in sync with the map. Text is set with textContent only (names are data). */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const text = HM.readJSON("map-text");
  const form = document.getElementById("map-filters");
  const list = document.getElementById("place-list");
  const count = document.getElementById("result-count");
  const KINDS = ["spot", "homestay", "cafe", "village", "poi", "start"];
  let map = null;
  const groups = {};
  let markersById = {};
  let serverClusters = null;
  let features = [];
  let requestNumber = 0;
  let fittedOnce = false;
  let fetched = null; // {bounds, zoom, aggregated}: what the last answer covers
  const CLUSTER_OFF_ZOOM = 14;

  function formFromUrl() {
    const params = new URLSearchParams(window.location.search);
    if (params.has("kind")) {
      const kinds = params.get("kind").split(",");
      form.querySelectorAll("input[name=kind]").forEach(function (box) {
        box.checked = kinds.indexOf(box.value) !== -1;
      });
    }
    ["month", "rating", "tag", "town"].forEach(function (name) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    });
  }

  function queryFromForm() {
    const params = new URLSearchParams();
    const kinds = Array.from(form.querySelectorAll("input[name=kind]:checked")).map(function (box) { return box.value; });
    if (kinds.length !== KINDS.length) params.set("kind", kinds.join(",") || "none");
    ["month", "rating", "tag", "town"].forEach(function (name) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    });
    return params;
  }

  /* The hours in force today (the server picks the seasonal period, as the place page does). */
  function hoursSummary(p) {
    if (p.closed_today) return text.closed_today;
    if (!p.opens || !p.closes) return text.unknown_hours;
    let summary = text.hours + " " + p.opens + "–" + p.closes;
    if (p.last_entry) summary += " (" + text.last_entry + " " + p.last_entry + ")";
    return summary;
  }

  function popupContent(feature) {
    const p = feature.properties;
    const box = HM.element("div", "popup");
    const title = HM.nameElement("strong", "popup-title", p);
    box.appendChild(title);
    const meta = HM.element("div", "popup-meta");
    const kindLabel = text[p.kind] || p.kind;
    meta.textContent = [kindLabel, p.rating ? p.rating + (p.rating_confirmed === false ? " (" + text.unconfirmed + ")" : "") : null, HM.placeTown(p)].filter(Boolean).join(" · ");
    box.appendChild(meta);
    if (p.kind === "spot") box.appendChild(HM.element("div", "popup-hours", hoursSummary(p)));
    if (p.illustrative) box.appendChild(HM.element("div", "popup-flag", text.illustrative));
    const actions = HM.element("div", "popup-actions");
    actions.appendChild(HM.link(p.url, text.details));
    if (p.kind !== "start") {
      const add = HM.link(HM.url("builder") + "?add=" + encodeURIComponent(p.slug), text.add, "popup-add");
      // draft.js appends it to the plan kept in this browser, without leaving the map.
      Object.assign(add.dataset, { addToPlan: p.slug, nameZh: p.name_zh || "", nameEn: p.name_en || "", placeName: HM.placeName(p) });
      actions.appendChild(add);
    }
    box.appendChild(actions);
    return box;
  }

  function clearLayers() {
    KINDS.forEach(function (kind) { groups[kind].clearLayers(); });
    serverClusters.clearLayers();
    markersById = {};
    list.textContent = "";
  }

  /* A cell of many places, counted by the server: click to zoom in. */
  function clusterMarker(feature) {
    const p = feature.properties;
    const label = HM.element("span", null, String(p.count));
    const marker = L.marker(HM.featureLatLng(map, feature), {
      icon: L.divIcon({ className: "server-cluster marker-" + p.kind, html: label.outerHTML, iconSize: [36, 36] }),
      title: p.count + " " + (text[p.kind] || p.kind),
      alt: p.count + " " + (text[p.kind] || p.kind),
    });
    marker.feature = feature;
    marker.on("click", function () { map.setView(marker.getLatLng(), Math.min(map.getZoom() + 2, 18)); });
    return marker;
  }

  function listItem(feature) {
    const p = feature.properties;
    const item = HM.element("li", "place-item place-" + p.kind);
    const glyph = HM.element("span", "kind-glyph kind-" + p.kind, p.kind === "spot" && p.rating ? p.rating : HM.KIND_GLYPHS[p.kind]);
    glyph.setAttribute("aria-hidden", "true");
    const name = HM.nameElement("span", "place-name", p);
    const detail = HM.element("span", "place-detail", text[p.kind]);
    const town = HM.placeTown(p);
    if (town) {
      const townName = HM.element("span", null, town);
      townName.setAttribute("translate", "no"); // a proper name, in Chinese when no English is known
      detail.append(" · ", townName);
    }
    if (feature.geometry) {
      const button = HM.element("button", "place-button");
      button.type = "button";
      button.dataset.id = feature.id;
      button.append(glyph, name, detail);
      button.addEventListener("click", function () { focusFeature(feature.id); });
      item.appendChild(button);
    } else {
      const anchor = HM.link(p.url, "", "place-button place-unmapped");
      anchor.append(glyph, name, detail, HM.element("span", "place-flag", text.not_mapped));
      item.appendChild(anchor);
    }
    return item;
  }

  function render(collection) {
    features = collection.features;
    clearLayers();
    const fragment = document.createDocumentFragment();
    let hidden = 0;
    features.forEach(function (feature) {
      if (feature.properties.cluster) {
        hidden += feature.properties.count;
        serverClusters.addLayer(clusterMarker(feature));
        return;
      }
      if (feature.geometry) {
        const marker = L.marker(HM.featureLatLng(map, feature), {
          icon: HM.markerIcon(feature.properties),
          title: HM.placeName(feature.properties),
          alt: HM.placeName(feature.properties),
          keyboard: true,
        });
        marker.bindPopup(function () { return popupContent(feature); });
        marker.feature = feature;
        markersById[feature.id] = marker;
        groups[feature.properties.kind].addLayer(marker);
      }
      fragment.appendChild(listItem(feature));
    });
    list.appendChild(fragment);
    const listed = features.length - features.filter(function (f) { return f.properties.cluster; }).length;
    count.textContent = text.count.replace("%(n)s", listed + hidden);
    if (hidden) list.appendChild(HM.element("li", "place-more", text.zoom_in.replace("%(n)s", hidden)));
    if (!fittedOnce && !collection.aggregated) fitToPlaces();
    fittedOnce = true;
  }

  /* First load: show every place, central Beijing's start points included. */
  function fitToPlaces() {
    const bounds = L.latLngBounds([]);
    Object.keys(markersById).forEach(function (id) { bounds.extend(markersById[id].getLatLng()); });
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12, animate: false });
  }

  /* Bring a place close up (centred, clusters off) and open its popup. Zooming past the clustering threshold shows every
   * marker on its own; markercluster redraws after the move, so wait for that first. */
  function focusFeature(id) {
    const marker = markersById[id];
    if (!marker) return;
    const group = groups[marker.feature.properties.kind];
    const open = function () {
      if (marker._icon) marker.openPopup();
      else group.zoomToShowLayer(marker, function () { marker.openPopup(); });
    };
    map.once("moveend", function () { window.setTimeout(open, 0); });
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), CLUSTER_OFF_ZOOM), { animate: false });
  }

  /* Only what the view needs: the visible area (padded) at this zoom. */
  function viewParams(params) {
    const bounds = map.getBounds().pad(0.5);
    const clamp = function (value, limit) { return Math.max(-limit, Math.min(limit, value)).toFixed(4); };
    params.set("bbox", [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90), clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90)].join(","));
    params.set("zoom", String(map.getZoom()));
    params.set("unmapped", "1");
    return bounds;
  }

  function needsReload() {
    if (!fetched) return false;
    if (!fetched.bounds.contains(map.getBounds())) return true;
    return fetched.aggregated && map.getZoom() !== fetched.zoom;
  }

  function load() {
    const params = queryFromForm();
    const query = params.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    const bounds = viewParams(params);
    if (params.get("kind") === "none") {
      render({ features: [] });
      return;
    }
    const number = ++requestNumber;
    document.body.classList.add("is-loading");
    fetch(HM.url("places_api") + "?" + params.toString(), { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (collection) {
        if (number !== requestNumber) return;
        fetched = { bounds: bounds, zoom: map.getZoom(), aggregated: Boolean(collection.aggregated) };
        render(collection);
      })
      .catch(function () { count.textContent = text.error; })
      .finally(function () { document.body.classList.remove("is-loading"); });
  }

  function redrawForDatum() {
    Object.keys(markersById).forEach(function (id) {
      const marker = markersById[id];
      marker.setLatLng(HM.featureLatLng(map, marker.feature));
    });
    KINDS.forEach(function (kind) { groups[kind].refreshClusters(); });
    serverClusters.eachLayer(function (marker) { marker.setLatLng(HM.featureLatLng(map, marker.feature)); });
  }

  window.huairouHomeMap = function (leafletMap) {
    map = leafletMap;
    const control = HM.addBaseLayers(map, HM.readJSON("base-layers"));
    KINDS.forEach(function (kind) {
      groups[kind] = L.markerClusterGroup({ maxClusterRadius: 40, disableClusteringAtZoom: CLUSTER_OFF_ZOOM, chunkedLoading: true, showCoverageOnHover: false });
      groups[kind].addTo(map);
      control.addOverlay(groups[kind], text[kind]);
    });
    serverClusters = L.layerGroup().addTo(map);
    map.on("huairou:datum", redrawForDatum);
    let moveTimer = null;
    map.on("moveend", function () {
      window.clearTimeout(moveTimer);
      moveTimer = window.setTimeout(function () { if (needsReload()) load(); }, 200);
    });
    formFromUrl();
    form.addEventListener("change", load);
    form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
    load();
  };
})();
