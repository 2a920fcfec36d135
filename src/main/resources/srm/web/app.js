// srm serve's page: calls the /v1 API of the server it came from and draws the answers.
// Everything from the server is put in the page as text (textContent), never as markup.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("data-") || k === "title" || k === "scope") e.setAttribute(k, String(v));
    else e[k] = v;
  }
  for (const c of children) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function css(party) {
  return String(party || "unknown").toLowerCase().replace(/_/g, "-");
}

function showError(text) {
  const e = $("error");
  e.textContent = text;
  e.hidden = !text;
}

function hideResults() {
  for (const id of ["matrix-area", "findings-area", "controls-area", "compare-area"]) $(id).hidden = true;
}

async function call(method, path, body, contentType) {
  const headers = {};
  const token = sessionStorage.getItem("srm-token") || $("token").value;
  if (token) headers["Authorization"] = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = contentType || "application/json";
  const res = await fetch(path, { method, headers, body });
  const text = await res.text();
  let data = null;
  try { data = JSON.parse(text); } catch (e) { data = null; }
  if (!res.ok) {
    if (res.status === 401) $("token-row").hidden = false;
    const detail = data && data.detail ? data.detail : ("HTTP " + res.status + " " + text.split("\n")[0]);
    throw new Error(detail);
  }
  return data;
}

// ------------------------------------------------------------------ the matrix

function drawMatrix(title, layers, rows) {
  $("matrix-title").textContent = title;
  const table = $("matrix");
  table.replaceChildren();
  const head = el("tr", {}, el("th", { class: "rowhead" }, "service"), el("th", {}, "model"));
  for (const l of layers) head.append(el("th", { class: "layer", "data-layer": l }, l));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", { "data-subject": r.subject });
    tr.append(el("th", { class: "rowhead" }, r.label), el("td", {}, r.serviceModel || "-"));
    for (const l of layers) {
      const c = r.cells.find((x) => x.layer === l);
      const party = c ? c.party : "NONE";
      const td = el("td", { class: "cell p-" + css(party), "data-layer": l, "data-party": party,
        title: c ? (c.reason || "") + (c.rule ? " [" + c.rule + "]" : "") : "" }, party === "NONE" ? "-" : party === "AWS" ? "AWS" : party.toLowerCase());
      const duties = c && c.duties ? c.duties : [];
      if (party === "SHARED" && duties.length) {
        const ul = el("ul", { class: "duties" });
        for (const d of duties) ul.append(el("li", { "data-duty": d.id, title: d.reason || "" }, d.id + ": " + d.party.toLowerCase()));
        td.append(ul);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  $("matrix-area").hidden = false;
}

function label(row) {
  let s = row.service || row.subject;
  if (row.variant) s += " " + row.variant;
  return s;
}

async function showMatrix() {
  showError("");
  hideResults();
  const picked = Array.from($("service-select").selectedOptions).map((o) => o.value);
  const every = $("service-variants").checked;
  const services = picked.map((s) => (every ? s + ":*" : s));
  const config = $("config").value.split("\n").map((l) => l.trim()).filter((l) => l);
  try {
    const m = await call("POST", "v1/matrix", JSON.stringify({ services, config }));
    drawMatrix("Responsibility matrix", m.layers, m.rows.map((r) => Object.assign({ label: label(r) }, r)));
    drawControls(m.rows);
  } catch (e) {
    showError(e.message);
  }
}

function drawControls(rows) {
  const table = $("controls");
  table.replaceChildren(el("thead", {}, el("tr", {}, el("th", {}, "service"), el("th", {}, "control"), el("th", {}, "layer"),
    el("th", {}, "severity"), el("th", {}, "Security Hub"))));
  const body = el("tbody");
  for (const r of rows) {
    for (const c of r.controls || []) {
      body.append(el("tr", { "data-control": c.id }, el("td", {}, label(r)), el("td", {}, c.title + " ", el("span", { class: "mono" }, c.id)),
        el("td", {}, c.layer || "-"), el("td", {}, (c.severity || "-").toLowerCase()), el("td", { class: "mono" }, (c.securityHub || []).join(", "))));
    }
  }
  table.append(body);
  $("controls-area").hidden = body.children.length === 0;
}

// ------------------------------------------------------------------ a scenario

function syntaxOf(text) {
  const t = text.trim();
  return t.startsWith("{") || t.startsWith("[") ? "application/json" : "application/yaml";
}

async function evaluate() {
  showError("");
  hideResults();
  const text = $("scenario").value;
  try {
    const r = await call("POST", "v1/evaluate?name=pasted." + (syntaxOf(text) === "application/json" ? "json" : "yaml"), text, syntaxOf(text));
    const evaluations = r.evaluations || [r];
    const rows = [];
    const findings = [];
    for (const e of evaluations) {
      for (const res of e.resources) {
        rows.push({ subject: res.id, label: res.id + " (" + (res.service || "unknown") + (res.variant ? " " + res.variant : "") + ")",
          serviceModel: res.serviceModel, cells: res.layers.map((l) => ({ layer: l.layer, party: l.party, reason: l.reason, rule: l.rule, duties: l.duties || [] })) });
      }
      findings.push(...e.findings);
    }
    const layers = rows.length ? rows[0].cells.map((c) => c.layer) : [];
    drawMatrix("Who secures each layer of each resource", layers, rows);
    drawFindings(findings);
  } catch (e) {
    showError(e.message);
  }
}

function drawFindings(findings) {
  const ul = $("findings");
  ul.replaceChildren();
  if (!findings.length) ul.append(el("li", {}, "No findings."));
  for (const f of findings) {
    const sev = String(f.severity).toLowerCase();
    const li = el("li", { "data-rule": f.rule, "data-owner": f.owner, "data-resource": f.resource },
      el("span", { class: "badge sev-" + sev }, sev), " ", el("span", { class: "owner" }, f.owner), " must act: ", f.title,
      " on ", el("span", { class: "mono" }, f.resource), " (" + f.layer + ")");
    if (f.remediation) li.append(el("div", { class: "fix" }, "Fix: " + f.remediation));
    ul.append(li);
  }
  $("findings-area").hidden = false;
}

// ------------------------------------------------------------------ compare

async function compare() {
  showError("");
  hideResults();
  try {
    const c = await call("POST", "v1/compare", JSON.stringify({ from: $("compare-from").value, to: $("compare-to").value }));
    $("compare-title").textContent = label(c.from) + " → " + label(c.to);
    const table = $("moves");
    table.replaceChildren(el("thead", {}, el("tr", {}, el("th", {}, "layer / duty"), el("th", {}, "from"), el("th", {}, "to"),
      el("th", {}, "direction"), el("th", {}, "why"))));
    const body = el("tbody");
    for (const m of c.moves) {
      const dir = m.direction === "TO_AWS" ? "to AWS" : m.direction === "TO_CUSTOMER" ? "to the customer" : "other";
      body.append(el("tr", { "data-layer": m.layer, "data-direction": m.direction }, el("td", {}, m.duty ? m.layer + " / " + m.duty : m.layer),
        el("td", { class: "p-" + css(m.from) }, m.from), el("td", { class: "p-" + css(m.to) }, m.to),
        el("td", { class: m.direction === "TO_AWS" ? "to-aws" : "to-customer" }, dir), el("td", {}, m.reason || "")));
    }
    if (!c.moves.length) body.append(el("tr", {}, el("td", { colSpan: 5 }, "Nothing moves: every layer stays with the same party.")));
    table.append(body);
    const box = $("compare-controls");
    box.replaceChildren(
      el("p", {}, "New customer controls: " + (c.newControls.map((x) => x.id).join(", ") || "none")),
      el("p", {}, "Controls that disappear: " + (c.goneControls.map((x) => x.id).join(", ") || "none")),
      el("p", {}, "Integrations gained: " + (c.integrationsGained.join(", ") || "none") + "; lost: " + (c.integrationsLost.join(", ") || "none")));
    $("compare-area").hidden = false;
  } catch (e) {
    showError(e.message);
  }
}

// ------------------------------------------------------------------ start

function selectTab(name) {
  for (const t of document.querySelectorAll(".tab")) t.setAttribute("aria-selected", String(t.dataset.tab === name));
  for (const p of document.querySelectorAll(".panel")) p.hidden = p.id !== "tab-" + name;
}

async function loadServices() {
  try {
    const s = await call("GET", "v1/services");
    for (const id of ["service-select", "compare-from", "compare-to"]) {
      const select = $(id);
      select.replaceChildren(...s.services.map((n) => el("option", { value: n }, n)));
    }
    $("compare-from").value = s.services.includes("EC2") ? "EC2" : s.services[0];
    $("compare-to").value = s.services.includes("Lambda") ? "Lambda" : s.services[s.services.length - 1];
    document.body.dataset.ready = "true";
  } catch (e) {
    showError(e.message);
    document.body.dataset.ready = "error";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const t of document.querySelectorAll(".tab")) t.addEventListener("click", () => selectTab(t.dataset.tab));
  $("show-matrix").addEventListener("click", showMatrix);
  $("evaluate").addEventListener("click", evaluate);
  $("compare").addEventListener("click", compare);
  $("token").addEventListener("change", () => { sessionStorage.setItem("srm-token", $("token").value); loadServices(); });
  loadServices();
});
