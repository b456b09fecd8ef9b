// Events per day as bars, fatalities per day as a line on its own scale, drawn as SVG.
import { clear, svg, fmt } from "./dom.js";

const DAY = 86400000;

function parseDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function niceMax(value) {
  if (value <= 5) return Math.max(1, value);
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/** The first day of the bin holding ``ms`` ("day", "week" from Monday, "month", "year"). */
function binStart(ms, unit) {
  const d = new Date(ms);
  if (unit === "day") return ms;
  if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

function nextBin(ms, unit) {
  const d = new Date(ms);
  if (unit === "day") return ms + DAY;
  if (unit === "week") return ms + 7 * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

function chooseUnit(spanDays) {
  if (spanDays <= 120) return "day";
  if (spanDays <= 2 * 365) return "week";
  if (spanDays <= 20 * 365) return "month";
  return "year";
}

function label(ms, unit) {
  const iso = isoDay(ms);
  if (unit === "month") return iso.slice(0, 7);
  if (unit === "year") return iso.slice(0, 4);
  return iso;
}

/** Draw ``days`` ([{date, events, fatalities}]) into ``node`` in bins of a day, week, month or year (whichever
 * keeps the bars readable); ``onPick(first, last)`` gets the dates of a clicked bar. Returns the unit. */
export function drawTimeline(node, days, onPick, active) {
  clear(node);
  const dated = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date));
  if (!dated.length) return null;
  const box = node.getBoundingClientRect();
  const width = Math.max(box.width, 300);
  const height = Math.max(box.height, 120);
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const margin = { top: 12, right: 48, bottom: 26, left: 40 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;

  const stamps = dated.map((d) => parseDay(d.date));
  const unit = chooseUnit((Math.max(...stamps) - Math.min(...stamps)) / DAY);
  const bins = new Map();
  for (const d of dated) {
    const key = binStart(parseDay(d.date), unit);
    const bin = bins.get(key) ?? { events: 0, fatalities: 0 };
    bin.events += d.events;
    bin.fatalities += d.fatalities;
    bins.set(key, bin);
  }
  const starts = [];
  for (let ms = Math.min(...bins.keys()); ms <= Math.max(...bins.keys()); ms = nextBin(ms, unit)) starts.push(ms);
  const count = starts.length;
  const slot = innerW / count;
  const values = [...bins.values()];
  const maxEvents = niceMax(Math.max(...values.map((b) => b.events)));
  const maxFatal = niceMax(Math.max(1, ...values.map((b) => b.fatalities)));
  const yEvents = (v) => margin.top + innerH - (v / maxEvents) * innerH;
  const yFatal = (v) => margin.top + innerH - (v / maxFatal) * innerH;

  const axis = svg("g", { class: "axis" });
  axis.append(
    svg("line", { x1: margin.left, x2: width - margin.right, y1: margin.top + innerH, y2: margin.top + innerH }),
    svg("text", { x: margin.left - 6, y: yEvents(maxEvents) + 4, "text-anchor": "end", text: fmt.format(maxEvents) }),
    svg("text", { x: margin.left - 6, y: margin.top + innerH + 4, "text-anchor": "end", text: "0" }),
    svg("text", {
      x: width - margin.right + 6, y: yFatal(maxFatal) + 4, fill: "#dc2626", text: `${fmt.format(maxFatal)} †`,
    }),
  );
  const ticks = Math.min(count, Math.max(2, Math.floor(innerW / 95)));
  for (let i = 0; i < ticks; i++) {
    const index = ticks === 1 ? 0 : Math.round((i * (count - 1)) / (ticks - 1));
    const x = margin.left + slot * (index + 0.5);
    axis.append(svg("text", { x, y: height - 6, "text-anchor": "middle", text: label(starts[index], unit) }));
  }
  node.append(axis);

  const bars = svg("g");
  const points = [];
  starts.forEach((ms, i) => {
    const bin = bins.get(ms);
    const x = margin.left + slot * i;
    points.push([x + slot / 2, yFatal(bin ? bin.fatalities : 0)]);
    if (!bin) return;
    const first = isoDay(ms);
    const last = isoDay(nextBin(ms, unit) - DAY);
    const barW = Math.max(1, Math.min(slot * 0.78, 48));
    const y = yEvents(bin.events);
    const title = `${unit === "day" ? first : `${first} – ${last}`}: ${fmt.format(bin.events)} events, ${fmt.format(bin.fatalities)} fatalities`;
    const rect = svg(
      "rect",
      {
        class: "bar" + (active && active[0] === first && active[1] === last ? " active" : ""),
        x: x + (slot - barW) / 2, y, width: barW, height: Math.max(1, margin.top + innerH - y), rx: Math.min(3, barW / 3),
        "data-first": first, "data-last": last,
      },
      svg("title", { text: title }),
    );
    rect.addEventListener("click", () => onPick(first, last));
    bars.append(rect);
  });
  node.append(bars);
  if (points.length > 1) {
    node.append(svg("polyline", { class: "fatal-line", points: points.map((p) => p.join(",")).join(" ") }));
  } else {
    node.append(svg("circle", { class: "fatal-dot", cx: points[0][0], cy: points[0][1], r: 3.5 }));
  }
  return unit;
}
