// Graph view: vis-network fed from the JSON in #graph-data (never from inline script text).
(function () {
  "use strict";
  var el = document.getElementById("graph");
  var dataEl = document.getElementById("graph-data");
  if (!el || !dataEl || typeof vis === "undefined") return;
  var data = JSON.parse(dataEl.textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(el, { nodes: nodes, edges: edges }, data.options);
  window.kgraphNetwork = network;  // for the browser tests and the console

  function settled() {
    // a view that stops moving: physics off once stabilised
    network.setOptions({ physics: { enabled: false } });
    el.dataset.ready = "1";
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", settled);
  } else {
    network.once("afterDrawing", settled);
  }

  network.on("click", function (params) {
    if (params.nodes.length === 1) {
      var node = nodes.get(params.nodes[0]);
      if (node && node.url) window.location.href = node.url;
    }
  });
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
