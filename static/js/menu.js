// The main menu on phones: folded behind its "Menu" button (aria-expanded), so that the page's own content
// starts on the first screen; unfolded on wider screens. Without JavaScript the whole list shows.
(function () {
  "use strict";
  var nav = document.querySelector(".main-menu");
  if (!nav) return;
  var button = nav.querySelector(".main-menu__toggle");
  var list = document.getElementById(button.getAttribute("aria-controls"));
  var phone = window.matchMedia("(max-width: 47.99rem)");

  function show(expanded) {
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    list.hidden = !expanded;
  }
  function fit() {
    button.hidden = !phone.matches;
    show(!phone.matches);
  }
  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  phone.addEventListener("change", fit);
  fit();
})();
