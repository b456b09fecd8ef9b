// The dashboard: filters drive the map, the timeline and the table together; an event opens a panel with
// its sources and the evidence highlighted in the document text. Every server string is inserted as text.
import { clear, el, fmt, safeLink } from "./dom.js";
import { EVENT_TYPES, radiusFor, typeColor } from "./colors.js";
import { EventMap, fatal } from "./map.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 500;
const FILTERS = ["q", "since", "until", "country", "type", "actor", "min_fatalities"];
const $ = (id) => document.getElementById(id);

const state = { filters: {}, events: [], next: null, total: 0, totalExact: true, stats: null, selected: null, ticket: 0 };
let map;

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? `${path}: HTTP ${response.status}`);
  return body;
}

function query(extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...state.filters, ...extra })) {
    if (value !== "" && value !== null && value !== undefined) params.set(key, value);
  }
  return params.toString();
}

function showStatus(message, isError = false, sticky = false) {
  const node = $("status");
  node.textContent = message;
  node.classList.toggle("error", isError);
  node.hidden = !message;
  if (message && !isError && !sticky) setTimeout(() => (node.hidden = true), 2500);
}

function readForm() {
  const data = new FormData($("filters"));
  const filters = {};
  for (const key of FILTERS) {
    const value = String(data.get(key) ?? "").trim();
    if (value) filters[key] = value;
  }
  return filters;
}

function writeForm(filters) {
  const form = $("filters");
  for (const key of FILTERS) {
    const input = form.elements.namedItem(key);
    if (!input) continue;
    if (input.tagName === "SELECT" && filters[key] && ![...input.options].some((o) => o.value === filters[key])) {
      input.append(el("option", { value: filters[key], text: filters[key] }));
    }
    input.value = filters[key] ?? "";
  }
}

function syncHash() {
  const params = new URLSearchParams(query());
  if (state.selected) params.set("event", state.selected);
  const hash = params.toString();
  history.replaceState(null, "", hash ? `#${hash}` : location.pathname);
}

function describeFilters() {
  const parts = Object.entries(state.filters).map(([k, v]) => `${k.replace("_", " ")}: ${v}`);
  $("active-filters").textContent = parts.length ? `Active — ${parts.join(" · ")}` : "No filters: showing everything.";
}

async function refresh() {
  describeFilters();
  syncHash();
  for (const format of ["csv", "geojson", "parquet"]) {
    $(`export-${format}`).href = `/api/export?${query({ format })}`;
  }
  const ticket = ++state.ticket;
  const slow = setTimeout(() => showStatus("Loading events…", false, true), 300);
  try {
    const [page, stats] = await Promise.all([
      api(`/api/events?${query({ limit: PAGE })}`),
      api(`/api/stats?${query()}`),
    ]);
    if (ticket !== state.ticket) return; // a newer filter was applied meanwhile
    state.events = page.items;
    state.next = page.next;
    state.total = page.total;
    state.totalExact = page.total_exact !== false; // false: more match than the count went up to
    state.stats = stats;
    renderAll(true);
    showStatus("");
  } catch (error) {
    if (ticket === state.ticket) showStatus(error.message, true);
  } finally {
    clearTimeout(slow);
  }
}

function totalText() {
  return fmt.format(state.total) + (state.totalExact ? "" : "+");
}

function renderAll(refit) {
  const stats = state.stats;
  $("count-events").textContent = fmt.format(stats.events);
  $("count-fatalities").textContent = fmt.format(stats.fatalities);
  $("count-countries").textContent = fmt.format(stats.by_country.filter((c) => c.country).length);
  renderLegend(stats);
  const plotted = map.setEvents(state.events);
  if (refit) map.fit();
  else map.render();
  $("map-empty").hidden = plotted > 0;
  const unplaced = state.events.length - plotted;
  $("map-note").textContent =
    (state.total > state.events.length ? `${fmt.format(state.events.length)} newest of ${totalText()} shown` : "") +
    (unplaced > 0 ? `${state.total > state.events.length ? " · " : ""}${unplaced} without coordinates` : "");
  const unit = drawTimeline($("timeline"), stats.by_day, pickRange, [state.filters.since, state.filters.until]);
  $("timeline-empty").hidden = unit !== null;
  $("timeline").style.display = unit !== null ? "" : "none";
  $("timeline-note").textContent = unit
    ? `events (bars) and fatalities (line) per ${unit} — click a bar to see those dates`
    : "";
  renderTable();
}

function renderLegend(stats) {
  const counts = new Map(stats.by_type.map((t) => [t.event_type, t.events]));
  const list = clear($("legend-types"));
  for (const type of EVENT_TYPES) {
    list.append(
      el("li", {}, el("span", { class: "swatch", style: { background: typeColor(type) } }), type,
        el("span", { class: "count", text: fmt.format(counts.get(type) ?? 0) })),
    );
  }
  const sizes = clear($("legend-sizes"));
  const svgNS = "http://www.w3.org/2000/svg";
  const graphic = document.createElementNS(svgNS, "svg");
  graphic.setAttribute("width", "230");
  graphic.setAttribute("aria-label", "Marker sizes: 0, 10, 50 and 200 killed");
  graphic.setAttribute("height", "64");
  let x = 6;
  for (const n of [0, 10, 50, 200]) {
    const r = radiusFor(n);
    const circle = document.createElementNS(svgNS, "circle");
    circle.setAttribute("cx", String(x + r));
    circle.setAttribute("cy", "30");
    circle.setAttribute("r", String(r));
    circle.setAttribute("fill", "#cbd5e1");
    circle.setAttribute("stroke", "#64748b");
    const label = document.createElementNS(svgNS, "text");
    label.setAttribute("x", String(x + r));
    label.setAttribute("y", "62");
    label.setAttribute("text-anchor", "middle");
    label.setAttribute("font-size", "11");
    label.setAttribute("fill", "#6b7385");
    label.textContent = String(n);
    graphic.append(circle, label);
    x += 2 * r + 16;
  }
  sizes.append(graphic);
}

function where(event) {
  return [event.location, event.admin1, event.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ");
}

function renderTable() {
  const body = clear($("events-table").querySelector("tbody"));
  for (const event of state.events) {
    const row = el(
      "tr",
      { "data-id": event.event_id, class: event.event_id === state.selected ? "selected" : null },
      el("td", {}, event.event_date ?? el("span", { class: "subtle", text: event.date_text ?? "undated" })),
      el("td", {}, el("div", { class: "type-cell" },
        el("span", { class: "swatch", style: { background: typeColor(event.event_type) } }),
        el("div", {}, event.sub_event_type, el("span", { class: "subtle", text: event.event_type })))),
      el("td", {}, event.actor1 ?? "—", event.actor2 ? el("span", { class: "subtle", text: `vs ${event.actor2}` }) : null),
      el("td", {}, where(event) || "—"),
      el("td", { class: "num", text: fmt.format(fatal(event)) }),
    );
    row.addEventListener("click", () => select(event.event_id));
    body.append(row);
  }
  $("table-empty").hidden = state.events.length > 0;
  $("table-note").textContent = state.total
    ? `${fmt.format(state.events.length)} of ${totalText()} · newest first`
    : "";
  $("load-more").hidden = !state.next;
}

async function loadMore() {
  if (!state.next) return;
  try {
    const page = await api(`/api/events?${query({ limit: PAGE, cursor: state.next })}`);
    state.events = state.events.concat(page.items);
    state.next = page.next;
    renderAll(false);
  } catch (error) {
    showStatus(error.message, true);
  }
}

function pickRange(first, last) {
  if (state.filters.since === first && state.filters.until === last) {
    delete state.filters.since;
    delete state.filters.until;
  } else {
    state.filters.since = first;
    state.filters.until = last;
  }
  writeForm(state.filters);
  refresh();
}

/** The document text as nodes, with each evidence span wrapped in a <mark> (built as text, never HTML). */
export function highlighted(text, evidence) {
  const spans = evidence.filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end && e.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const fields = [...new Set(covering.map((s) => s.field))];
    const isField = fields.some((f) => f !== "sentence");
    fragment.append(el("mark", {
      class: isField ? "ev-field" : "ev-sentence",
      title: fields.join(", "),
      "data-start": a,
      text: piece,
    }));
  }
  return fragment;
}

function quantity(q) {
  if (!q) return null;
  const range = q.high === q.low ? "" : ` (${q.low}–${q.high ?? "?"})`;
  return `${fmt.format(q.best)}${range}${q.text ? ` — “${q.text}”` : ""}`;
}

function fact(list, label, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", { text: label }), el("dd", {}, value));
}

async function select(eventId) {
  state.selected = eventId;
  map.highlight(eventId);
  for (const row of $("events-table").querySelectorAll("tbody tr")) {
    row.classList.toggle("selected", row.getAttribute("data-id") === eventId);
  }
  syncHash();
  let detail;
  try {
    detail = await api(`/api/events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    showStatus(error.message, true);
    return;
  }
  renderPanel(detail);
}

function renderPanel(detail) {
  const event = detail.event;
  $("panel-title").textContent = event.sub_event_type || event.event_type;
  const body = clear($("panel-body"));
  body.append(el("div", {}, el("span", { class: "pill", style: { background: typeColor(event.event_type) }, text: event.event_type })));
  if (event.notes) body.append(el("p", { class: "notes", text: event.notes }));

  const facts = el("dl", { class: "facts" });
  let when = event.event_date ?? event.date_text ?? "undated";
  if (event.date_start && event.date_end && event.date_start !== event.date_end) when += ` (${event.date_start} – ${event.date_end})`;
  fact(facts, "Date", when);
  fact(facts, "Where", where(event));
  if (event.latitude !== null) fact(facts, "Coordinates", `${event.latitude.toFixed(4)}, ${event.longitude.toFixed(4)}`);
  fact(facts, "Actor 1", [event.actor1, ...event.assoc_actor_1].filter(Boolean).join("; "));
  fact(facts, "Actor 2", [event.actor2, ...event.assoc_actor_2].filter(Boolean).join("; "));
  fact(facts, "Fatalities", quantity(event.fatalities));
  fact(facts, "Injuries", quantity(event.injuries));
  fact(facts, "Civilians targeted", event.civilian_targeting ? "yes" : null);
  fact(facts, "Confidence", event.confidence.toFixed(2));
  fact(facts, "Event id", event.event_id);
  body.append(facts);

  const evidenceList = el("ul", { class: "evidence-list" });
  for (const item of detail.evidence) {
    const li = el("li", {}, el("span", { class: "field", text: item.field }), item.text);
    li.addEventListener("click", () => {
      const mark = body.querySelector(`mark[data-start="${Number(item.start)}"]`) ??
        [...body.querySelectorAll("mark")].find((m) => Number(m.getAttribute("data-start")) >= item.start);
      if (mark) {
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
        mark.classList.add("flash");
        setTimeout(() => mark.classList.remove("flash"), 1200);
      }
    });
    evidenceList.append(li);
  }
  body.append(el("h2", { text: `Evidence (${detail.evidence.length})` }), detail.evidence.length ? evidenceList : el("p", { class: "empty", text: "No evidence recorded." }));

  body.append(el("h2", { text: `Sources (${detail.sources.length})` }));
  if (!detail.sources.length) body.append(el("p", { class: "empty", text: "The source document is not in the store." }));
  const ordered = [...detail.sources].sort((a, b) => (b.id === event.doc_id) - (a.id === event.doc_id));
  for (const source of ordered) {
    const own = source.id === event.doc_id;
    const meta = el("div", { class: "meta" },
      [source.published ? `published ${source.published}` : "no publication date",
        source.origin ? ` · ${source.origin}` : ""].join(""));
    if (source.url) meta.append(el("br"), safeLink(source.url));
    const text = el("p", { class: "doc-text" });
    text.append(own ? highlighted(source.text, detail.evidence) : document.createTextNode(source.text));
    body.append(el("article", { class: "source" }, el("h3", { text: source.title || source.id }), meta, text));
  }
  $("panel").hidden = false;
  const firstField = body.querySelector("mark.ev-sentence, mark.ev-field");
  if (firstField) firstField.scrollIntoView({ block: "center" });
  body.scrollTop = 0;
}

function closePanel() {
  $("panel").hidden = true;
  state.selected = null;
  map.highlight(null);
  for (const row of $("events-table").querySelectorAll("tbody tr.selected")) row.classList.remove("selected");
  syncHash();
}

async function fillOptions() {
  const stats = await api("/api/stats");
  const country = $("filters").elements.namedItem("country");
  for (const c of stats.by_country.filter((c) => c.country)) {
    country.append(el("option", { value: c.country, text: `${c.country} (${fmt.format(c.events)})` }));
  }
  const type = $("filters").elements.namedItem("type");
  for (const t of EVENT_TYPES) type.append(el("option", { value: t, text: t }));
}

async function main() {
  map = new EventMap($("map"), $("tooltip"), select);
  const params = new URLSearchParams(location.hash.slice(1));
  state.filters = Object.fromEntries(FILTERS.filter((k) => params.get(k)).map((k) => [k, params.get(k)]));
  try {
    await Promise.all([map.loadWorld("/static/vendor/countries-50m.json"), fillOptions()]);
  } catch (error) {
    showStatus(error.message, true);
  }
  writeForm(state.filters);
  $("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.filters = readForm();
    refresh();
  });
  for (const name of ["country", "type", "since", "until"]) {
    $("filters").elements.namedItem(name).addEventListener("change", () => {
      state.filters = readForm();
      refresh();
    });
  }
  $("reset").addEventListener("click", () => {
    state.filters = {};
    writeForm({});
    refresh();
  });
  $("load-more").addEventListener("click", loadMore);
  $("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (ev) => ev.key === "Escape" && closePanel());
  $("zoom-in").addEventListener("click", () => map.zoom(1.5));
  $("zoom-out").addEventListener("click", () => map.zoom(1 / 1.5));
  $("zoom-fit").addEventListener("click", () => map.fit());
  let resizeTimer;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => state.stats && renderAll(false), 150);
  });
  await refresh();
  if (params.get("event")) select(params.get("event"));
  document.body.setAttribute("data-ready", "true");
}

main();
