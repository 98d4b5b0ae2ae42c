/* Admin map picker: click or drag to set latitude/longitude, typing moves the marker,
 * neighbours shown faintly, Huairou's extent outlined, candidates from the geocoder shown
 * for the editor to confirm. Works without tiles (closed network): points still draw. */
(function () {
  "use strict";

  function number(input) {
    const value = parseFloat(input.value);
    return Number.isFinite(value) ? value : null;
  }

  function setUp(container) {
    const config = JSON.parse(container.dataset.config);
    const lat = document.getElementById("id_latitude");
    const lng = document.getElementById("id_longitude");
    const address = document.getElementById("id_address_zh");
    const village = document.getElementById("id_village_zh");
    const town = document.getElementById("id_town_zh");
    const message = container.querySelector(".map-picker-message");
    const list = container.querySelector(".map-picker-candidates");
    const extent = config.extent;
    const map = L.map(container.querySelector(".map-picker-map"), { keyboard: true });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 18, attribution: "© OpenStreetMap" }).addTo(map);
    const box = L.rectangle([[extent.lat_min, extent.lng_min], [extent.lat_max, extent.lng_max]], { color: "#a23b2a", weight: 2, dashArray: "6 6", fill: false, interactive: false }).addTo(map);
    const candidates = L.layerGroup().addTo(map);
    let marker = null;

    function place(latlng, pan) {
      if (!marker) {
        marker = L.marker(latlng, { draggable: true, keyboard: true, title: "position", alt: "position" }).addTo(map);
        marker.on("dragend", function () { write(marker.getLatLng()); });
      } else {
        marker.setLatLng(latlng);
      }
      if (pan) map.panInside(latlng, { padding: [30, 30] });
    }

    function write(latlng) {
      lat.value = latlng.lat.toFixed(6);
      lng.value = latlng.lng.toFixed(6);
      lat.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function readInputs() {
      const a = number(lat), b = number(lng);
      if (a !== null && b !== null && Math.abs(a) <= 90 && Math.abs(b) <= 180) place([a, b], true);
    }

    map.on("click", function (event) {
      place(event.latlng, false);
      write(event.latlng);
    });
    [lat, lng].forEach(function (input) { input.addEventListener("input", readInputs); });

    // The view must exist before the first marker pans to it.
    map.fitBounds(box.getBounds());
    if (number(lat) !== null && number(lng) !== null) {
      map.setView([number(lat), number(lng)], 12);
      readInputs();
    }

    fetch(config.neighboursUrl)
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        collection.features.forEach(function (feature) {
          const p = feature.properties;
          if (!feature.geometry || (p.slug === config.slug && p.kind === config.kind)) return;
          const c = feature.geometry.coordinates;
          L.circleMarker([c[1], c[0]], { radius: 4, color: "#666", weight: 1, opacity: 0.6, fillOpacity: 0.25, interactive: true })
            .bindTooltip(document.createTextNode(p.name_zh || p.name_en)).addTo(map);  // text, never HTML
        });
      })
      .catch(function () { /* neighbours are a convenience */ });

    container.querySelector(".map-picker-find").addEventListener("click", function () {
      const query = [address && address.value, village && village.value, town && town.value].filter(Boolean).join(" ");
      list.textContent = "";
      candidates.clearLayers();
      message.textContent = "…";
      fetch(config.geocodeUrl + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (data.error) { message.textContent = data.error; return; }
          message.textContent = "";
          data.candidates.forEach(function (candidate) {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "button";
            button.textContent = "✓";
            button.setAttribute("aria-label", "Use " + candidate.label);
            const label = document.createElement("span");
            label.textContent = " " + candidate.label + " (" + candidate.lat + ", " + candidate.lng + ")" + (candidate.inside_huairou ? "" : " — outside Huairou");
            button.addEventListener("click", function () {
              place([candidate.lat, candidate.lng], true);
              write(L.latLng(candidate.lat, candidate.lng));
              candidates.clearLayers();
              list.textContent = "";
            });
            item.append(button, label);
            list.appendChild(item);
            L.circleMarker([candidate.lat, candidate.lng], { radius: 8, color: "#2b6a8f" }).bindTooltip(document.createTextNode(candidate.label)).addTo(candidates);
          });
          if (data.candidates.length) map.setView([data.candidates[0].lat, data.candidates[0].lng], 13);
        })
        .catch(function () { message.textContent = "The geocoder could not be reached."; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".map-picker").forEach(setUp);
  });
})();
