// @vitest-environment jsdom
/**
 * The panel's reading aids in jsdom (docs/spec/panel-contract.md "Reading aids"): the cramp anchor in the
 * header, "Worth reviewing" first among the findings, the open "status not recorded" group, "What was
 * checked" closed on a clean read and open otherwise, retries and notices never at the top, the note's text
 * in data-note="summary" within its limits, and the printout's running header.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { buildReport } from "../../src/report/build";
import { formatDateTime } from "../../src/report/format";
import { shortNote } from "../../src/report/note";
import { NOTE_MAX_CHARS, NOTE_MAX_LINES } from "../../src/report/summaryNote";
import type { PanelData } from "../../src/ui/panelModel";
import { NOW, data, evidence, finding, mixedFindings, partial, ready, sources, withFindings } from "./fixtures";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CRAMPS = { ref: "Condition/cramps", text: "Nocturnal leg cramps (disorder)", matchedBy: "code" as const, because: "active" as const, since: "2025-04-20", category: "problem-list-item" };

function aids(): PanelData {
  const pad = finding("peripheral-artery-disease", "known-cause", false, [
    evidence("Condition/pad", { text: "Peripheral vascular disease", status: "unknown", current: false, recordStatus: undefined, category: "encounter-diagnosis", dates: { recorded: "2019-03-12" } }),
  ]);
  const diuretic = finding("diuretics", "possible", true, [
    evidence("MedicationRequest/f", { resourceType: "MedicationRequest", text: "Furosemide 40 MG Oral Tablet", dose: "Take 1 tablet by mouth daily", category: undefined, dates: { authored: "2025-03-09" } }),
  ]);
  const statin = finding("cholesterol-medicines", "sometimes-linked", true, [
    evidence("MedicationRequest/s", { resourceType: "MedicationRequest", text: "Simvastatin 20 MG Oral Tablet", category: undefined, dates: { authored: "2016-04-19" } }),
  ]);
  const resolved = finding("hypothyroidism", "sometimes-linked", false);
  return withFindings([diuretic, statin, pad, resolved], {
    legCramps: [CRAMPS],
    sources: [...sources(), { source: "Observation", status: "read", count: 0, warnings: [] }],
  });
}

describe("the cramp anchor", () => {
  it("is in the header: the record's name and since when, and the medicines are dated against it", () => {
    const { container } = render(<Panel state={ready(aids())} now={NOW} />);
    const anchor = container.querySelectorAll("[data-leg-cramps]");
    expect(anchor).toHaveLength(1);
    expect(anchor[0]!.getAttribute("data-leg-cramps")).toBe("Condition/cramps");
    expect(anchor[0]!.closest("header")).toBeTruthy();
    expect(anchor[0]!.textContent).toBe("Leg cramps on the problem list since Apr 2025 — Nocturnal leg cramps");
    expect(container.querySelector('[data-cause="diuretics"] .nlc-finding-facts')!.textContent).toBe(
      "Furosemide 40 mg daily, started Mar 2025, about 6 weeks before the cramps",
    );
  });

  it("is absent when the record does not document leg cramps", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    expect(container.querySelector("[data-leg-cramps]")).toBeNull();
  });
});

describe("Worth reviewing", () => {
  it("comes first among the findings, with medicine, reconcile and not-on-file items, and no advice", () => {
    const { container } = render(<Panel state={ready(aids())} now={NOW} />);
    const block = container.querySelector('[data-section="worth-reviewing"]')!;
    const firstFinding = container.querySelector("[data-cause]")!;
    expect(block.compareDocumentPosition(firstFinding) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(block.querySelector("[data-cause], [data-evidence]")).toBeNull();
    const items = [...block.querySelectorAll("[data-review]")].map((li) => [li.getAttribute("data-review"), li.textContent]);
    expect(items).toEqual([
      ["medicine", "Furosemide 40 mg daily (diuretics: possible link), started Mar 2025, about 6 weeks before the cramps."],
      ["reconcile", "1 entry still marked active with no activity for years: Simvastatin 20 mg tablet (last ordered 2016). Confirm it is current."],
      ["not-on-file", "No eGFR, hemoglobin, HbA1c, glucose or TSH on file."],
    ]);
    expect(block.textContent).not.toMatch(/\b(stop|reduce|consider|switch|prescribe)\b/i);
  });

  it("is not there when nothing is worth reviewing", () => {
    const { container } = render(<Panel state={ready(withFindings([finding("hypertension", "sometimes-linked", true)]))} now={NOW} />);
    expect(container.querySelector('[data-section="worth-reviewing"]')).toBeNull();
  });
});

describe("status not recorded", () => {
  it("an open group after the current findings, never inside the closed past section, data-current false", () => {
    const { container } = render(<Panel state={ready(aids())} now={NOW} />);
    const group = container.querySelector('[data-section="status-not-recorded"]')!;
    const pad = group.querySelector('[data-cause="peripheral-artery-disease"]')!;
    expect(pad.getAttribute("data-current")).toBe("false");
    expect(pad.closest("[hidden]")).toBeNull();
    expect(group.closest(".nlc-past")).toBeNull();
    expect(group.querySelector("h2")!.textContent).toBe("Status not recorded — check (1)");
    // After every current finding, before the past ones.
    const all = [...container.querySelectorAll("[data-cause]")].map((e) => e.getAttribute("data-cause"));
    expect(all.indexOf("peripheral-artery-disease")).toBeGreaterThan(all.indexOf("cholesterol-medicines"));
    expect(all.indexOf("peripheral-artery-disease")).toBeLessThan(all.indexOf("hypothyroidism"));
    expect(container.querySelector(".nlc-past [data-cause='peripheral-artery-disease']")).toBeNull();
    expect(screen.getByRole("button", { name: "Past / not current (1)" })).toBeTruthy();
  });
});

describe("what was checked, and the top block", () => {
  const checkedButton = (root: HTMLElement) => root.querySelector('[data-section="checked"] button[aria-expanded]')!;

  it("closed on a clean read, its rows still in the document; open when a kind of record was not read completely", () => {
    const clean = render(<Panel state={ready(aids())} now={NOW} />);
    expect(checkedButton(clean.container).getAttribute("aria-expanded")).toBe("false");
    expect(clean.container.querySelector('[data-source="Condition"]')!.closest("[hidden]")).toBeTruthy();
    expect(clean.container.querySelectorAll("[data-source]")).toHaveLength(6);
    clean.unmount();
    const { container } = render(<Panel state={partial()} now={NOW} />);
    expect(checkedButton(container).getAttribute("aria-expanded")).toBe("true");
    expect(container.querySelector('[data-source="MedicationStatement"]')!.closest("[hidden]")).toBeNull();
  });

  it("a search read after a retry is said only under what was checked; the EHR's notices quietly, never as a limit", () => {
    const notice = "The EHR hides some outside records from apps; what is shown was checked.";
    const d = withFindings(mixedFindings(), {
      sources: sources({ Condition: { notices: [notice], searches: [{ label: "conditions", status: "read", count: 3, retriedWithout: ["_count"] }] } }),
    });
    const { container } = render(<Panel state={ready(d)} now={NOW} />);
    expect(container.querySelector(".nlc-gaps")).toBeNull();
    const quiet = container.querySelector(".nlc-notices")!;
    expect(quiet.textContent).toBe(notice);
    expect(quiet.closest('[role="alert"], .nlc-alert')).toBeNull();
    expect(checkedButton(container).getAttribute("aria-expanded")).toBe("false");
    const row = container.querySelector('[data-source="Condition"]')!;
    expect(row.getAttribute("data-source-status")).toBe("read");
    expect(row.querySelector(".nlc-retry")!.textContent).toBe("conditions: read completely; the EHR refused the page size, so the app asked again without it.");
    const top = [...container.querySelectorAll("main > *")].filter((el) => !el.matches('[data-section="checked"]')).map((el) => el.textContent).join(" ");
    expect(top).not.toMatch(/_count|refused|retr/i);
    expect(container.querySelector('[data-note="summary"]')!.textContent).not.toMatch(/_count|refused|outside records/i);
  });
});

describe("the note", () => {
  it("the text Copy summary writes is the text of data-note='summary': at most 3 lines and 600 characters, no codes, ids, braces or tags", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const d = aids();
    d.result.findings.push(finding("restless-legs-syndrome", "differential", true, [evidence("Condition/rls", { text: "Restless legs syndrome (disorder)" })]));
    const { container } = render(<Panel state={ready(d)} now={NOW} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy summary" }));
    });
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied).toBe(shortNote(buildReport(d), NOW));
    const el = container.querySelector('[data-note="summary"]')!;
    expect(el.textContent).toBe(copied);
    expect(copied.split("\n").length).toBeLessThanOrEqual(NOTE_MAX_LINES);
    expect(copied.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    expect(copied).not.toMatch(/\((disorder|finding|HCC)\)|[{}]|Condition\/|MedicationRequest\/|\b[A-Z]\d{2}\.\d/);
    // The patient's own numbers: the dose, the age then, the start against the cramps.
    expect(copied).toContain("Furosemide 40 mg daily, started Mar 2025 (about 6 weeks before the cramps)");
    // Restless legs syndrome is never among the causes.
    const causes = copied.split("\n")[0]!;
    expect(causes).not.toMatch(/restless/i);
    expect(copied).not.toMatch(/not a cause/i);
  });
});

describe("print", () => {
  it("a running header names the patient, the birth date and when it was printed (from the clock)", () => {
    const printed = new Date("2025-06-01T14:05:00");
    const { container } = render(<Panel state={ready(data())} now={NOW} clock={() => printed} />);
    const header = container.querySelector(".nlc-print-header")!;
    expect(header.textContent).toBe("Ada Lovelaceborn 12 May 1950printed 14:05 on 1 Jun 2025");
    // It is the head of the panel's layout table, which the print stylesheet repeats on every page.
    expect(header.closest("thead")!.closest("table")!.getAttribute("role")).toBe("presentation");
    expect(header.closest("table")!.querySelector("tbody main")).toBeTruthy();
    const later = new Date("2025-06-02T09:30:00");
    let now = printed;
    cleanup();
    const again = render(<Panel state={ready(data())} now={NOW} clock={() => now} />);
    now = later;
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(again.container.querySelector(".nlc-print-header")!.textContent).toContain("printed 09:30 on 2 Jun 2025");
  });

  it("without a clock, the printout's time is `now`, and a re-render with the same `now` does not set the print listener again", () => {
    const add = vi.spyOn(window, "addEventListener");
    const prints = () => add.mock.calls.filter(([type]) => type === "beforeprint").length;
    const d = data();
    const view = render(<Panel state={ready(d)} now={NOW} />);
    const first = prints();
    expect(first).toBe(1);
    view.rerender(<Panel state={ready(d)} now={NOW} />);
    view.rerender(<Panel state={ready(d)} now={NOW} />);
    expect(prints()).toBe(first);
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(view.container.querySelector(".nlc-print-header")!.textContent).toContain(`printed ${formatDateTime(NOW)}`);
    add.mockRestore();
  });

  it("relative times ('5 minutes ago') are marked screen-only; dates themselves are absolute", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    for (const rel of container.querySelectorAll(".nlc-rel")) expect(rel.textContent).toMatch(/ago|just now/);
    expect(container.querySelector(".nlc-read-at .nlc-rel")!.textContent).toBe(" (5 minutes ago)");
  });
});
