/* Shared map helpers: base layers (with the GCJ-02 shift for Amap tiles), markers, names.
 * Plain ES2017, no build step. Every page's own module uses window.HuairouMap. */
(function () {
  "use strict";

  function readJSON(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // Day colours and URLs come from the server (planner/geo/map_config.py).
  const CONFIG = readJSON("map-config") || { day_colours: ["#a23b2a"], urls: {}, token_placeholder: "", glyphs: {} };
  // One glyph per kind in the page's language (planner/geo/map_config.py): 宿 or H, never mixed.
  const KIND_GLYPHS = CONFIG.glyphs || {};

  function dayColour(number) {
    return CONFIG.day_colours[(number - 1) % CONFIG.day_colours.length];
  }

  function url(name, token) {
    const pattern = CONFIG.urls[name];
    return token ? pattern.replace(CONFIG.token_placeholder, encodeURIComponent(token)) : pattern;
  }

  function isEnglish() {
    return document.documentElement.lang === "en";
  }

  function placeName(properties) {
    return isEnglish()
      ? properties.name_en || properties.name_zh
      : properties.name_zh || properties.name_en;
  }

  function placeTown(properties) {
    return isEnglish() ? properties.town_en || properties.town_zh : properties.town_zh;
  }

  /* Adds the configured base layers and a layer control. The map remembers whether the
   * active layer is GCJ-02 (Amap) and fires `huairou:datum` when that changes, so that
   * every module can redraw its points where the tiles expect them. */
  function addBaseLayers(map, layerConfigs) {
    if (map.attributionControl && CONFIG.attribution_prefix) map.attributionControl.setPrefix(CONFIG.attribution_prefix);
    if (map.zoomControl && CONFIG.zoom_in) {
      map.zoomControl.remove();
      map.zoomControl = L.control.zoom({ zoomInTitle: CONFIG.zoom_in, zoomOutTitle: CONFIG.zoom_out }).addTo(map);
    }
    const control = L.control.layers(null, null, { collapsed: true }).addTo(map);
    layerConfigs.forEach(function (config, index) {
      const options = { attribution: config.attribution, maxZoom: 18 };
      if (config.subdomains) options.subdomains = config.subdomains;
      let layer = L.tileLayer(config.url, options);
      if (config.labels) layer = L.layerGroup([layer, L.tileLayer(config.labels, options)]);
      layer.huairouGcj02 = Boolean(config.gcj02);
      control.addBaseLayer(layer, config.name);
      if (index === 0) layer.addTo(map);
    });
    map.huairouGcj02 = false;
    map.on("baselayerchange", function (event) {
      const gcj02 = Boolean(event.layer.huairouGcj02);
      if (gcj02 !== map.huairouGcj02) {
        map.huairouGcj02 = gcj02;
        map.fire("huairou:datum", { gcj02: gcj02 });
      }
    });
    return control;
  }

  /* [lat, lng] for a GeoJSON feature on the map's current datum. */
  function featureLatLng(map, feature) {
    const coordinates = map.huairouGcj02 && feature.properties.gcj02
      ? feature.properties.gcj02
      : feature.geometry.coordinates;
    return [coordinates[1], coordinates[0]];
  }

  /* [lat, lng] for a plan's place ({lat, lng, gcj02}) on the map's current datum. */
  function pointLatLng(map, place) {
    if (map.huairouGcj02 && place.gcj02) return [place.gcj02[1], place.gcj02[0]];
    return [place.lat, place.lng];
  }

  function markerIcon(properties, label, colour) {
    const rating = properties.rating;
    const glyph = label || (properties.kind === "spot" && rating ? rating : KIND_GLYPHS[properties.kind] || "•");
    let className = "place-marker marker-" + properties.kind;
    if (rating) className += " marker-rating-" + rating.toLowerCase();
    if (properties.rating_confirmed === false && rating) className += " marker-unconfirmed";
    const html = document.createElement("span");
    html.textContent = glyph;
    if (colour) { className += " marker-day"; html.style.setProperty("--day-colour", colour); }
    return L.divIcon({ className: className, html: html.outerHTML, iconSize: [30, 30], iconAnchor: [15, 15], popupAnchor: [0, -14] });
  }

  /* The line a leg follows: the road model's path when it has one (WGS-84 [lat, lng]; on
   * GCJ-02 tiles shifted by the offsets of its two ends, which vary little over a leg). */
  function legLine(map, leg, from, to) {
    const a = pointLatLng(map, from);
    const b = pointLatLng(map, to);
    if (!leg || !leg.path || leg.path.length < 2) return [a, b];
    const last = leg.path.length - 1;
    const shiftA = [a[0] - from.lat, a[1] - from.lng];
    const shiftB = [b[0] - to.lat, b[1] - to.lng];
    return leg.path.map(function (point, index) {
      const t = index / last;
      return [point[0] + shiftA[0] * (1 - t) + shiftB[0] * t, point[1] + shiftA[1] * (1 - t) + shiftB[1] * t];
    });
  }

  /* A plan (the API's JSON) on a map: each day's stops numbered from 1 in the day's colour, as
   * on the timeline, and each day's line along its legs. Returns the bounds (or null). */
  function drawPlan(map, layer, plan) {
    layer.clearLayers();
    plan.days.forEach(function (day) {
      const colour = dayColour(day.number);
      const places = [day.start].concat(day.stops, [day.end]);
      places.slice(0, -1).forEach(function (place, index) {
        L.polyline(legLine(map, day.legs[index], place, places[index + 1]), { color: colour, weight: 4, opacity: 0.85 }).addTo(layer);
      });
      day.stops.forEach(function (stop, index) {
        const label = String(index + 1);
        const title = dayLabel(day.number) + " · " + label + ". " + placeName(stop);
        const icon = markerIcon({ kind: stop.kind }, label, colour);
        L.marker(pointLatLng(map, stop), { icon: icon, title: title, alt: title, slug: stop.slug, riseOnHover: true })
          .bindPopup(function () { return element("strong", "popup-title", title); })
          .addTo(layer);
      });
    });
    spreadMarkers(map, layer);
    return layer.getLayers().length ? layer.getBounds() : null;
  }

  function dayLabel(number) {
    return (CONFIG.day_label || "%(n)s").replace("%(n)s", number);
  }

  /* Markers closer than a marker's width are fanned out around their spot, so that each
   * number can be read and tapped (recomputed on zoom). */
  function spreadMarkers(map, layer) {
    const markers = [];
    layer.eachLayer(function (marker) { if (marker instanceof L.Marker) markers.push(marker); });
    const groups = [];
    markers.forEach(function (marker) {
      const point = map.latLngToLayerPoint(marker.getLatLng());
      const group = groups.find(function (g) { return g.point.distanceTo(point) < 26; });
      if (group) group.markers.push(marker); else groups.push({ point: point, markers: [marker] });
    });
    groups.forEach(function (group) {
      const count = group.markers.length;
      group.markers.forEach(function (marker, index) {
        const icon = marker.options.icon;
        const angle = (2 * Math.PI * index) / count;
        const radius = count > 1 ? 16 : 0;
        icon.options.iconAnchor = [15 - radius * Math.cos(angle), 15 - radius * Math.sin(angle)];
        marker.setIcon(icon);
      });
    });
  }

  /* A place's name in the page's language (a proper name: translate="no"). */
  function nameElement(tag, className, properties) {
    const node = element(tag, className, placeName(properties));
    node.setAttribute("translate", "no");
    return node;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(href, text, className) {
    const anchor = element("a", className, text);
    anchor.href = href;
    return anchor;
  }

  window.HuairouMap = {
    readJSON: readJSON,
    isEnglish: isEnglish,
    placeName: placeName,
    placeTown: placeTown,
    addBaseLayers: addBaseLayers,
    featureLatLng: featureLatLng,
    pointLatLng: pointLatLng,
    drawPlan: drawPlan,
    spreadMarkers: spreadMarkers,
    dayColour: dayColour,
    url: url,
    markerIcon: markerIcon,
    element: element,
    nameElement: nameElement,
    link: link,
    KIND_GLYPHS: KIND_GLYPHS,
  };
})();
