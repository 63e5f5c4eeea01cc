/* Draws the dashboard's charts from the JSON the page embeds (#chart-data).
   The same numbers are in the tables under each chart, so nothing is lost
   without JavaScript. */
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  // High-contrast palette (each colour at least 3:1 against white).
  var colours = ["#1f5fa8", "#c0392b", "#1e7b4a", "#8e44ad", "#b35900", "#2c3e50"];
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // Numbers grouped as in Kazakhstan in both languages: "12 000" (browsers lack kk-KZ data).
  var locale = "ru-RU";
  Chart.defaults.font.size = 13;
  Chart.defaults.color = "#222";
  window.dashboardCharts = {};

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = data[canvas.dataset.chart];
    if (!spec) { return; }
    var datasets = spec.datasets.map(function (set, i) {
      var colour = colours[i % colours.length];
      return Object.assign({
        backgroundColor: set.type === "line" || spec.type === "line" ? colour : colour + "cc",
        borderColor: colour,
        borderWidth: 2,
        spanGaps: true
      }, set);
    });
    var scales = { y: { beginAtZero: true, ticks: { precision: 0 } } };
    if (spec.datasets.some(function (set) { return set.yAxisID === "y1"; })) {
      scales.y1 = { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } };
    }
    if (spec.indexAxis === "y") {
      // Every catalogue database named, even on a phone.
      scales = { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } };
    }
    // Each value axis says its unit ("экз.", "%"): a bare number is easy to misread.
    Object.keys(spec.axes || {}).forEach(function (axis) {
      scales[axis].title = { display: true, text: spec.axes[axis] };
    });
    if (spec.suffix) {
      scales.y.ticks.callback = function (value) {
        return value.toLocaleString(locale) + spec.suffix;
      };
    }
    window.dashboardCharts[canvas.dataset.chart] = new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.indexAxis || "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        locale: locale,
        plugins: { legend: { position: "bottom" } },
        scales: scales
      }
    });
  });

  // Charts redraw at the paper's size when printed: the print media query
  // applies after "beforeprint", so listen to it too (Chart.js's own advice).
  function resizeAll() {
    Object.values(window.dashboardCharts).forEach(function (chart) { chart.resize(); });
  }
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) { print.addEventListener("change", resizeAll); }
  }
})();
