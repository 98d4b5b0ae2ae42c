/* A saved itinerary's map: each day's line in its own colour and numbered stops. */
(function () {
  "use strict";
  const HM = window.HuairouMap;

  // "Edit" shows only in the browser that saved this itinerary (it holds the edit key).
  const editLink = document.getElementById("edit-own");
  if (editLink && editLink.hidden) {
    try {
      const keys = JSON.parse(window.localStorage.getItem("huairou-edit-keys") || "{}") || {};
      if (keys[editLink.dataset.token]) editLink.hidden = false;
    } catch (e) { /* no storage: the server-side cookie decides */ }
  }

  window.huairouItineraryMap = function (map) {
    HM.addBaseLayers(map, HM.readJSON("base-layers"));
    const plan = HM.readJSON("itinerary-plan");
    const drawn = L.featureGroup().addTo(map);
    const bounds = HM.drawPlan(map, drawn, plan);
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
    map.on("huairou:datum", function () { HM.drawPlan(map, drawn, plan); });
  };
})();
