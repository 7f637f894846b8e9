// @vitest-environment jsdom
/**
 * Lab results in the panel, from the engine's real output for the hand-made lab patients: the lab-only
 * marking, each result's evidence line, the chart per test and its text alternative, "what was checked",
 * and the copied notes.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { buildReport, chartRows, fullNote, shortNote } from "../../src/report";
import type { PanelData } from "../../src/ui/panelModel";
import { labsAnemiaBoundary, labsCodedJoined, labsKidneyFailure } from "../../mocks/data/patients/labResults";
import { LAB_NOW, labPanelData } from "./labFixtures";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function show(d: PanelData, status: "ready" | "partial" = "ready") {
  return render(<Panel state={{ status, data: d }} now={LAB_NOW} />);
}

const finding = (root: ParentNode, cause: string) => root.querySelector<HTMLElement>(`[data-cause="${cause}"]`)!;

/** The charts are loaded after the first screen: wait until `count` of them are in `root`. */
async function charts(root: ParentNode, count = 1): Promise<HTMLElement[]> {
  await waitFor(() => expect(root.querySelectorAll("figure.nlc-chart").length).toBeGreaterThanOrEqual(count));
  return [...root.querySelectorAll<HTMLElement>("figure.nlc-chart")];
}

/** Open a finding's evidence region with its own button, as a keyboard user would. */
function open(root: ParentNode, cause: string): HTMLElement {
  const f = finding(root, cause);
  const button = f.querySelector<HTMLButtonElement>(".nlc-disclosure")!;
  if (button.getAttribute("aria-expanded") !== "true") fireEvent.click(button);
  return f;
}

describe("lab-only findings", () => {
  it("are marked as suggested by lab results, in their strength group; a record-based finding is not", () => {
    const { container } = show(labPanelData(labsKidneyFailure));
    const ckd = finding(container, "chronic-kidney-disease");
    expect(ckd.getAttribute("data-basis")).toBe("lab");
    expect(ckd.getAttribute("data-strength")).toBe("known-cause");
    expect(ckd.closest(".nlc-group")?.querySelector(".nlc-group-h")?.textContent).toBe("Known cause");
    expect(within(ckd).getByText("Lab results only")).toBeTruthy();
    expect(ckd.querySelector(".nlc-lab-basis")?.textContent).toBe("Suggested by lab results — not recorded as a diagnosis.");
    const age = finding(container, "older-age");
    expect(age.getAttribute("data-basis")).toBe("record");
    expect(age.querySelector(".nlc-lab-basis, .nlc-badge-lab")).toBeNull();
  });

  it("each result: the value as reported, the date and age then, the cut-off and a link to the definition's source", () => {
    const { container } = show(labPanelData(labsAnemiaBoundary));
    open(container, "anemia");
    const item = container.querySelector<HTMLElement>('[data-evidence="Observation/ab-hb-365"]')!;
    // The value in the rule's unit with the test's precision (11.1159 → 11.1 g/dL).
    expect(item.textContent).toContain("Hemoglobin 6.9 mmol/L (11.1 g/dL) — most recent result; meets the cut-off");
    expect(item.textContent).toContain("measured 26 Nov 2025 (12 months ago, age 37)");
    expect(item.textContent).toContain("Cut-off applied: below 12.0 g/dL (15 years and older, female)");
    const link = within(item).getByRole("link", { name: "WHO 2024 guideline on haemoglobin cut-offs to define anaemia" });
    expect(link.getAttribute("href")).toBe("https://www.who.int/publications/i/item/9789240088542");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("a coded finding joined by results: one element for the cause, its results as more evidence, not marked lab-only", () => {
    const { container } = show(labPanelData(labsCodedJoined));
    expect(container.querySelectorAll('[data-cause="chronic-kidney-disease"]')).toHaveLength(1);
    const ckd = finding(container, "chronic-kidney-disease");
    expect(ckd.getAttribute("data-basis")).toBe("record");
    const refs = [...ckd.querySelectorAll("[data-evidence]")].map((e) => e.getAttribute("data-evidence"));
    expect(refs).toEqual(expect.arrayContaining(["Condition/dj-cond-ckd3", "Observation/dj-egfr-12", "Observation/dj-egfr-160", "Observation/dj-egfr-320"]));
    expect(ckd.querySelector(".nlc-lab-basis")).toBeNull();
  });
});

describe("the chart of a test's results", () => {
  it("sits in the finding's evidence region, draws the cut-offs, and its table lists every value", async () => {
    const d = labPanelData(labsKidneyFailure);
    const { container } = show(d);
    const ckd = finding(container, "chronic-kidney-disease");
    const [figure] = (await charts(ckd)) as [HTMLElement];
    expect(figure.closest(".nlc-evidence-region")).toBeTruthy();
    const caption = figure.querySelector("figcaption")!;
    expect(figure.getAttribute("aria-labelledby")).toBe(caption.id);
    expect(caption.textContent).toContain("eGFR results over time (mL/min/1.73 m²)");
    // The drawing is decorative for assistive technology: the caption and table say it all.
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.querySelectorAll(".nlc-chart-cutoff path")).toHaveLength(2);
    expect([...svg.querySelectorAll(".nlc-chart-cutoff text")].map((t) => t.textContent)).toEqual(["cut-off 60", "cut-off 15"]);
    const series = buildReport(d).labs!.series.find((s) => s.test === "egfr")!;
    expect(svg.querySelectorAll(".nlc-chart-meets, .nlc-chart-other")).toHaveLength(series.points.length);
    expect(svg.querySelectorAll(".nlc-chart-meets")).toHaveLength(series.points.filter((p) => p.meets).length);
    const table = figure.querySelector("table")!;
    const rows = [...table.querySelectorAll(":scope > tbody > tr")].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual(chartRows(series).map((r) => [r.date, r.reported, r.value, r.meets]));
    // Units for people: "mL/min/1.73 m²", never UCUM's "mL/min/{1.73_m2}".
    for (const p of series.points) expect(table.textContent).toContain(p.valueText.replace("{1.73_m2}", "1.73 m²").replace("1.73m2", "1.73 m²"));
    expect(table.textContent).not.toMatch(/[{}]/);
  });

  it("carries no data-cause and no data-evidence (only findings and their evidence do)", async () => {
    const { container } = show(labPanelData(labsCodedJoined));
    const figures = await charts(container, 2);
    expect(figures.length).toBe(2);
    for (const f of figures) expect(f.querySelector("[data-cause], [data-evidence]")).toBeNull();
    expect([...figures].every((f) => !f.hasAttribute("data-cause") && !f.hasAttribute("data-evidence"))).toBe(true);
  });

  it("is shown with the finding whose results it draws", async () => {
    const { container } = show(labPanelData(labsCodedJoined));
    await charts(container, 2);
    const captions = (cause: string) => [...finding(container, cause).querySelectorAll("figcaption strong")].map((c) => c.textContent);
    expect(captions("chronic-kidney-disease")).toEqual(["eGFR results over time (mL/min/1.73 m²)"]);
    expect(captions("type-2-diabetes")).toEqual(["HbA1c results over time (%)"]);
    expect(captions("older-age")).toEqual([]);
  });

  it("the table of values is always there for screen readers and shown on demand from the keyboard", async () => {
    const { container } = show(labPanelData(labsKidneyFailure));
    const [figure] = (await charts(open(container, "chronic-kidney-disease"))) as [HTMLElement];
    const values = figure.querySelector(".nlc-chart-values")!;
    const button = within(figure).getByRole("button", { name: "Show the values" });
    expect(button.getAttribute("aria-controls")).toBe(values.id);
    expect(values.querySelector("table")).toBeTruthy();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(values.classList.contains("nlc-visually-hidden")).toBe(true);
    expect(values.closest("[hidden]")).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(button.textContent).toBe("Hide the values");
    expect(values.classList.contains("nlc-visually-hidden")).toBe(false);
  });

  it("names the published definitions under the finding, with links", async () => {
    const { container } = show(labPanelData(labsKidneyFailure));
    await charts(container);
    const defs = [...finding(container, "chronic-kidney-disease").querySelectorAll(".nlc-definition")];
    expect(defs.map((d) => d.textContent?.split(" Source:")[0])).toEqual([
      "Definition applied: KDIGO 2024: GFR category G5 (below 15 mL/min/1.73 m²) is kidney failure.",
      "Definition applied: KDIGO 2024 CKD guideline: GFR below 60 mL/min/1.73 m² for more than 3 months.",
    ]);
    for (const d of defs) expect(d.querySelector("a")?.getAttribute("href")).toBe("https://doi.org/10.1016/j.kint.2023.10.018");
  });
});

describe("what was checked", () => {
  it("lists lab results with how many were read and counted, and what could not be interpreted, by reason", () => {
    const { container } = show(labPanelData(labsAnemiaBoundary));
    const row = container.querySelector<HTMLElement>('[data-source="Observation"]')!;
    expect(row.getAttribute("data-source-status")).toBe("read");
    expect(row.textContent).toContain("Lab results (eGFR, hemoglobin, HbA1c, glucose, TSH) Read: 5 records");
    expect(row.querySelector(".nlc-lab-counts")?.textContent).toBe("The EHR returned 5 lab results: 4 interpreted; not interpreted: 1 unit not recognised.");
    const group = row.querySelector<HTMLElement>('[data-not-interpreted="unit-not-recognised"]')!;
    expect(group.textContent).toContain("Unit not recognised (1):");
    expect(group.textContent).toContain("Hemoglobin, 16 Nov 2026: unit not recognised: mg/mmol");
    expect(container.querySelector(".nlc-checked [data-cause]")).toBeNull();
    // The result in an unknown unit is never evidence.
    expect(container.querySelector('[data-evidence="Observation/ab-hb-unknown-unit"]')).toBeNull();
    expect(screen.getByText(/^Not used: lab results other than eGFR/)).toBeTruthy();
  });

  it("lab results that could not be read: partial, said at the top, no counts and no claim about them", () => {
    const d = labPanelData(labsKidneyFailure, { sources: { Observation: { status: "failed", count: 0, message: "the server returned an error" } } });
    const { container } = show(d, "partial");
    expect(container.querySelector("[data-panel-status]")?.getAttribute("data-panel-status")).toBe("partial");
    const row = container.querySelector<HTMLElement>('[data-source="Observation"]')!;
    expect(row.getAttribute("data-source-status")).toBe("failed");
    expect(row.querySelector(".nlc-lab-counts, .nlc-not-interpreted")).toBeNull();
    expect(container.querySelector(".nlc-gaps")?.textContent).toContain("Lab results (eGFR, hemoglobin, HbA1c, glucose, TSH) (could not be checked)");
    expect(container.querySelector('[data-cause="chronic-kidney-disease"]')).toBeNull();
    expect(container.querySelector("figure")).toBeNull();
    expect(container.textContent).not.toMatch(/No documented causes found/);
  });
});

describe("copy and print", () => {
  function stubClipboard() {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    return writeText;
  }

  it("Copy summary and Copy detail with codes label lab-based findings as suggested by lab results", async () => {
    const writeText = stubClipboard();
    const d = labPanelData(labsKidneyFailure);
    show(d);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy summary" }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy detail with codes" }));
    });
    const report = buildReport(d);
    await waitFor(() => expect(writeText.mock.calls.map((c) => c[0])).toEqual([shortNote(report, LAB_NOW), fullNote(report, LAB_NOW)]));
    const [short, full] = writeText.mock.calls.map((c) => c[0] as string);
    // The short note: the patient's own numbers, said in words, and that it rests on results alone.
    expect(short).toContain("chronic kidney disease (kidney failure; eGFR fell from >90 to 11 mL/min/1.73 m² over 2 years; lab results only, not a recorded diagnosis)");
    expect(full).toContain("Chronic kidney disease (suggested by lab results — not recorded as a diagnosis");
  });

  it("print shows the marking and the chart: both are in the finding, not behind print-hidden controls", async () => {
    const { container } = show(labPanelData(labsKidneyFailure));
    const ckd = finding(container, "chronic-kidney-disease");
    await charts(ckd);
    for (const el of [ckd.querySelector(".nlc-lab-basis"), ckd.querySelector("figure svg")]) {
      expect(el).toBeTruthy();
      expect(el!.closest(".nlc-actions, .nlc-btn, .nlc-print-only")).toBeNull();
    }
  });
});
