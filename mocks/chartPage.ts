/**
 * The demo EHR's chart page: the patient's banner, problem list and medicines, and beside them the CDS Hooks
 * cards the service returned for `patient-view`; below them an order composer (mocks/orderComposer.ts) whose
 * `order-select` / `order-sign` cards show under it. A card's `smart` link launches the app for this patient
 * (the EHR adds iss and launch, as EHRs do). Card text is rendered with a tiny markdown subset (bold, list
 * items, paragraphs) after HTML escaping: nothing in a card can add markup. No scripts, no external assets.
 */
import type { Condition, MedicationRequest, Patient, Resource } from "fhir/r4";
import type { DemoPatient } from "./data/demoPatient";
import { launchUrl } from "./homePage";
import { encodeLaunch } from "./launchContext";
import { composerHtml, type ComposerState } from "./orderComposer";
import { escapeHtml } from "./responses";

export type ChartCds = { state: "off" } | { state: "error"; message: string } | { state: "ok"; cards: unknown[] };

export interface ChartInput {
  patient: DemoPatient;
  resources: readonly Resource[];
  fhirBase: string;
  appLaunchUrl: string;
  cds: ChartCds;
  now: Date;
  /** The order composer: what was chosen or signed, and the ordering service's answer (off until a medicine is chosen). */
  order?: { state: ComposerState; cds: ChartCds };
}

interface CardView {
  summary: string;
  indicator: string;
  detail: string;
  source?: { label?: string; url?: string };
  links: { label: string; url: string; type: string }[];
}

function asCard(value: unknown): CardView | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const c = value as Record<string, unknown>;
  if (typeof c.summary !== "string") return undefined;
  const links = Array.isArray(c.links)
    ? c.links.filter((l): l is CardView["links"][number] => typeof l === "object" && l !== null && typeof (l as { url?: unknown }).url === "string")
    : [];
  return {
    summary: c.summary,
    indicator: typeof c.indicator === "string" ? c.indicator : "info",
    detail: typeof c.detail === "string" ? c.detail : "",
    ...(typeof c.source === "object" && c.source !== null ? { source: c.source as CardView["source"] } : {}),
    links,
  };
}

/** Bold, "- " list items and paragraphs; backslash escapes resolved; everything else is text. */
export function renderMarkdown(md: string): string {
  const inline = (text: string) =>
    escapeHtml(text)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1");
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) out.push(`<ul>${list.join("")}</ul>`);
    list = [];
  };
  for (const line of md.split("\n")) {
    if (line.startsWith("- ")) list.push(`<li>${inline(line.slice(2))}</li>`);
    else {
      flush();
      if (line.trim() !== "") out.push(`<p>${inline(line)}</p>`);
    }
  }
  flush();
  return out.join("\n");
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function cardHtml(card: CardView, patientId: string, fhirBase: string, marker = "data-cds-card"): string {
  const links = card.links
    .map((l) => {
      const url = httpUrl(l.url);
      if (!url) return "";
      const href = l.type === "smart" ? launchUrl(url, fhirBase, encodeLaunch({ patient: patientId })) : url;
      return `<a class="card-link" data-cds-link="${escapeHtml(l.type)}" href="${escapeHtml(href)}">${escapeHtml(l.label ?? "Open")}</a>`;
    })
    .join(" ");
  const sourceUrl = httpUrl(card.source?.url);
  const source = card.source?.label
    ? `<p class="card-source">Source: ${sourceUrl ? `<a href="${escapeHtml(sourceUrl)}" rel="noreferrer">${escapeHtml(card.source.label)}</a>` : escapeHtml(card.source.label)}</p>`
    : "";
  const indicator = ["info", "warning", "critical"].includes(card.indicator) ? card.indicator : "info";
  return `<article class="card card-${indicator}" ${marker} data-indicator="${indicator}">
  <p class="card-indicator">${indicator === "warning" ? "Warning" : indicator === "critical" ? "Critical" : "Info"}</p>
  <h3 class="card-summary">${escapeHtml(card.summary)}</h3>
  <div class="card-detail">${renderMarkdown(card.detail)}</div>
  ${source}
  <p>${links}</p>
</article>`;
}

function cdsHtml(cds: ChartCds, patientId: string, fhirBase: string): string {
  if (cds.state === "off") return `<p class="note" data-cds-state="off">No CDS service is configured.</p>`;
  if (cds.state === "error") return `<p class="note" data-cds-state="error">${escapeHtml(cds.message)}</p>`;
  const cards = cds.cards.map(asCard).filter((c): c is CardView => !!c);
  if (cards.length === 0) return `<p class="note" data-cds-state="no-cards">No decision support cards for this chart.</p>`;
  return `<div data-cds-state="cards">${cards.map((c) => cardHtml(c, patientId, fhirBase)).join("\n")}</div>`;
}

/** The ordering service's answer under the composer (`data-order-cds-state`, cards marked `data-order-card`). */
function orderCdsHtml(order: ChartInput["order"], patientId: string, fhirBase: string): string {
  if (!order?.state.chosen) return "";
  const { cds } = order;
  if (cds.state === "off") return `<p class="note" data-order-cds-state="off">No CDS service is configured.</p>`;
  if (cds.state === "error") return `<p class="note" data-order-cds-state="error">${escapeHtml(cds.message)}</p>`;
  const cards = cds.cards.map(asCard).filter((c): c is CardView => !!c);
  if (cards.length === 0) return `<p class="note" data-order-cds-state="no-cards">No decision support cards for this order.</p>`;
  return `<div data-order-cds-state="cards">${cards.map((c) => cardHtml(c, patientId, fhirBase, "data-order-card")).join("\n")}</div>`;
}

const text = (c: { code?: { text?: string; coding?: { display?: string }[] } }) => c.code?.text ?? c.code?.coding?.[0]?.display ?? "(no text)";

export function chartPage({ patient, resources, fhirBase, appLaunchUrl, cds, now, order }: ChartInput): string {
  const p = resources.find((r): r is Patient => r.resourceType === "Patient");
  const conditions = resources.filter((r): r is Condition => r.resourceType === "Condition");
  const problems = conditions
    .filter((c) => ["active", "recurrence", "relapse"].includes(c.clinicalStatus?.coding?.[0]?.code ?? ""))
    .slice(0, 30)
    .map((c) => `<li>${escapeHtml(text(c).slice(0, 120))}</li>`)
    .join("");
  const meds = resources
    .filter((r): r is MedicationRequest => r.resourceType === "MedicationRequest" && (r as MedicationRequest).status === "active")
    .slice(0, 30)
    .map((m) => `<li>${escapeHtml((m.medicationCodeableConcept?.text ?? m.medicationCodeableConcept?.coding?.[0]?.display ?? m.medicationReference?.display ?? "(medicine)").slice(0, 120))}</li>`)
    .join("");
  const app = launchUrl(appLaunchUrl, fhirBase, encodeLaunch({ patient: patient.id }));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Chart — ${escapeHtml(patient.label.slice(0, 80))} — Demo EHR</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; }
    .layout { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
    main { flex: 1 1 24rem; }
    aside { flex: 0 1 30rem; }
    .banner { border-bottom: 2px solid #345; padding-bottom: .5rem; }
    .note { color: #444; }
    .card { border: 1px solid #bbb; border-left: 6px solid #1a73e8; border-radius: 4px; padding: .75rem 1rem; margin-bottom: 1rem; background: #fafcff; }
    .card-warning { border-left-color: #b26a00; background: #fffaf0; }
    .card-critical { border-left-color: #b00020; }
    .card-indicator { margin: 0; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #444; }
    .card-summary { margin: .25rem 0 .5rem; font-size: 1.05rem; }
    .card-detail p, .card-detail ul { margin: .4rem 0; }
    .card-source { font-size: .85rem; color: #444; }
    .card-link { display: inline-block; padding: .4rem .8rem; background: #0645ad; color: #fff; border-radius: 4px; text-decoration: none; }
    a:focus, button:focus { outline: 3px solid #1a73e8; outline-offset: 2px; }
    .composer { border-top: 1px solid #ccc; margin-top: 1.5rem; padding-top: .5rem; max-width: 36rem; }
    .choices { list-style: none; padding: 0; }
    .choices li { margin: .3rem 0; }
    .choices button, #order-sign { font: inherit; padding: .3rem .7rem; border: 1px solid #345; border-radius: 4px; background: #f4f6f8; color: #1b1b1b; cursor: pointer; }
    .choices button[aria-pressed="true"] { background: #dfe8f3; font-weight: 600; }
    #order-sign { background: #0645ad; color: #fff; border-color: #0645ad; }
  </style>
</head>
<body>
  <p><a href="/">Demo EHR</a> › Chart</p>
  <header class="banner">
    <h1>${escapeHtml(patient.label.slice(0, 80))}</h1>
    <p>Born ${escapeHtml(p?.birthDate ?? "unknown")} · ${escapeHtml(p?.gender ?? "unknown")}${p?.deceasedDateTime ? ` · died ${escapeHtml(p.deceasedDateTime.slice(0, 10))}` : ""} · chart opened ${escapeHtml(now.toISOString().slice(0, 10))}</p>
  </header>
  <div class="layout">
    <main>
      <h2>Problem list (active)</h2>
      ${problems ? `<ul>${problems}</ul>` : `<p class="note">None recorded.</p>`}
      <h2>Medicines (active orders)</h2>
      ${meds ? `<ul>${meds}</ul>` : `<p class="note">None recorded.</p>`}
      <p><a href="${escapeHtml(app)}" id="app-launch">Open the night leg cramps app</a></p>
      ${composerHtml(patient.id, order?.state ?? { signed: false }, orderCdsHtml(order, patient.id, fhirBase))}
    </main>
    <aside aria-label="Decision support">
      <h2>Decision support (CDS Hooks)</h2>
      ${cdsHtml(cds, patient.id, fhirBase)}
    </aside>
  </div>
</body>
</html>
`;
}
