/* The route sheet's print button (kept out of the HTML: no inline scripts). */
(function () {
  "use strict";
  const button = document.getElementById("print-button");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
