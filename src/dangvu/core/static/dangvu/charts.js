// dangvu's charts: each figure.chart holds its data as JSON (core/_chart.html, from
// core.charts.Chart.drawing) and the table of the same numbers; this draws the JSON with
// the vendored Apache ECharts (vendor/echarts), adds the PNG download and shows the table
// on demand. Without JavaScript the tables are the page.
"use strict";

(() => {
  if (typeof echarts === "undefined") return;
  const COLORS = ["#0a4d8c", "#9b1111", "#d9a521", "#2e7d3e", "#6b6b6b", "#b35c1e", "#5b3f8c", "#2a8c8c"];
  const TONES = { ok: "#2e7d3e", late: "#c77c02", wait: "#0a4d8c", bad: "#9b1111", idle: "#a3a3a3" };
  const FONT = '"Be Vietnam Pro", "Segoe UI", "Noto Sans", Arial, sans-serif';
  const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  const show = (v, percent) => {
    if (v === null || v === undefined) return "—";
    if (!percent) return number.format(v);
    return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(v * 100) + "%";
  };
  const charts = [];

  // a legend that wraps (no scrolling arrows): about how many lines it takes at `width`
  const legendLines = (names, width) => {
    let lines = 1, used = 0;
    for (const name of names) {
      const w = 34 + 7 * name.length;
      if (used + w > width - 16 && used > 0) { lines += 1; used = 0; }
      used += w;
    }
    return lines;
  };

  function options(d, width, height) {
    const narrow = width < 560;
    const names = d.kind === "pie" ? d.categories : d.series.map((s) => s.name);
    const legendShown = d.series.length > 1 || d.kind === "pie";
    const legendHeight = legendShown ? 22 * legendLines(names, width) + 6 : 0;
    const base = {
      color: COLORS,
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 12, color: "#1c1c1e" },
      aria: { enabled: false }, // the table after the chart is what screen readers read
      tooltip: {
        trigger: d.kind === "pie" ? "item" : "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v) => show(v, false),
      },
      legend: legendShown
        ? { bottom: 0, left: "center", type: "plain", itemGap: 14, textStyle: { fontFamily: FONT } }
        : undefined,
    };
    if (d.kind === "pie") {
      const s = d.series[0];
      return {
        ...base,
        series: [{
          type: "pie",
          name: s.name,
          radius: ["34%", "62%"],
          center: ["50%", Math.round((height - legendHeight) / 2)],
          label: { formatter: (p) => `${p.name}: ${show(p.value)} (${show(p.percent / 100, true)})` },
          data: d.categories.map((name, i) => ({
            name,
            value: s.values[i],
            itemStyle: d.tones[i] ? { color: TONES[d.tones[i]] } : undefined,
          })),
        }],
      };
    }
    const across = d.kind === "hbar";
    const category = {
      type: "category",
      data: d.ticks,
      inverse: across,
      axisLabel: across
        ? { width: Math.round(Math.min(260, width * 0.4)), overflow: "truncate", fontFamily: FONT }
        : {
          interval: narrow && d.ticks.length > 7 ? "auto" : 0,
          rotate: d.ticks.length * Math.max(...d.ticks.map((t) => t.length)) * 7 > width - 80 ? 35 : 0,
          fontFamily: FONT,
        },
    };
    const value = {
      type: "value",
      minInterval: 1,
      // members over time: the changes show, yet the axis spans at least a twentieth of
      // the count (one member less in a commune of 49 is no cliff)
      min: d.kind === "line"
        ? (e) => Math.max(0, Math.floor(e.min - Math.max(e.max - e.min, e.max / 20)))
        : null,
      axisLabel: { formatter: (v) => show(v), fontFamily: FONT },
      max: d.target ? ((e) => Math.ceil(Math.max(e.max, d.target) * 1.1)) : null,
    };
    const series = d.series.map((s, i) => ({
      type: s.kind === "line" ? "line" : "bar",
      name: s.name,
      stack: s.stack || undefined,
      data: s.values,
      barMaxWidth: 38,
      itemStyle: s.tone ? { color: TONES[s.tone] } : undefined,
      lineStyle: s.tone ? { color: TONES[s.tone] } : undefined,
      symbolSize: 6,
      connectNulls: false,
      label: !s.stack && s.kind !== "line" && d.categories.length <= 16
        ? { show: true, position: across ? "right" : "top", formatter: (p) => show(p.value) } : undefined,
      markLine: d.target && i === d.series.length - 1 ? {
        symbol: "none",
        lineStyle: { color: "#9b1111", type: "dashed", width: 2 },
        label: { formatter: d.targetLabel, position: "insideEndTop", color: "#9b1111" },
        data: [{ yAxis: d.target }],
      } : undefined,
    }));
    return {
      ...base,
      grid: { left: 8, right: 32, top: 28, bottom: legendHeight + 8, containLabel: true },
      xAxis: across ? value : category,
      yAxis: across ? category : value,
      series,
    };
  }

  function draw(holder) {
    const source = document.getElementById(holder.dataset.chart);
    if (!source) return;
    const d = JSON.parse(source.textContent);
    holder.style.height = (Number(holder.dataset.height) || 320) + "px"; // not inline: the CSP
    const chart = echarts.init(holder, null, { renderer: "canvas", locale: "EN" });
    chart.setOption(options(d, holder.clientWidth, holder.clientHeight));
    if (d.links && d.links.length) {
      chart.on("click", (p) => {
        const link = d.links[p.dataIndex];
        if (link) window.location.href = link;
      });
    }
    charts.push(chart);
    const figure = holder.closest("figure");
    const png = figure.querySelector("[data-chart-png]");
    if (png) {
      png.hidden = false;
      png.addEventListener("click", () => {
        const a = document.createElement("a");
        a.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
        a.download = (png.dataset.name || "bieu-do") + ".png";
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    }
    const toggle = figure.querySelector("[data-chart-table]");
    if (toggle) {
      const table = document.getElementById(toggle.dataset.chartTable);
      table.classList.add("folded");
      toggle.hidden = false;
      toggle.addEventListener("click", () => {
        const open = table.classList.toggle("folded") === false;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Ẩn bảng số liệu" : "Xem bảng số liệu";
      });
    }
  }

  const start = () => document.querySelectorAll(".chart-canvas[data-chart]").forEach(draw);
  // the canvas draws text once: wait for the vendored font
  (document.fonts ? document.fonts.ready : Promise.resolve()).then(start);
  let pending = 0;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(() => charts.forEach((c) => c.resize()), 150);
  });
  window.addEventListener("beforeprint", () => charts.forEach((c) => c.resize()));
})();
