/* Shared map helpers: base layers (with the GCJ-02 shift for Amap tiles), markers, names.
 * Plain ES2017, no build step. Every page's own module uses window.HuairouMap. */
(function () {
  "use strict";

  const KIND_GLYPHS = { spot: "景", homestay: "宿", cafe: "咖", village: "村", poi: "点", start: "起" };

  function readJSON(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // Day colours and URLs come from the server (planner/geo/map_config.py).
  const CONFIG = readJSON("map-config") || { day_colours: ["#a23b2a"], urls: {}, token_placeholder: "" };

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

  function markerIcon(properties, label) {
    const rating = properties.rating;
    const glyph = label || (properties.kind === "spot" && rating ? rating : KIND_GLYPHS[properties.kind] || "•");
    let className = "place-marker marker-" + properties.kind;
    if (rating) className += " marker-rating-" + rating.toLowerCase();
    if (properties.rating_confirmed === false && rating) className += " marker-unconfirmed";
    const html = document.createElement("span");
    html.textContent = glyph;
    return L.divIcon({ className: className, html: html.outerHTML, iconSize: [30, 30], iconAnchor: [15, 15], popupAnchor: [0, -14] });
  }

  /* A plan (the API's JSON) on a map: numbered stops and each day's line, start to end.
   * Redraw after a datum change; returns the layer's bounds (or null when empty). */
  function drawPlan(map, layer, plan) {
    layer.clearLayers();
    let number = 0;
    plan.days.forEach(function (day) {
      const line = [pointLatLng(map, day.start)];
      day.stops.forEach(function (stop) {
        number += 1;
        const latlng = pointLatLng(map, stop);
        line.push(latlng);
        L.marker(latlng, {
          icon: markerIcon({ kind: stop.kind }, String(number)),
          title: number + ". " + placeName(stop),
          alt: number + ". " + placeName(stop),
        }).addTo(layer);
      });
      line.push(pointLatLng(map, day.end));
      L.polyline(line, { color: dayColour(day.number), weight: 4, opacity: 0.85 }).addTo(layer);
    });
    return layer.getLayers().length ? layer.getBounds() : null;
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
    dayColour: dayColour,
    url: url,
    markerIcon: markerIcon,
    element: element,
    link: link,
    KIND_GLYPHS: KIND_GLYPHS,
  };
})();
