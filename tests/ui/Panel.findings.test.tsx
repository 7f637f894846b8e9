// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { NOW, data, evidence, finding, mixedFindings, partial, ready, sources, withFindings } from "./fixtures";

afterEach(cleanup);

const causes = (root: ParentNode) => [...root.querySelectorAll("[data-cause]")].map((e) => e.getAttribute("data-cause"));

describe("Findings", () => {
  it("are grouped by strength, strongest first, current before past", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const groups = [...container.querySelectorAll(".nlc-group h3")].map((h) => h.textContent);
    expect(groups).toEqual(["Known causes", "Raise the risk", "Possible link (not proven)", "Sometimes linked"]);
    expect(causes(container)).toEqual([
      "chronic-kidney-disease",
      "peripheral-artery-disease",
      "older-age",
      "diuretics",
      "hypertension",
      "type-2-diabetes",
    ]);
  });

  it("carry data-current from Finding.current and a text badge", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const byId = (id: string) => container.querySelector(`[data-cause="${id}"]`)!;
    expect(byId("chronic-kidney-disease").getAttribute("data-current")).toBe("true");
    expect(byId("peripheral-artery-disease").getAttribute("data-current")).toBe("false");
    expect(byId("chronic-kidney-disease").querySelector("button")!.textContent).toContain("Current");
    expect(byId("peripheral-artery-disease").querySelector("button")!.textContent).toContain("Past");
  });

  it("badges say why a finding is not current", () => {
    const stale = finding("pregnancy", "raises-risk", false, [
      evidence("Condition/preg", { status: "stale", current: false, dates: { onset: "2020-03" } }),
    ]);
    const unknown = finding("anemia", "sometimes-linked", false, [evidence("Condition/an", { status: "unknown", current: false })]);
    const unconfirmed = finding("dehydration", "sometimes-linked", true, [evidence("Condition/de", { status: "unconfirmed" })]);
    const { container } = render(<Panel state={ready(withFindings([stale, unknown, unconfirmed]))} now={NOW} />);
    const badge = (id: string) => container.querySelector(`[data-cause="${id}"] button .nlc-badge`)!.textContent;
    expect(badge("pregnancy")).toBe("Not current: pregnancy began over 42 weeks ago");
    expect(badge("anemia")).toBe("Status unknown");
    expect(badge("dehydration")).toBe("Current, unconfirmed");
  });

  it("every finding holds its evidence elements, in the DOM even while collapsed", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const items = container.querySelectorAll("[data-cause]");
    expect(items.length).toBe(6);
    for (const item of items) {
      const ev = item.querySelectorAll("[data-evidence]");
      expect(ev.length).toBeGreaterThan(0);
      for (const e of ev) expect(e.getAttribute("data-evidence")).toMatch(/^(Condition|MedicationRequest|Patient)\/[\w-]+$/);
    }
    expect(container.querySelector('[data-cause="older-age"] [data-evidence]')!.getAttribute("data-evidence")).toBe("Patient/p1");
  });

  it("open and close with a keyboard-operable button (aria-expanded, aria-controls)", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const item = container.querySelector('[data-cause="diuretics"]')!;
    const button = within(item as HTMLElement).getByRole("button");
    const region = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(region).toBeTruthy();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(region.hidden).toBe(true);
    expect(region.querySelector('[data-evidence="MedicationRequest/m1"]')).toBeTruthy();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(region.hidden).toBe(false);
    fireEvent.click(button);
    expect(region.hidden).toBe(true);
  });

  it("evidence shows what the record says, code, status, dates with age, where, why; duplicates grouped", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const ckd = container.querySelector('[data-evidence="Condition/chronic-kidney-disease-1"]')!.textContent!;
    expect(ckd).toContain("Record text for Condition/chronic-kidney-disease-1");
    expect(ckd).toContain("SNOMED CT 44054006");
    expect(ckd).toContain("Condition — problem list");
    expect(ckd).toContain("active, confirmed");
    expect(ckd).toContain("May 2019 (age 68 or 69)");
    expect(ckd).toContain("SNOMED CT code for type 2 diabetes");
    const med = container.querySelector('[data-evidence="MedicationRequest/m1"]')!.textContent!;
    expect(med).toContain("Medication order");
    expect(med).toContain("2 Nov 2024 (age 74)");
    expect(med).toContain("And 2 more records like this: MedicationRequest/m2, MedicationRequest/m3");
    expect(container.querySelector('[data-evidence="MedicationRequest/m2"]')).toBeNull();
  });

  it("says when a record matched by name", () => {
    const f = finding("hypothyroidism", "sometimes-linked", true, [
      evidence("Condition/h", { matchedBy: "name", matched: { systemLabel: "text", display: "hypothyroid" }, text: "Hypothyroid, on levothyroxine" }),
    ]);
    const { container } = render(<Panel state={ready(withFindings([f]))} now={NOW} />);
    const text = container.querySelector('[data-evidence="Condition/h"]')!.textContent!;
    expect(text).toContain("Matched by name: “hypothyroid”");
    expect(text).toContain("matched by name, not by code");
  });

  it("older age states the threshold as the app's convention", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const item = container.querySelector('[data-cause="older-age"]')!;
    expect(item.textContent).toContain("The app highlights age 65 and over. This is the app's convention: the source gives no cut-off.");
  });
});

describe("Absence claims", () => {
  it('"No documented causes found" only when ready with no findings', () => {
    render(<Panel state={ready()} now={NOW} />);
    expect(screen.getByText("No documented causes found in the records read.")).toBeTruthy();
  });

  it("never when partial: says what could not be checked instead", () => {
    const { container } = render(<Panel state={partial()} now={NOW} />);
    expect(container.textContent).not.toMatch(/No documented causes found/i);
    expect(container.textContent).toContain("Nothing found in the records that could be read");
    const alert = container.querySelector(".nlc-alert")!.textContent!;
    expect(alert).toContain("Medication statements");
    expect(alert).not.toContain("Conditions");
  });

  it("not even when a ready state carries a source that was not read", () => {
    const d = data({ sources: sources({ Procedure: { status: "truncated", count: 200 } }) });
    const { container } = render(<Panel state={ready(d)} now={NOW} />);
    expect(container.textContent).not.toMatch(/No documented causes found/i);
  });

  it("never when there are findings", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    expect(container.textContent).not.toMatch(/No documented causes found/i);
  });

  it("partial with findings still lists what could not be checked", () => {
    const d = withFindings(mixedFindings(), { sources: sources({ Procedure: { status: "failed", count: 0 } }) });
    const { container } = render(<Panel state={partial(d)} now={NOW} />);
    expect(container.querySelector(".nlc-alert")!.textContent).toContain("Procedures");
    expect(container.querySelectorAll("[data-cause]").length).toBe(6);
  });
});

describe("Restless legs guide", () => {
  const guide = () => screen.getByRole("region", { name: "Restless legs or night leg cramps" });

  it("is always there, collapsed, and never carries data-cause", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    expect(guide().querySelector("[data-cause]")).toBeNull();
    expect(guide().closest("[data-cause]")).toBeNull();
    expect(within(guide()).getByRole("button").getAttribute("aria-expanded")).toBe("false");
    expect(guide().textContent).toContain("urge to move the legs");
    expect(guide().textContent).toContain("jiggling the leg may relieve it");
    // Every statement comes from the knowledge base with its source, and the sources are linked.
    const links = [...guide().querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toContain("https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813");
    expect(causes(container)).not.toContain("restless-legs-syndrome");
  });

  it("is expanded and placed before the findings when RLS is recorded; RLS is its own finding", () => {
    const rls = finding("restless-legs-syndrome", "differential", true);
    const { container } = render(<Panel state={ready(withFindings([...mixedFindings(), rls]))} now={NOW} />);
    expect(within(guide()).getByRole("button").getAttribute("aria-expanded")).toBe("true");
    expect(guide().querySelector("[data-cause]")).toBeNull();
    const first = container.querySelector("[data-cause]")!;
    expect(guide().compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.querySelectorAll("[data-cause]")).toHaveLength(7);
    const item = container.querySelector('[data-cause="restless-legs-syndrome"]')!;
    expect(item.closest(".nlc-group")!.querySelector("h3")!.textContent).toBe("Not a cause — tell apart");
    expect(screen.getByText("6 documented causes or risk factors in the record, 4 current.")).toBeTruthy();
  });

  it("a recorded RLS alone is not a cause: the count of causes stays zero", () => {
    render(<Panel state={ready(withFindings([finding("restless-legs-syndrome", "differential", false)]))} now={NOW} />);
    expect(screen.getByText("No documented causes found in the records read.")).toBeTruthy();
  });
});
