// Autocomplete for every search box with a data-suggest attribute.
// Results are inserted with textContent only: labels come from documents.
(function () {
  "use strict";

  function setup(input) {
    var list = document.getElementById(input.id + "-list");
    if (!list) return;
    var timer = null, active = -1, lastQuery = "", controller = null;

    function items() { return Array.prototype.slice.call(list.querySelectorAll("li")); }

    function hide() { list.hidden = true; active = -1; input.setAttribute("aria-expanded", "false"); }

    function highlight(i) {
      var all = items();
      all.forEach(function (li, j) { li.classList.toggle("active", i === j); li.setAttribute("aria-selected", i === j); });
      active = i;
    }

    function render(data) {
      list.textContent = "";
      (data.results || []).forEach(function (r) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        var a = document.createElement("a");
        a.href = input.dataset.graph ? "/graph?iri=" + encodeURIComponent(r.iri) : r.url;
        a.textContent = r.label;
        var kind = document.createElement("small");
        kind.textContent = " " + r.kind_name;
        a.appendChild(kind);
        if (r.matched && r.matched !== r.label) {
          var m = document.createElement("div");
          m.className = "matched";
          m.textContent = r.matched;
          a.appendChild(m);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      if (data.total > (data.results || []).length) {
        var more = document.createElement("li");
        more.className = "more";
        var a = document.createElement("a");
        a.href = "/search?q=" + encodeURIComponent(input.value);
        a.textContent = "… " + data.total;
        more.appendChild(a);
        list.appendChild(more);
      }
      list.hidden = list.children.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      active = -1;
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      if (q.length < 2) { hide(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      var url = input.dataset.suggest + "?limit=8&q=" + encodeURIComponent(q) +
        (input.dataset.lang ? "&lang=" + encodeURIComponent(input.dataset.lang) : "");
      fetch(url, { signal: controller.signal, headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(render)
        .catch(function () {});
    }

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (e) {
      var all = items();
      if (e.key === "ArrowDown" && all.length) { e.preventDefault(); highlight((active + 1) % all.length); }
      else if (e.key === "ArrowUp" && all.length) { e.preventDefault(); highlight((active - 1 + all.length) % all.length); }
      else if (e.key === "Enter" && active >= 0 && all[active]) { e.preventDefault(); window.location = all[active].querySelector("a").href; }
      else if (e.key === "Escape") { hide(); }
    });
    input.addEventListener("blur", function () { setTimeout(hide, 200); });
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
