/* A seasonal route's map: numbered stops and a line per day, each day in its own colour. */
(function () {
  "use strict";
  const HM = window.HuairouMap;

  window.huairouRouteMap = function (map) {
    HM.addBaseLayers(map, HM.readJSON("base-layers"));
    const text = HM.readJSON("map-text");
    const url = document.getElementById("route-data").dataset.routeGeojson;
    const drawn = L.featureGroup().addTo(map);

    /* Lines are drawn from the stops (so they follow the datum switch); each day starts
     * where the previous one ended. */
    function drawLines(points) {
      const byDay = {};
      let previous = null;
      points.forEach(function (feature) {
        const day = feature.properties.day;
        const latlng = HM.featureLatLng(map, feature);
        if (!byDay[day]) byDay[day] = previous ? [previous] : [];
        byDay[day].push(latlng);
        previous = latlng;
      });
      Object.keys(byDay).forEach(function (day) {
        if (byDay[day].length < 2) return;
        L.polyline(byDay[day], { color: HM.dayColour(Number(day)), weight: 4, opacity: 0.8 }).addTo(drawn);
      });
    }

    function drawStop(feature) {
      const p = feature.properties;
      L.marker(HM.featureLatLng(map, feature), {
        icon: HM.markerIcon(p, String(p.position)),
        title: p.position + ". " + HM.placeName(p),
        alt: p.position + ". " + HM.placeName(p),
      }).bindPopup(function () {
        const box = HM.element("div", "popup");
        box.appendChild(HM.element("strong", "popup-title", p.position + ". " + HM.placeName(p)));
        box.appendChild(HM.link(p.url, text.details));
        return box;
      }).addTo(drawn);
    }

    function draw(collection) {
      drawn.clearLayers();
      const points = collection.features.filter(function (f) {
        return f.geometry && f.geometry.type === "Point";
      });
      drawLines(points);
      points.forEach(drawStop);
      if (drawn.getLayers().length) map.fitBounds(drawn.getBounds(), { padding: [30, 30], maxZoom: 13 });
    }

    fetch(url).then(function (response) { return response.json(); }).then(function (collection) {
      draw(collection);
      map.on("huairou:datum", function () { draw(collection); });
    });
  };
})();
