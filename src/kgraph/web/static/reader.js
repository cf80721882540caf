// The act reader: on a narrow screen one language at a time (a toggle); wide screens show the
// languages side by side whatever is chosen. The choice is kept for the next page.
(function () {
  "use strict";
  var reader = document.querySelector(".reader[data-langs]");
  if (!reader) return;
  var langs = reader.dataset.langs.split(" ");
  var KEY = "kgraph-reader-lang";
  function show(which) {
    reader.dataset.show = which;
    reader.querySelectorAll(".langtoggle button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.show === which));
    });
    try { window.localStorage.setItem(KEY, which); } catch (e) { /* private mode */ }
  }
  var saved = null;
  try { saved = window.localStorage.getItem(KEY); } catch (e) { /* private mode */ }
  var first = document.documentElement.lang;
  show(saved && (saved === "all" || langs.indexOf(saved) >= 0) ? saved : (langs.indexOf(first) >= 0 ? first : langs[0]));
  reader.querySelectorAll(".langtoggle button").forEach(function (b) {
    b.addEventListener("click", function () { show(b.dataset.show); });
  });
})();
