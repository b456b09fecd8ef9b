// A small API reference built from /api/openapi.json, with "try it" for the GET operations.
import { clear, el } from "./dom.js";

function ref(schema) {
  return schema?.$ref ? schema.$ref.split("/").pop() : null;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.$ref) return ref(schema);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  return schema.format ? `${schema.type} (${schema.format})` : schema.type ?? "";
}

function operation(path, method, op) {
  const inputs = new Map();
  const rows = (op.parameters ?? []).map((p) => {
    const input = p.schema?.enum
      ? el("select", {}, el("option", { value: "", text: "" }), ...p.schema.enum.map((v) => el("option", { value: v, text: v })))
      : el("input", { placeholder: p.schema?.default !== undefined ? String(p.schema.default) : "" });
    inputs.set(p.name, [p.in, input]);
    return el("tr", {},
      el("td", {}, el("code", { text: p.name }), p.required ? " *" : ""),
      el("td", { text: p.in }),
      el("td", { text: typeOf(p.schema) }),
      el("td", { text: p.description ?? p.schema?.description ?? "" }),
      method === "get" ? el("td", {}, input) : null);
  });
  const card = el("section", { class: "card" },
    el("div", { class: "op-head" },
      el("span", { class: `method ${method}`, text: method.toUpperCase() }),
      el("span", { class: "op-path", text: path }),
      el("span", { class: "op-summary", text: op.summary ?? "" })));
  if (rows.length) {
    card.append(el("table", { class: "params" },
      el("thead", {}, el("tr", {}, el("th", { text: "name" }), el("th", { text: "in" }), el("th", { text: "type" }),
        el("th", { text: "description" }), method === "get" ? el("th", { text: "try" }) : null)),
      el("tbody", {}, rows)));
  }
  const body = op.requestBody?.content?.["application/json"]?.schema;
  if (body) card.append(el("p", { class: "responses" }, "JSON body: ", el("code", { text: typeOf(body) })));
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => {
    const schema = r.content?.["application/json"]?.schema;
    return `${code} ${r.description ?? ""}${schema ? ` → ${typeOf(schema)}` : ""}`;
  });
  card.append(el("div", { class: "responses" }, ...responses.map((line) => el("div", { text: line }))));
  if (method === "get") {
    const url = el("span", { class: "url" });
    const out = el("pre", { class: "result", hidden: true });
    const button = el("button", { type: "button", class: "primary", text: "Try it" });
    button.addEventListener("click", async () => {
      let target = path;
      const params = new URLSearchParams();
      for (const [name, [where, input]] of inputs) {
        if (!input.value) continue;
        if (where === "path") target = target.replace(`{${name}}`, encodeURIComponent(input.value));
        else params.set(name, input.value);
      }
      const full = params.toString() ? `${target}?${params}` : target;
      url.textContent = full;
      const response = await fetch(full);
      const type = response.headers.get("content-type") ?? "";
      let text = await response.text();
      if (type.includes("json")) text = JSON.stringify(JSON.parse(text), null, 2);
      out.textContent = `HTTP ${response.status}\n${text.slice(0, 20000)}`;
      out.hidden = false;
    });
    card.append(el("div", { class: "try" }, button, url), out);
  }
  return card;
}

async function main() {
  const spec = await (await fetch("/api/openapi.json")).json();
  document.getElementById("summary").textContent = `${spec.info.title} ${spec.info.version} — ${spec.info.summary ?? ""}`;
  const ops = clear(document.getElementById("operations"));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.append(operation(path, method, op));
  }
  const schemas = clear(document.getElementById("schemas"));
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    schemas.append(el("details", {}, el("summary", { text: name }), el("pre", { class: "schema", text: JSON.stringify(schema, null, 2) })));
  }
}

main();
