// One colour per ACLED event type, used by the map, the legend and the table.

export const TYPE_COLORS = {
  "Battles": "#d1495b",
  "Explosions/Remote violence": "#f08a24",
  "Violence against civilians": "#7b3fa0",
  "Protests": "#1b9aaa",
  "Riots": "#e4b819",
  "Strategic developments": "#3d5a80",
};

export const EVENT_TYPES = Object.keys(TYPE_COLORS);

export function typeColor(type) {
  return TYPE_COLORS[type] ?? "#6b7280";
}

/** Marker radius in screen pixels for a fatality count. */
export function radiusFor(fatalities) {
  const n = Math.max(0, Number(fatalities) || 0);
  return Math.min(26, 4.5 + 2.6 * Math.sqrt(n));
}
