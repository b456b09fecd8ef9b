// The event map: country outlines decoded from a TopoJSON file shipped with the package, and one circle
// per event (sized by fatalities, coloured by type). Plain equirectangular projection: x = lon, y = -lat.
import { clear, el, svg } from "./dom.js";
import { radiusFor, typeColor } from "./colors.js";

/** Decode a TopoJSON topology's object into [{id, name, rings: [[[lon, lat], ...], ...]}]. */
export function decodeTopology(topology, objectName) {
  const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
  const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indexes) => {
    const points = [];
    for (const index of indexes) {
      const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  const features = [];
  for (const geometry of topology.objects[objectName].geometries) {
    let polygons = [];
    if (geometry.type === "Polygon") polygons = [geometry.arcs];
    else if (geometry.type === "MultiPolygon") polygons = geometry.arcs;
    const rings = polygons.flatMap((polygon) => polygon.map(ring));
    features.push({ id: geometry.id, name: geometry.properties?.name ?? "", rings });
  }
  return features;
}

function pathData(rings) {
  let d = "";
  for (const points of rings) {
    if (points.length < 2) continue;
    d += "M" + points.map(([lon, lat]) => `${lon.toFixed(3)},${(-lat).toFixed(3)}`).join("L") + "Z";
  }
  return d;
}

export class EventMap {
  constructor(svgNode, tooltip, onSelect) {
    this.svg = svgNode;
    this.tooltip = tooltip;
    this.onSelect = onSelect;
    this.view = { cx: 0, cy: -20, k: 1 };
    this.events = [];
    this.selected = null;
    this.countries = svg("g", { class: "countries" });
    this.markers = svg("g", { class: "markers" });
    this.svg.append(this.countries, this.markers);
    this.bindPanZoom();
    new ResizeObserver(() => this.render()).observe(this.svg);
  }

  async loadWorld(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the world map could not be loaded (${response.status})`);
    const features = decodeTopology(await response.json(), "countries");
    for (const feature of features) {
      this.countries.append(
        svg("path", { class: "country", d: pathData(feature.rings) }, svg("title", { text: feature.name })),
      );
    }
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return { w: Math.max(box.width, 1), h: Math.max(box.height, 1) };
  }

  setEvents(events) {
    this.events = events.filter((e) => e.latitude !== null && e.longitude !== null);
    clear(this.markers);
    const ordered = [...this.events].sort((a, b) => fatal(b) - fatal(a));
    for (const event of ordered) {
      const circle = svg("circle", {
        class: "marker",
        cx: event.longitude,
        cy: -event.latitude,
        fill: typeColor(event.event_type),
        "data-id": event.event_id,
        "data-r": radiusFor(fatal(event)),
        tabindex: 0,
        role: "button",
        "aria-label": `${event.event_type} ${event.event_date ?? ""} ${event.location ?? event.country ?? ""}`,
      });
      circle.addEventListener("click", (ev) => {
        ev.stopPropagation();
        this.onSelect(event.event_id);
      });
      circle.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") this.onSelect(event.event_id);
      });
      circle.addEventListener("pointerenter", (ev) => this.showTip(ev, event));
      circle.addEventListener("pointermove", (ev) => this.moveTip(ev));
      circle.addEventListener("pointerleave", () => (this.tooltip.hidden = true));
      this.markers.append(circle);
    }
    this.highlight(this.selected);
    return this.events.length;
  }

  highlight(eventId) {
    this.selected = eventId;
    for (const node of this.markers.querySelectorAll(".marker")) {
      node.classList.toggle("selected", node.getAttribute("data-id") === eventId);
    }
  }

  showTip(ev, event) {
    const killed = fatal(event);
    clear(this.tooltip).append(
      el("strong", { text: event.sub_event_type || event.event_type }),
      el("div", { text: [event.location, event.admin1, event.country].filter(Boolean).join(", ") }),
      el("div", { text: `${event.event_date ?? "undated"} · ${killed} killed` }),
    );
    this.tooltip.hidden = false;
    this.moveTip(ev);
  }

  moveTip(ev) {
    const box = this.svg.getBoundingClientRect();
    this.tooltip.style.left = `${ev.clientX - box.left + 14}px`;
    this.tooltip.style.top = `${ev.clientY - box.top + 10}px`;
  }

  fit() {
    const { w, h } = this.size();
    if (!this.events.length) {
      this.view = { cx: 10, cy: -20, k: w / 360 };
      return this.render();
    }
    const lons = this.events.map((e) => e.longitude);
    const lats = this.events.map((e) => -e.latitude);
    let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const spanX = Math.max(x1 - x0, 12);
    const spanY = Math.max(y1 - y0, 8);
    const k = Math.min(w / (spanX * 1.3), h / (spanY * 1.4), 60);
    this.view = { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, k: Math.max(k, w / 400) };
    this.render();
  }

  zoom(factor, px, py) {
    const { w, h } = this.size();
    const k = Math.min(Math.max(this.view.k * factor, w / 420), 400);
    if (px !== undefined) {
      // Keep the point under the cursor where it is.
      const gx = this.view.cx + (px - w / 2) / this.view.k;
      const gy = this.view.cy + (py - h / 2) / this.view.k;
      this.view.cx = gx - (px - w / 2) / k;
      this.view.cy = gy - (py - h / 2) / k;
    }
    this.view.k = k;
    this.render();
  }

  render() {
    const { w, h } = this.size();
    const { cx, cy, k } = this.view;
    this.svg.setAttribute("viewBox", `${cx - w / 2 / k} ${cy - h / 2 / k} ${w / k} ${h / k}`);
    for (const node of this.markers.children) {
      node.setAttribute("r", String(Number(node.getAttribute("data-r")) / k));
    }
  }

  bindPanZoom() {
    let drag = null;
    this.svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.classList?.contains("marker")) return;
      drag = { x: ev.clientX, y: ev.clientY, cx: this.view.cx, cy: this.view.cy };
      this.svg.setPointerCapture(ev.pointerId);
      this.svg.classList.add("dragging");
    });
    this.svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      this.view.cx = drag.cx - (ev.clientX - drag.x) / this.view.k;
      this.view.cy = drag.cy - (ev.clientY - drag.y) / this.view.k;
      this.render();
    });
    const end = () => {
      drag = null;
      this.svg.classList.remove("dragging");
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener(
      "wheel",
      (ev) => {
        ev.preventDefault();
        const box = this.svg.getBoundingClientRect();
        this.zoom(ev.deltaY < 0 ? 1.25 : 0.8, ev.clientX - box.left, ev.clientY - box.top);
      },
      { passive: false },
    );
  }
}

export function fatal(event) {
  return event.fatalities ? event.fatalities.best : 0;
}
