/* A saved itinerary's map: each day's line in its own colour and numbered stops. */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  const DAY_COLOURS = ["#a23b2a", "#2b6a8f", "#2f6b4f"];

  window.huairouItineraryMap = function (map) {
    HM.addBaseLayers(map, HM.readJSON("base-layers"));
    const plan = HM.readJSON("itinerary-plan");
    const drawn = L.featureGroup().addTo(map);

    function draw() {
    drawn.clearLayers();
    let number = 0;
    plan.days.forEach(function (day) {
      const line = [HM.pointLatLng(map, day.start)];
      day.stops.forEach(function (stop) {
        number += 1;
        line.push(HM.pointLatLng(map, stop));
        L.marker(HM.pointLatLng(map, stop), {
          icon: HM.markerIcon({ kind: stop.kind }, String(number)),
          title: number + ". " + HM.placeName(stop),
          alt: number + ". " + HM.placeName(stop),
        }).addTo(drawn);
      });
      line.push(HM.pointLatLng(map, day.end));
      L.polyline(line, { color: DAY_COLOURS[(day.number - 1) % DAY_COLOURS.length], weight: 4 }).addTo(drawn);
    });
    }

    draw();
    if (drawn.getLayers().length) map.fitBounds(drawn.getBounds(), { padding: [24, 24], maxZoom: 13, animate: false });
    map.on("huairou:datum", draw);
  };
})();
