// SPARQL page: YASGUI when installed (make setup), else a plain editor with a sortable table.
// The configuration arrives as JSON in #query-config; results are written with textContent.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("query-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.origin).href;
  var status = document.getElementById("query-status");
  var errorBox = document.getElementById("query-error");
  var plain = document.getElementById("plain-editor");
  var yasgui = null;

  function localHref(iri) {
    return iri.indexOf(config.base) === 0 ? "/id/" + iri.slice(config.base.length) : iri;
  }

  // ---- the editor -------------------------------------------------------------------
  if (config.yasgui && typeof Yasgui !== "undefined") {
    yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      persistenceId: null,          // the page, not localStorage, says which query is open
      populateFromUrl: false,       // ?query= is read by the server into config.initial
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
      yasqe: { prefixCcApi: null, resizeable: true, editorHeight: "260px" },
    });
    var tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(config.initial);
    // Entity IRIs resolve in this app: make result links open our pages, not the public host.
    new MutationObserver(function () {
      document.querySelectorAll("#yasgui a[href^='" + config.base + "']").forEach(function (a) {
        a.href = localHref(a.getAttribute("href"));
        a.removeAttribute("target");
      });
    }).observe(document.getElementById("yasgui"), { childList: true, subtree: true });
    yasgui.on("queryResponse", function () { status.textContent = ""; document.body.dataset.queried = "1"; });
  } else {
    plain.hidden = false;
    plain.value = config.initial;
  }

  function currentQuery() { return yasgui ? yasgui.getTab().getQuery() : plain.value; }

  function setQuery(text) {
    if (yasgui) yasgui.getTab().setQuery(text); else plain.value = text;
  }

  function post(accept) {
    var body = new URLSearchParams();
    body.set("query", currentQuery());
    return fetch(endpoint, { method: "POST", body: body, headers: { "Accept": accept } }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(r.status + ": " + t); });
      return r;
    });
  }

  function showError(e) {
    errorBox.hidden = false;
    errorBox.textContent = String(e.message || e);
  }

  // ---- plain results table (sortable) -------------------------------------------------
  function renderTable(json) {
    var box = document.getElementById("plain-results");
    box.textContent = "";
    if (json.boolean !== undefined) { box.textContent = String(json.boolean); return; }
    var vars = json.head.vars, rows = json.results.bindings;
    var table = document.createElement("table");
    table.className = "results-table";
    var head = table.createTHead().insertRow();
    vars.forEach(function (v, i) {
      var th = document.createElement("th");
      th.textContent = v;
      th.dataset.col = i;
      th.addEventListener("click", function () { sortBy(table, i); });
      head.appendChild(th);
    });
    var tbody = table.createTBody();
    rows.forEach(function (b) {
      var tr = tbody.insertRow();
      vars.forEach(function (v) {
        var td = tr.insertCell();
        var term = b[v];
        if (!term) return;
        if (term.type === "uri") {
          var a = document.createElement("a");
          a.href = localHref(term.value);
          a.textContent = term.value;
          td.appendChild(a);
        } else {
          td.textContent = term.value;
        }
      });
    });
    box.appendChild(table);
    status.textContent = rows.length + " rows";
    document.body.dataset.queried = "1";
  }

  function sortBy(table, col) {
    var tbody = table.tBodies[0];
    var asc = table.dataset.sortCol !== String(col) || table.dataset.sortDir !== "asc";
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent, y = b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    table.dataset.sortCol = col;
    table.dataset.sortDir = asc ? "asc" : "desc";
  }

  function run() {
    errorBox.hidden = true;
    status.textContent = "…";
    if (yasgui) { yasgui.getTab().query(); return; }
    post("application/sparql-results+json").then(function (r) { return r.json(); })
      .then(renderTable).catch(function (e) { status.textContent = ""; showError(e); });
  }

  function download(accept, ext) {
    errorBox.hidden = true;
    post(accept).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "kgraph-query." + ext;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }).catch(showError);
  }

  document.getElementById("run").addEventListener("click", run);
  document.getElementById("download-csv").addEventListener("click", function () { download("text/csv", "csv"); });
  document.getElementById("download-json").addEventListener("click", function () {
    download("application/sparql-results+json", "json");
  });
  document.getElementById("share-query").addEventListener("click", function (e) {
    e.preventDefault();
    var url = window.location.origin + "/query?query=" + encodeURIComponent(currentQuery());
    history.replaceState(null, "", url);
    if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () {});
    status.textContent = url.length > 80 ? url.slice(0, 80) + "…" : url;
  });
  document.querySelectorAll("#examples a.example").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var ex = config.examples.filter(function (x) { return x.name === a.dataset.name; })[0];
      if (!ex) return;
      document.querySelectorAll("#examples a.example").forEach(function (o) { o.classList.remove("on"); });
      a.classList.add("on");
      setQuery(ex.sparql);
      history.replaceState(null, "", "/query?name=" + encodeURIComponent(ex.name));
      run();
    });
  });
})();
