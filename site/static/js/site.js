// Small enhancements of the page's frame. Everything works without them.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 64rem)");
  var filtersWide = window.matchMedia("(min-width: 60rem)");

  // The header's menu and the filter panels are <details>: on a wide screen
  // their content is laid out open by the style sheet; a browser that cannot
  // do that gets them opened here.
  function openWhenWide(selector, query) {
    var items = document.querySelectorAll(selector);
    function apply() {
      for (var i = 0; i < items.length; i++) {
        if (query.matches) items[i].open = true;
      }
    }
    apply();
    if (query.addEventListener) query.addEventListener("change", apply);
  }
  openWhenWide("[data-site-menu]", wide);
  openWhenWide("[data-filters]", filtersWide);

  // Escape closes the phone menu and puts focus back on its button.
  var menu = document.querySelector("[data-site-menu]");
  if (menu) {
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  // A page that asks a question after a button (are you sure?) puts the
  // question where keyboard and screen reader users are.
  var question = document.querySelector("[data-autofocus]");
  if (question) question.focus();
})();
