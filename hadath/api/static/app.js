/* hadath dashboard: small vanilla JS, no external libraries, no network beyond this server. */
"use strict";
(function () {
  const $ = (s, el) => (el || document).querySelector(s);
  const $$ = (s, el) => Array.from((el || document).querySelectorAll(s));
  const SVGNS = "http://www.w3.org/2000/svg";
  const QUAD = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"};
  const data = JSON.parse(($("#page-data") || {}).textContent || "{}");
  const params = () => new URLSearchParams(location.search);
  const FILTER_KEYS = ["actor", "role", "actor_code", "country", "cameo", "plover", "quad", "since", "until", "place",
    "bbox", "text", "min_confidence", "include_negated"];

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }
  function el(tag, attrs, parent) {
    const n = document.createElementNS(SVGNS, tag);
    for (const k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(n);
    return n;
  }
  function filterQuery(extra) {
    const p = params(), q = new URLSearchParams();
    for (const [k, v] of p) if (FILTER_KEYS.includes(k) && v !== "") q.append(k, v);
    for (const k in extra || {}) { q.delete(k); if (extra[k] != null && extra[k] !== "") q.set(k, extra[k]); }
    return q;
  }

  /* ---------- names: Arabic / English toggle (kept in localStorage and the URL's names=en) ---------- */
  function namesMode() { return params().get("names") || localStorage.getItem("hadath-names") || "ar"; }
  function applyNames(root) {
    const en = namesMode() === "en";
    $$(".nm", root).forEach(n => {
      const v = en ? n.dataset.en : n.dataset.ar;
      if (v) { n.textContent = v; n.setAttribute("dir", en ? "ltr" : "rtl"); n.setAttribute("lang", en ? "en" : "ar"); }
    });
    const b = $("#names-toggle");
    if (b) b.textContent = en ? "ع" : "EN";
    document.documentElement.dataset.names = en ? "en" : "ar";
  }
  const toggle = $("#names-toggle");
  if (toggle) toggle.addEventListener("click", () => {
    const next = namesMode() === "en" ? "ar" : "en";
    localStorage.setItem("hadath-names", next);
    const p = params(); p.set("names", next);
    history.replaceState(null, "", location.pathname + "?" + p.toString());
    applyNames(document);
  });

  /* ---------- filters form and pager: the URL holds the state ---------- */
  $$("form.filters").forEach(form => {
    const p = params();
    $$("input, select", form).forEach(i => { if (p.has(i.name)) i.value = p.getAll(i.name).join(","); });
    form.addEventListener("submit", ev => {
      ev.preventDefault();
      const q = new URLSearchParams();
      for (const [k, v] of p) if (!$$("[name]", form).some(i => i.name === k) && k !== "offset") q.append(k, v);
      $$("input, select", form).forEach(i => { if (i.value.trim()) q.set(i.name, i.value.trim()); });
      location.search = q.toString();
    });
  });
  $$(".pager a").forEach(a => a.addEventListener("click", ev => {
    ev.preventDefault();
    const p = params(); p.set("offset", a.dataset.offset); location.search = p.toString();
  }));

  /* ---------- event list (map, timeline, paste pages) ---------- */
  function actorHtml(a) {
    if (!a) return '<span class="none">—</span>';
    const key = a.id || (a.code ? "code:" + a.code : "name:" + a.name);
    return `<a class="actor" href="/actors/${encodeURIComponent(key)}"><span class="nm" data-ar="${esc(a.name)}" data-en="${esc(a.name_en || a.name)}">${esc(a.name || a.name_en)}</span>` +
      (a.code ? ` <bdi class="code" dir="ltr">[${esc(a.code)}]</bdi>` : "") + "</a>";
  }
  function placeHtml(p) {
    if (!p) return '<span class="none">—</span>';
    return `<span class="place nm" data-ar="${esc(p.name)}" data-en="${esc(p.name_en || p.name)}">${esc(p.name || p.name_en)}</span>` +
      (p.country ? ` <bdi dir="ltr">${esc(p.country)}</bdi>` : "");
  }
  function eventHtml(e, i) {
    const links = (e.row_id ? ` <a href="/events/${e.row_id}" dir="ltr">#${e.row_id}</a>` : "") +
      (e.article_id ? ` <a href="/articles/${encodeURIComponent(e.article_id)}" dir="ltr">${esc(e.article_id)}</a>` : "");
    return `<li class="event q${e.quad_class || 0}" data-index="${i}"><div class="head"><bdi class="cameo" dir="ltr">${esc(e.cameo)}</bdi> ` +
      `<bdi class="cname" dir="ltr">${esc(e.cameo_name || "")}</bdi> · ${actorHtml(e.source)} ← ${actorHtml(e.target)} · ` +
      `<bdi dir="ltr">${esc(e.date || e.article_date || "")}</bdi> · ${placeHtml(e.location)} · ` +
      `<bdi dir="ltr" class="conf">${(e.confidence || 0).toFixed(2)}</bdi>${links}</div>` +
      (e.rule ? `<div class="rule" dir="ltr">rule <code>${esc(e.rule)}</code> · trigger <bdi dir="rtl">${esc(e.trigger || "")}</bdi> · conf ${(e.confidence || 0).toFixed(2)}` +
        (e.negated ? " · negated" : "") + (e.modality ? " · " + esc(e.modality) : "") + "</div>" : "") +
      `<div class="evidence">${esc(e.evidence || "")}</div></li>`;
  }
  function showEvents(list, total) {
    const ol = $("#event-list");
    if (!ol) return;
    ol.innerHTML = list.map(eventHtml).join("");
    const c = $("#list-count");
    if (c) c.textContent = `(${list.length}${total > list.length ? " / " + total : ""})`;
    ol.dataset.total = String(total);
    applyNames(ol);
  }
  let listSeq = 0;  // only the newest request may fill the list (answers can arrive out of order)
  async function loadEvents(extra) {
    const mine = ++listSeq;
    const q = filterQuery(Object.assign({limit: 100, sort: "-date"}, extra || {}));
    const r = await fetch("/events.json?" + q.toString(), {headers: {Accept: "application/json"}});
    const j = await r.json();
    if (mine !== listSeq) return j;
    if (!r.ok) { showEvents([], 0); return j; }
    showEvents(j.events, j.total);
    document.body.dataset.listQuery = q.toString();
    return j;
  }

  /* ---------- map: offline base map (world-atlas, equirectangular) + clusters ---------- */
  const project = (lon, lat) => [2 * (lon + 180), 2 * (90 - lat)];
  async function drawMap() {
    const svg = $("#map-svg"), base = $("#map-base"), marks = $("#map-markers");
    const world = await (await fetch("/static/world.json")).json();
    for (const c of world.countries) el("path", {d: c.d, class: "country"}, base).appendChild(document.createElementNS(SVGNS, "title")).textContent = c.name || "";
    const cl = (data.clusters || []).filter(c => c.location && c.location.lat != null && c.location.lon != null);
    cl.sort((a, b) => (b.num_sources || 0) - (a.num_sources || 0));
    // zoom to where most markers are (the 5th..95th percentile of their positions)
    const xs = cl.map(c => project(c.location.lon, c.location.lat)[0]).sort((a, b) => a - b);
    const ys = cl.map(c => project(c.location.lon, c.location.lat)[1]).sort((a, b) => a - b);
    const pct = (v, q) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))];
    const minx = pct(xs, 0.05), maxx = pct(xs, 0.95), miny = pct(ys, 0.05), maxy = pct(ys, 0.95);
    for (const c of cl) {
      const [x, y] = project(c.location.lon, c.location.lat);
      const m = el("circle", {cx: x, cy: y, r: 1, "data-px": (3 + 3 * Math.sqrt(c.num_sources || 1)).toFixed(2), class: "marker q" + (c.quad_class || 0), "data-cluster": c.cluster_id,
        "data-sources": c.num_sources, "data-lat": c.location.lat, "data-lon": c.location.lon}, marks);
      el("title", {}, m).textContent = `${c.cameo} ${c.cameo_name || ""} · ${(c.source || {}).name_en || (c.source || {}).name || "—"} → ` +
        `${(c.target || {}).name_en || (c.target || {}).name || "—"} · ${c.location.name_en || c.location.name} · ${c.date || ""} · NumSources ${c.num_sources}`;
      m.addEventListener("click", () => {
        $$(".marker.selected").forEach(n => n.classList.remove("selected"));
        m.classList.add("selected");
        const d = 0.01, lo = c.location.lon, la = c.location.lat;
        loadEvents({bbox: [lo - d, la - d, lo + d, la + d].map(v => v.toFixed(4)).join(",")});
      });
    }
    let vb = [0, 0, 720, 360];
    if (cl.length) {  // zoom to the markers, with a margin
      const w = Math.max(40, (maxx - minx) * 1.6), h = Math.max(20, (maxy - miny) * 1.6);
      const W = Math.max(w, h * 2), H = W / 2;
      vb = [(minx + maxx) / 2 - W / 2, (miny + maxy) / 2 - H / 2, W, H];
    }
    const setVb = () => {  // markers keep their size on screen: radius 3 + 3 * sqrt(NumSources) pixels
      svg.setAttribute("viewBox", vb.map(v => v.toFixed(2)).join(" "));
      const px = vb[2] / (svg.getBoundingClientRect().width || 1200);
      $$("circle.marker", marks).forEach(m => m.setAttribute("r", (m.dataset.px * px).toFixed(3)));
    };
    setVb();
    svg.addEventListener("wheel", ev => {
      ev.preventDefault();
      const k = ev.deltaY > 0 ? 1.25 : 0.8, rect = svg.getBoundingClientRect();
      const fx = (ev.clientX - rect.left) / rect.width, fy = (ev.clientY - rect.top) / rect.height;
      const nw = Math.min(720, vb[2] * k), nh = nw / 2;
      vb = [vb[0] + (vb[2] - nw) * fx, vb[1] + (vb[3] - nh) * fy, nw, nh]; setVb();
    }, {passive: false});
    let drag = null;
    svg.addEventListener("mousedown", ev => { drag = [ev.clientX, ev.clientY, vb[0], vb[1]]; });
    window.addEventListener("mouseup", () => { drag = null; });
    svg.addEventListener("mousemove", ev => {
      if (!drag) return;
      const rect = svg.getBoundingClientRect();
      vb[0] = drag[2] - (ev.clientX - drag[0]) * vb[2] / rect.width;
      vb[1] = drag[3] - (ev.clientY - drag[1]) * vb[3] / rect.height; setVb();
    });
    svg.dataset.markers = String(cl.length);
    document.body.dataset.ready = "1";
  }

  /* ---------- timeline: stacked bars per bucket; brushing filters the event list ---------- */
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
  function buckets(rows, bucket) {
    const ts = Array.from(new Set(rows.map(r => r.t))).sort();
    if (bucket !== "day" || ts.length < 2) return ts;
    const a = new Date(ts[0] + "T00:00:00Z"), b = new Date(ts[ts.length - 1] + "T00:00:00Z");
    const days = Math.round((b - a) / 864e5);
    if (days > 400) return ts;
    const out = [];
    for (let i = 0; i <= days; i++) out.push(new Date(a.getTime() + i * 864e5).toISOString().slice(0, 10));
    return out;
  }
  function drawTimeline() {
    const svg = $("#timeline-svg");
    const rows = data.rows || [];
    $("#bucket").textContent = data.bucket || "";
    const series = (data.series || []).slice(0, 10), color = {};
    series.forEach((s, i) => { color[s] = PALETTE[i]; });
    const ts = buckets(rows, data.bucket), idx = {};
    ts.forEach((t, i) => { idx[t] = i; });
    const stacks = ts.map(() => ({}));
    for (const r of rows) { const k = color[r.key || "-"] ? (r.key || "-") : "other"; stacks[idx[r.t]][k] = (stacks[idx[r.t]][k] || 0) + r.n; }
    const maxN = Math.max(1, ...stacks.map(s => Object.values(s).reduce((a, b) => a + b, 0)));
    const W = svg.clientWidth || 900, H = 260, L = 36, B = 24, T = 8;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const bw = (W - L - 8) / Math.max(1, ts.length);
    el("line", {x1: L, y1: H - B, x2: W - 4, y2: H - B, class: "axis"}, svg);
    el("text", {x: 4, y: T + 10, class: "tick"}, svg).textContent = String(maxN);
    const keys = [...series, "other"];
    ts.forEach((t, i) => {
      let y = H - B;
      for (const k of keys) {
        const n = stacks[i][k] || 0;
        if (!n) continue;
        const h = (H - B - T) * n / maxN;
        const rect = el("rect", {x: L + i * bw + 0.5, y: y - h, width: Math.max(1, bw - 1), height: h, fill: color[k] || "#bbb", class: "bar", "data-t": t, "data-key": k, "data-n": n}, svg);
        el("title", {}, rect).textContent = `${t} · ${k} · ${n}`;
        y -= h;
      }
    });
    const step = Math.max(1, Math.ceil(ts.length / 8));
    ts.forEach((t, i) => { if (i % step === 0) el("text", {x: L + i * bw, y: H - 6, class: "tick"}, svg).textContent = t; });
    const leg = $("#timeline-legend");
    const tot = Object.assign({}, data.totals || {});
    tot.other = Object.keys(data.totals || {}).filter(k => !color[k]).reduce((a, k) => a + data.totals[k], 0);
    leg.innerHTML = keys.filter(k => color[k] || k === "other").map(k => `<span class="sw" style="background:${color[k] || "#bbb"}"></span>${esc(data.by === "quad" ? k + " " + (QUAD[k] || "") : k)} (${tot[k] || 0})`).join(" ");
    $$("p.by a").forEach(a => { const q = params(); q.set("by", a.dataset.by); a.href = "?" + q.toString(); });
    // brushing
    const brush = el("rect", {class: "brush", x: 0, y: T, width: 0, height: H - B - T, visibility: "hidden"}, svg);
    const toX = ev => { const r = svg.getBoundingClientRect(); return (ev.clientX - r.left) * W / r.width; };
    const toI = x => Math.min(ts.length - 1, Math.max(0, Math.floor((x - L) / bw)));
    let start = null;
    svg.addEventListener("mousedown", ev => { start = toX(ev); brush.setAttribute("visibility", "visible"); brush.setAttribute("x", start); brush.setAttribute("width", 0); });
    svg.addEventListener("mousemove", ev => {
      if (start == null) return;
      const x = toX(ev); brush.setAttribute("x", Math.min(start, x)); brush.setAttribute("width", Math.abs(x - start));
    });
    const end = ev => {
      if (start == null) return;
      const x = toX(ev), a = toI(Math.min(start, x)), b = toI(Math.max(start, x));
      const moved = Math.abs(x - start);
      start = null;
      if (!ts.length) return;
      if (moved < 3) {  // a click (or the two clicks of a double-click) is not a brush
        if (!svg.dataset.brush) brush.setAttribute("visibility", "hidden");
        return;
      }
      brush.setAttribute("x", L + a * bw); brush.setAttribute("width", (b - a + 1) * bw);
      const p = params(); p.set("since", ts[a]); p.set("until", ts[b]);
      history.replaceState(null, "", location.pathname + "?" + p.toString());
      svg.dataset.brush = ts[a] + ".." + ts[b];
      loadEvents();
    };
    svg.addEventListener("mouseup", end);
    svg.addEventListener("mouseleave", end);
    svg.addEventListener("dblclick", () => {
      brush.setAttribute("visibility", "hidden");
      const p = params(); p.delete("since"); p.delete("until");
      history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p.toString() : ""));
      delete svg.dataset.brush;
      loadEvents();
    });
    loadEvents().then(() => { document.body.dataset.ready = "1"; });
  }

  /* ---------- actor network: a small force layout ---------- */
  function drawNetwork() {
    const nodes = (data.nodes || []).map((n, i) => Object.assign({}, n, {
      x: 450 + 250 * Math.cos(2 * Math.PI * i / Math.max(1, data.nodes.length)), y: 300 + 220 * Math.sin(2 * Math.PI * i / Math.max(1, data.nodes.length)), vx: 0, vy: 0}));
    const byKey = {};
    nodes.forEach(n => { byKey[n.key] = n; });
    const edges = (data.edges || []).filter(e => byKey[e.source] && byKey[e.target]);
    const maxW = Math.max(1, ...edges.map(e => e.weight));
    for (let it = 0; it < 300; it++) {
      const alpha = 1 - it / 300;
      for (const a of nodes) for (const b of nodes) {
        if (a === b) continue;
        const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(25, dx * dx + dy * dy);
        a.vx += 600 * dx / d2 * alpha; a.vy += 600 * dy / d2 * alpha;
      }
      for (const e of edges) {
        const a = byKey[e.source], b = byKey[e.target];
        const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, f = (d - 90) * 0.03 * alpha;
        a.vx += f * dx / d; a.vy += f * dy / d; b.vx -= f * dx / d; b.vy -= f * dy / d;
      }
      for (const n of nodes) {
        n.vx += (450 - n.x) * 0.02; n.vy += (300 - n.y) * 0.02;
        n.x = Math.min(860, Math.max(40, n.x + n.vx)); n.y = Math.min(570, Math.max(30, n.y + n.vy)); n.vx *= 0.6; n.vy *= 0.6;
      }
    }
    const ge = $("#net-edges"), gn = $("#net-nodes");
    const maxD = Math.max(1, ...nodes.map(n => n.events));
    const rad = n => 5 + 12 * Math.sqrt(n.events / maxD);
    for (const e of edges) {
      const a = byKey[e.source], b = byKey[e.target];
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, rb = rad(b) + 2;
      const line = el("line", {x1: a.x, y1: a.y, x2: b.x - dx / d * rb, y2: b.y - dy / d * rb, class: "edge " + (e.kind === "conflict" ? "conf" : "coop"),
        "stroke-width": (1 + 5 * e.weight / maxW).toFixed(2), "marker-end": "url(#arrow)"}, ge);
      el("title", {}, line).textContent = `${a.name_en || a.name} → ${b.name_en || b.name}: ${e.weight} events (quad ${JSON.stringify(e.quad)})`;
    }
    for (const n of nodes) {
      const g = el("g", {class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`}, gn);
      const a = el("a", {href: "/actors/" + encodeURIComponent(n.key)}, g);
      el("circle", {r: rad(n).toFixed(1)}, a);
      const t = el("text", {y: -rad(n) - 3, "text-anchor": "middle", class: "nm", "data-ar": n.name || n.name_en || n.key, "data-en": n.name_en || n.name || n.key}, a);
      t.textContent = n.name || n.name_en || n.key;
    }
    applyNames($("#network-svg"));
    document.body.dataset.ready = "1";
  }

  /* ---------- article view and paste: text with highlighted spans ---------- */
  function renderArticle(text, ann, events) {
    const spans = [];
    for (const a of ann.actors || []) spans.push([a.start, a.end, "actor", `${a.name_en || a.name || ""}${a.code ? " [" + a.code + "]" : ""}`]);
    for (const p of ann.places || []) spans.push([p.start, p.end, "place", `${p.name_en || p.name || ""}${p.country ? " (" + p.country + ")" : ""}`]);
    for (const e of ann.events || []) {
      if (e.evidence) spans.push([e.evidence[0], e.evidence[1], "evidence ev-" + e.index, ""]);
      if (e.trigger) spans.push([e.trigger[0], e.trigger[1], "trigger tr-" + e.index, (events[e.index] || {}).cameo + " " + ((events[e.index] || {}).rule || "")]);
    }
    const cuts = new Set([0, text.length]);
    for (const s of spans) if (s[0] >= 0 && s[1] <= text.length && s[0] < s[1]) { cuts.add(s[0]); cuts.add(s[1]); }
    const pts = Array.from(cuts).sort((a, b) => a - b);
    let html = "";
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1], on = spans.filter(s => s[0] <= a && s[1] >= b && s[0] < s[1]);
      const seg = esc(text.slice(a, b));
      if (!on.length) { html += seg; continue; }
      const cls = Array.from(new Set(on.map(s => s[2]).join(" ").split(" "))).join(" ");
      const title = on.map(s => s[3]).filter(Boolean).join(" · ");
      html += `<span class="hl ${cls}"${title ? ` title="${esc(title)}"` : ""}>${seg}</span>`;
    }
    const art = $("#article-text");
    art.innerHTML = html;
    const ol = $("#coded-events");
    ol.innerHTML = events.map(eventHtml).join("");
    $$("li.event", ol).forEach(li => {
      const i = li.dataset.index;
      const on = () => { $$(".hl.active").forEach(n => n.classList.remove("active")); $$(".ev-" + i + ", .tr-" + i, art).forEach(n => n.classList.add("active")); };
      li.addEventListener("mouseenter", on);
      li.addEventListener("click", () => { on(); const f = $(".ev-" + i, art); if (f) f.scrollIntoView({block: "center"}); });
    });
    const c = $("#list-count");
    if (c) c.textContent = `(${events.length})`;
    applyNames(document);
  }
  function setupPaste() {
    const form = $("#paste-form"), status = $("#paste-status");
    form.addEventListener("submit", async ev => {
      ev.preventDefault();
      const text = $("#paste-text").value;
      const body = {id: "pasted", text: text, date: $("#paste-date").value || null, title: $("#paste-title").value || null};
      status.textContent = "…";
      const r = await fetch("/code?annotate=true", {method: "POST", headers: {"Content-Type": "application/json", Accept: "application/json"}, body: JSON.stringify(body)});
      const j = await r.json();
      if (!r.ok) { status.textContent = (j.error || {}).message || "error"; status.className = "error"; return; }
      status.className = "";
      status.textContent = `${j.events.length} event(s)`;
      renderArticle(text, j.annotations, j.events);
      document.body.dataset.ready = "1";
    });
  }

  const pageName = document.body.dataset.page;
  applyNames(document);
  if (pageName === "map") { drawMap(); loadEvents(); }
  else if (pageName === "timeline") drawTimeline();
  else if (pageName === "network") drawNetwork();
  else if (pageName === "article") { renderArticle(data.text, data.annotations || {}, data.events || []); document.body.dataset.ready = "1"; }
  else if (pageName === "paste") setupPaste();
  else document.body.dataset.ready = "1";
})();
