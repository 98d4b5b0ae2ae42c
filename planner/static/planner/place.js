/* A place page's small map: one marker, redrawn on GCJ-02 tiles when Amap is chosen. */
(function () {
  "use strict";
  const HM = window.HuairouMap;
  window.huairouPlaceMap = function (map) {
    const feature = HM.readJSON("place-point");
    HM.addBaseLayers(map, HM.readJSON("base-layers"));
    const marker = L.marker(HM.featureLatLng(map, feature), {
      icon: HM.markerIcon(feature.properties),
      title: HM.placeName(feature.properties),
      alt: HM.placeName(feature.properties),
    }).addTo(map);
    map.setView(marker.getLatLng(), 13);
    map.on("huairou:datum", function () { marker.setLatLng(HM.featureLatLng(map, feature)); });
  };
})();
