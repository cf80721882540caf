// Graph view: vis-network over the server's layout (positions fixed, physics off), fed from the
// JSON in #graph-data (never from inline script text). A click shows the node in the side panel
// and expands it: the next view comes from /graph.json with the same URL state, the URL follows
// (history), and nodes already drawn keep their places.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  var dataEl = document.getElementById("graph-data");
  if (!el || !dataEl || typeof vis === "undefined") return;
  var data = JSON.parse(dataEl.textContent);
  var state = JSON.parse(document.getElementById("graph-state").textContent);
  var words = JSON.parse(document.getElementById("graph-i18n").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges.map(withId));
  var network = new vis.Network(el, { nodes: nodes, edges: edges }, data.options);
  window.kgraphNetwork = network;  // for the browser tests and the console
  var MIN_SCALE = 0.8;  // labels stay readable: never start further out than this

  function withId(e) { e.id = e.id || (e.from + " " + e.to + " " + (e.title || "")); return e; }

  function home(focus) {
    network.fit({ animation: false });
    if (network.getScale() < MIN_SCALE) {
      var at = network.getPositions([focus || data.center])[focus || data.center] || { x: 0, y: 0 };
      network.moveTo({ position: at, scale: MIN_SCALE, animation: false });
    }
  }

  network.once("afterDrawing", function () {
    home(state.selected);
    if (state.selected && nodes.get(state.selected)) { network.selectNodes([state.selected]); show(state.selected); }
    el.dataset.ready = "1";
  });

  function text(id, value) { var x = document.getElementById(id); if (x) x.textContent = value; }

  function show(id) {
    var n = nodes.get(id);
    if (!n) return;
    document.getElementById("panel-hint").hidden = true;
    document.getElementById("panel-body").hidden = false;
    text("panel-title", n.full);
    text("panel-kind", n.kind_name);
    var gone = document.getElementById("panel-gone");
    gone.hidden = !n.gone;
    gone.textContent = n.gone ? words.gone.replace("%(date)s", n.gone) : "";
    document.getElementById("panel-page").href = n.url || "#";
    document.getElementById("panel-center").href = n.center_url;
    var expand = document.getElementById("panel-expand");
    expand.hidden = n.expanded || !n.neighbours_total;
    expand.href = n.expand_url;
    var more = document.getElementById("panel-more");
    more.hidden = !(n.expanded && n.neighbours_total && n.more_url);
    if (n.more_url) more.href = n.more_url;
    var list = document.getElementById("panel-hidden-list");
    list.textContent = "";
    Object.keys(n.neighbours || {}).forEach(function (k) {
      var li = document.createElement("li");
      li.textContent = k + ": " + n.neighbours[k];
      list.appendChild(li);
    });
    document.getElementById("panel-hidden").hidden = !n.neighbours_total;
    var rel = document.getElementById("panel-edges");
    rel.textContent = "";
    edges.get().filter(function (e) { return e.from === id || e.to === id; }).forEach(function (e) {
      var other = nodes.get(e.from === id ? e.to : e.from);
      if (!other) return;
      var li = document.createElement("li");
      li.appendChild(document.createTextNode((e.from === id ? "→ " : "← ") + (e.title || "") + ": "));
      var a = document.createElement("a");
      a.href = "#";
      a.textContent = other.full;
      a.addEventListener("click", function (ev) { ev.preventDefault(); network.selectNodes([other.id]); network.focus(other.id, { animation: true }); show(other.id); });
      li.appendChild(a);
      rel.appendChild(li);
    });
  }

  function jsonUrl(url) { return url.replace("/graph?", "/graph.json?"); }

  function load(url, push) {
    el.dataset.ready = "0";
    return fetch(jsonUrl(url), { headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (page) {
        var next = page.data;
        var keep = {};
        next.nodes.forEach(function (n) { keep[n.id] = true; });
        nodes.remove(nodes.getIds().filter(function (id) { return !keep[id]; }));
        nodes.update(next.nodes);
        edges.clear();
        edges.add(next.edges.map(withId));
        data = next;
        text("graph-count", words.count.replace("%(n)s", page.shown).replace("%(m)s", page.reached));
        text("node-count", String(page.node_list.length));
        var share = document.getElementById("share");
        if (share) share.href = url;
        if (push) window.history.pushState({ url: url }, "", url);
        var sel = page.selected;
        if (sel && nodes.get(sel)) { network.selectNodes([sel]); show(sel); }
        el.dataset.ready = "1";
      })
      .catch(function () { window.location.href = url; });  // no JSON: the page itself
  }

  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var n = nodes.get(params.nodes[0]);
    show(n.id);
    if (!n.expanded && n.neighbours_total) load(n.expand_url, true);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length !== 1) return;
    var n = nodes.get(params.nodes[0]);
    if (n && n.url) window.location.href = n.url;
  });
  ["panel-expand", "panel-more"].forEach(function (id) {
    document.getElementById(id).addEventListener("click", function (ev) {
      ev.preventDefault();
      load(ev.currentTarget.getAttribute("href"), true);
    });
  });
  window.addEventListener("popstate", function () { load(window.location.pathname + window.location.search, false); });
  network.on("hoverNode", function () { el.style.cursor = "pointer"; });
  network.on("blurNode", function () { el.style.cursor = "default"; });

  var png = document.getElementById("export-png");
  if (png) {
    png.addEventListener("click", function (e) {
      e.preventDefault();
      var canvas = el.querySelector("canvas");
      if (!canvas) return;
      var a = document.createElement("a");
      a.href = canvas.toDataURL("image/png");
      a.download = "kgraph-graph.png";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }
})();
