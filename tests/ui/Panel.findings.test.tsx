// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { NOW, data, evidence, finding, mixedFindings, partial, ready, sources, withFindings } from "./fixtures";

afterEach(cleanup);

const causes = (root: ParentNode) => [...root.querySelectorAll("[data-cause]")].map((e) => e.getAttribute("data-cause"));
const currentFlags = (root: ParentNode) => [...root.querySelectorAll("[data-cause]")].map((e) => e.getAttribute("data-current"));

describe("Reading order", () => {
  it("current findings by strength first, then every past one, folded", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    expect(causes(container)).toEqual([
      "chronic-kidney-disease",
      "older-age",
      "diuretics",
      "hypertension",
      "peripheral-artery-disease",
      "type-2-diabetes",
    ]);
    // No finding with data-current="false" above a current one.
    const flags = currentFlags(container);
    expect(flags.indexOf("false")).toBeGreaterThan(flags.lastIndexOf("true"));
    const groups = [...container.querySelectorAll(".nlc-group h3")].map((h) => h.textContent);
    expect(groups).toEqual(["Known cause", "Raises the risk", "Possible link, not proven", "Weaker: sometimes linked"]);
  });

  it("past findings sit in one closed disclosure, still in the document, with their evidence", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const button = screen.getByRole("button", { name: "Past / not current (2)" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const region = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(region.hidden).toBe(true);
    expect(causes(region)).toEqual(["peripheral-artery-disease", "type-2-diabetes"]);
    for (const item of region.querySelectorAll("[data-cause]")) {
      expect(item.getAttribute("data-current")).toBe("false");
      expect(item.querySelector("[data-evidence]")).toBeTruthy();
    }
    // Current findings are not inside it.
    expect(region.querySelector('[data-current="true"]')).toBeNull();
    fireEvent.click(button);
    expect(region.hidden).toBe(false);
    expect(container.querySelectorAll("[data-cause]")).toHaveLength(6);
  });

  it("no past section when everything is current; no active section when nothing is", () => {
    const { container, unmount } = render(<Panel state={ready(withFindings([finding("anemia", "sometimes-linked", true)]))} now={NOW} />);
    expect(screen.queryByRole("button", { name: /Past \/ not current/ })).toBeNull();
    expect(screen.getByRole("heading", { name: "Active in the record now" })).toBeTruthy();
    expect(causes(container)).toEqual(["anemia"]);
    unmount();
    render(<Panel state={ready(withFindings([finding("anemia", "sometimes-linked", false)]))} now={NOW} />);
    expect(screen.queryByRole("heading", { name: "Active in the record now" })).toBeNull();
    expect(screen.getByText("Nothing linked to night leg cramps is active in the record now; 1 past or not current.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Past / not current (1)" })).toBeTruthy();
  });

  it("a deceased patient: said once, everything folded as not current, no per-finding 'deceased' badge", () => {
    const d = withFindings(
      [
        finding("chronic-kidney-disease", "known-cause", false, [evidence("Condition/ckd", { status: "deceased", current: false })]),
        finding("hypertension", "sometimes-linked", false, [evidence("Condition/htn", { status: "deceased", current: false })]),
      ],
      { patient: { resourceType: "Patient", id: "p1", name: [{ text: "Old Tom" }], birthDate: "1920-01-01", deceasedDateTime: "2010-03-04" } },
    );
    d.result.patient = { id: "p1", age: 90, ageAt: "death", deceased: true, deceasedDate: "2010-03-04" };
    const { container } = render(<Panel state={ready(d)} now={NOW} />);
    const main = screen.getByRole("main").textContent ?? "";
    expect(main.match(/deceased/gi)).toHaveLength(1);
    expect(main).toContain("The patient is recorded as deceased (4 Mar 2010): nothing is current");
    expect(currentFlags(container)).toEqual(["false", "false"]);
    expect(container.querySelector("[data-cause] .nlc-badge")).toBeNull();
    expect(screen.getByRole("button", { name: "Past / not current (2)" }).getAttribute("aria-expanded")).toBe("false");
  });
});

describe("Findings", () => {
  it("carry data-cause, data-current, data-strength, data-basis, and say the strength in words, once", () => {
    const lab = finding("anemia", "sometimes-linked", true, [
      evidence("Observation/hb", { resourceType: "Observation", text: "Hemoglobin 9.1 g/dL", category: undefined, dates: { effective: "2025-04-02" } }),
    ]);
    const { container } = render(<Panel state={ready(withFindings([...mixedFindings(), lab]))} now={NOW} />);
    const words: Record<string, string> = {
      "known-cause": "known cause",
      "raises-risk": "raises the risk",
      possible: "possible link",
      "sometimes-linked": "sometimes linked",
    };
    for (const item of container.querySelectorAll("[data-cause]")) {
      const strength = item.getAttribute("data-strength")!;
      expect(Object.keys(words)).toContain(strength);
      // Said by the group heading above a current finding, on the row itself where there is no group.
      const group = item.closest(".nlc-group")?.querySelector("h3")?.textContent;
      const row = item.querySelector("button")!.textContent!;
      expect((group ?? row).toLowerCase()).toContain(words[strength]);
      if (group) expect(row.toLowerCase()).not.toContain(words[strength]);
      expect(item.getAttribute("data-current")).toMatch(/^(true|false)$/);
    }
    const byId = (id: string) => container.querySelector(`[data-cause="${id}"]`)!;
    expect(byId("older-age").getAttribute("data-basis")).toBe("record");
    expect(byId("diuretics").getAttribute("data-basis")).toBe("record");
    expect(byId("anemia").getAttribute("data-basis")).toBe("lab");
    expect(byId("anemia").textContent).toContain("Suggested by lab results — not recorded as a diagnosis");
    expect(byId("chronic-kidney-disease").getAttribute("data-strength")).toBe("known-cause");
  });

  it("a finding raised to known cause says what the source names: kidney failure", () => {
    const ckd = finding("chronic-kidney-disease", "known-cause", true);
    ckd.notes = ["The record says kidney failure (stage 5, end-stage or dialysis)."];
    const { container } = render(<Panel state={ready(withFindings([ckd]))} now={NOW} />);
    const item = container.querySelector('[data-cause="chronic-kidney-disease"]')!;
    expect(item.querySelector("button")!.textContent).toContain("Chronic kidney disease: kidney failure");
    // Finding notes are shown as given, outside the folded region.
    const note = within(item as HTMLElement).getByText("The record says kidney failure (stage 5, end-stage or dialysis).");
    expect(note.closest(".nlc-region")).toBeNull();
  });

  it("renders Finding.label as given", () => {
    const f = finding("type-2-diabetes", "sometimes-linked", true);
    f.label = "Diabetes (type not recorded)";
    const { container } = render(<Panel state={ready(withFindings([f]))} now={NOW} />);
    expect(container.querySelector('[data-cause="type-2-diabetes"] button')!.textContent).toContain("Diabetes (type not recorded)");
    expect(container.querySelector('[data-cause="type-2-diabetes"] button')!.textContent).not.toContain("type-2");
  });

  it("badges say why a finding is not current, and mark unconfirmed ones", () => {
    const stale = finding("pregnancy", "raises-risk", false, [
      evidence("Condition/preg", { status: "stale", current: false, dates: { onset: "2020-03" } }),
    ]);
    const unknown = finding("anemia", "sometimes-linked", false, [evidence("Condition/an", { status: "unknown", current: false })]);
    const unconfirmed = finding("dehydration", "sometimes-linked", true, [evidence("Condition/de", { status: "unconfirmed" })]);
    const { container } = render(<Panel state={ready(withFindings([stale, unknown, unconfirmed]))} now={NOW} />);
    const badge = (id: string) => container.querySelector(`[data-cause="${id}"] button .nlc-badge`)?.textContent;
    expect(badge("pregnancy")).toBe("Not current: pregnancy began over 42 weeks ago");
    expect(badge("anemia")).toBe("Status not recorded");
    expect(badge("dehydration")).toBe("Current, unconfirmed");
  });

  it("open and close with a keyboard-operable button (aria-expanded, aria-controls)", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const item = container.querySelector('[data-cause="diuretics"]')!;
    const button = within(item as HTMLElement).getAllByRole("button")[0]!;
    const region = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(region.hidden).toBe(true);
    expect(region.querySelector('[data-evidence="MedicationRequest/m1"]')).toBeTruthy();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(region.hidden).toBe(false);
    fireEvent.click(button);
    expect(region.hidden).toBe(true);
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
});

describe("Evidence", () => {
  it("labelled dates with how long ago (from the injected clock) and the age then; status in words", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const ckd = container.querySelector('[data-evidence="Condition/chronic-kidney-disease-1"]')!.textContent!;
    expect(ckd).toContain("Record text for Condition/chronic-kidney-disease-1 — active");
    expect(ckd).toContain("onset May 2019 (6 years ago, age 68 or 69)");
    const med = container.querySelector('[data-evidence="MedicationRequest/m1"]')!.textContent!;
    // Folded duplicates are older orders of the same medicine: this one is the last.
    expect(med).toContain("last ordered 2 Nov 2024 (6 months ago, age 74)");
    expect(container.querySelector('[data-evidence="MedicationRequest/m2"]')).toBeNull();
  });

  it("the finding's row lists every distinct current record, with dose when the engine gives one", () => {
    const meds = finding("blood-pressure-medicines", "sometimes-linked", true, [
      evidence("MedicationRequest/a", { resourceType: "MedicationRequest", text: "Amlodipine 5 MG Oral Tablet", dates: { authored: "2025-01-10" }, dose: "1 tablet daily" }),
      evidence("MedicationRequest/l", { resourceType: "MedicationRequest", text: "Lisinopril 10 MG Oral Tablet", dates: { authored: "2024-12-01" } }),
      evidence("MedicationRequest/h", { resourceType: "MedicationRequest", text: "Hydrochlorothiazide 25 MG", dates: { authored: "2024-11-01" } }),
      evidence("MedicationRequest/old", { resourceType: "MedicationRequest", text: "Atenolol 50 MG", status: "past", current: false, dates: { authored: "2010-01-01" } }),
    ]);
    const { container } = render(<Panel state={ready(withFindings([meds]))} now={NOW} />);
    const row = container.querySelector('[data-cause="blood-pressure-medicines"] .nlc-finding-facts')!.textContent!;
    // Clinical words: the strength said once ("5 mg daily", not "5 MG Oral Tablet, 1 tablet daily").
    expect(row).toContain("Amlodipine 5 mg daily, started Jan 2025");
    expect(row).toContain("Lisinopril 10 mg tablet");
    expect(row).toContain("Hydrochlorothiazide 25 mg");
    expect(row).not.toContain("Atenolol");
    expect(row).toContain("1 past");
    // The top line counts distinct facts.
    expect(screen.getByText("3 facts active in the record are linked to night leg cramps.")).toBeTruthy();
  });

  it("one record supporting several causes is one row: the lesser findings folded into the strongest, counted once", async () => {
    const shared = (cause: Parameters<typeof finding>[0], strength: Parameters<typeof finding>[1]) =>
      finding(cause, strength, true, [evidence("Condition/t2dpn", { text: "Type 2 diabetes with polyneuropathy (HCC)" })]);
    const fs = [shared("type-2-diabetes", "sometimes-linked"), shared("diabetic-neuropathy", "known-cause"), shared("peripheral-neuropathy", "sometimes-linked")];
    fs[0]!.label = "Type 2 diabetes";
    fs[1]!.label = "Nerve damage from diabetes";
    fs[2]!.label = "Peripheral neuropathy";
    const { container } = render(<Panel state={ready(withFindings(fs))} now={NOW} />);
    const row = container.querySelector('[data-cause="diabetic-neuropathy"]')!;
    expect(row.querySelector("button")!.textContent).toContain("Diabetic neuropathy");
    const full = row.querySelector('.nlc-region [data-evidence="Condition/t2dpn"]')!.textContent!;
    expect(full).toContain("Also supports: Type 2 diabetes, Peripheral neuropathy");
    // The terminology tag is not shown (it is under the technical details).
    expect(row.querySelector(".nlc-finding-facts")!.textContent).toBe("Type 2 diabetes with polyneuropathy, since May 2019");
    const line = row.querySelector(".nlc-folded-line")!.cloneNode(true) as HTMLElement;
    for (const hidden of line.querySelectorAll(".nlc-visually-hidden")) hidden.remove();
    expect(line.textContent).toBe("Also on the source's list as type 2 diabetes (sometimes linked) and peripheral neuropathy (sometimes linked)");
    // The record as written, tag included, is under the technical details.
    await waitFor(() => expect(row.querySelector(".nlc-technical")?.textContent).toContain("As writtenType 2 diabetes with polyneuropathy (HCC)"));
    // Each folded finding is still a finding of its own, with its evidence, inside the row and visible.
    for (const id of ["type-2-diabetes", "peripheral-neuropathy"]) {
      const folded = row.querySelector(`[data-cause="${id}"]`)!;
      expect(folded.getAttribute("data-current")).toBe("true");
      expect(folded.getAttribute("data-strength")).toBe("sometimes-linked");
      expect(folded.querySelector('[data-evidence="Condition/t2dpn"]')).toBeTruthy();
      expect(folded.closest("[hidden]")).toBeNull();
    }
    expect(container.querySelectorAll(".nlc-finding")).toHaveLength(1);
    expect(container.querySelectorAll("[data-cause]")).toHaveLength(3);
    expect(screen.getByText("1 fact active in the record is linked to night leg cramps.")).toBeTruthy();
  });

  it("a lesser finding with a record of its own keeps its own row, naming the shared record", () => {
    const shared = evidence("Condition/t2dpn", { text: "Type 2 diabetes with polyneuropathy" });
    const dn = finding("diabetic-neuropathy", "known-cause", true, [shared]);
    const t2d = finding("type-2-diabetes", "sometimes-linked", true, [shared, evidence("Condition/t2d", { text: "Type 2 diabetes" })]);
    dn.label = "Nerve damage from diabetes";
    const { container } = render(<Panel state={ready(withFindings([dn, t2d]))} now={NOW} />);
    expect(container.querySelectorAll(".nlc-finding")).toHaveLength(2);
    const own = container.querySelector('.nlc-finding[data-cause="type-2-diabetes"]')!;
    expect(own.querySelector('[data-evidence="Condition/t2dpn"]')!.textContent).toContain("shown under Nerve damage from diabetes");
  });

  it("codes, ids and folded duplicates are under a technical-details disclosure (loaded after the first screen)", async () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const item = container.querySelector('[data-cause="diuretics"]') as HTMLElement;
    const tech = await within(item).findByRole("button", { name: "Technical details (codes, record ids)", hidden: true });
    const region = document.getElementById(tech.getAttribute("aria-controls")!)!;
    expect(region.hidden).toBe(true);
    expect(region.textContent).toContain("RxNorm 4603");
    expect(region.textContent).toContain("MedicationRequest/m1");
    expect(region.textContent).toContain("2 more records like this: MedicationRequest/m2, MedicationRequest/m3");
    expect(region.querySelector("[data-evidence]")).toBeNull();
    // Outside the technical details, no code or id is shown.
    const evidence = item.querySelector('[data-evidence="MedicationRequest/m1"]')!;
    expect(evidence.textContent).not.toContain("4603");
    expect(evidence.textContent).not.toContain("MedicationRequest/m");
  });

  it("says when a record matched by name", async () => {
    const f = finding("hypothyroidism", "sometimes-linked", true, [
      evidence("Condition/h", { matchedBy: "name", matched: { systemLabel: "text", display: "hypothyroid" }, text: "Hypothyroid, on levothyroxine", notes: ["Recognised from the record's text, not from a code: check the record."] }),
    ]);
    const { container } = render(<Panel state={ready(withFindings([f]))} now={NOW} />);
    expect(container.querySelector('[data-evidence="Condition/h"]')!.textContent).toContain("Recognised from the record's text");
    await waitFor(() => expect(container.querySelector('[data-cause="hypothyroidism"] .nlc-technical')?.textContent).toContain("Matched by name: “hypothyroid”"));
  });

  it("an old order still marked active is muted on its row, listed once to reconcile, not counted as active, and stays current", () => {
    const old = finding("diuretics", "possible", true, [
      evidence("MedicationRequest/hctz", { resourceType: "MedicationRequest", text: "Hydrochlorothiazide 25 MG", category: undefined, dates: { authored: "1931-03-09" } }),
    ]);
    const recent = finding("anemia", "sometimes-linked", true, [evidence("Condition/an", { dates: { onset: "2024-02" } })]);
    const { container } = render(<Panel state={ready(withFindings([old, recent]))} now={NOW} />);
    const item = container.querySelector('[data-cause="diuretics"]')!;
    expect(item.getAttribute("data-current")).toBe("true");
    // No pill on the row: the row is muted and says so.
    expect(item.querySelector("button .nlc-badge")).toBeNull();
    const muted = item.querySelector(".nlc-finding-facts .nlc-stale")!;
    expect(muted.textContent).toBe("Hydrochlorothiazide 25 mg, last ordered 1931, still marked active");
    expect(item.querySelector('[data-evidence="MedicationRequest/hctz"]')!.textContent).toContain("Confirm still current");
    expect(container.querySelector('[data-cause="anemia"]')!.textContent).not.toMatch(/confirm still current|still marked active/i);
    // Worth reviewing lists it once; the headline does not count it as active.
    const reconcile = container.querySelector('[data-section="worth-reviewing"] [data-review="reconcile"]')!;
    expect(reconcile.textContent).toBe("1 entry still marked active with no activity for years: Hydrochlorothiazide 25 mg (last ordered 1931). Confirm it is current.");
    expect(screen.getByText("1 fact active in the record is linked to night leg cramps; 1 entry to confirm.")).toBeTruthy();
    // The convention is stated once, in the footer.
    expect(screen.getByRole("contentinfo").textContent).toMatch(/Confirm still current”: the record still says active/);
  });

  it("a lifelong condition is never marked 'confirm still current' for the age of its dates alone", () => {
    const htn = finding("hypertension", "sometimes-linked", true, [evidence("Condition/htn", { text: "Essential hypertension", dates: { onset: "1990-01-15" } })]);
    const dehydration = finding("dehydration", "sometimes-linked", true, [evidence("Condition/dh", { text: "Dehydration", dates: { onset: "2021-07-01" } })]);
    const { container } = render(<Panel state={ready(withFindings([htn, dehydration]))} now={NOW} />);
    expect(container.querySelector('[data-cause="hypertension"]')!.textContent).not.toMatch(/confirm still current|still marked active/i);
    expect(container.querySelector('[data-cause="hypertension"] .nlc-finding-facts')!.textContent).toBe("Essential hypertension, since 15 Jan 1990");
    // An acute state on the record for years is to be confirmed.
    expect(container.querySelector('[data-cause="dehydration"] .nlc-stale')!.textContent).toContain("still marked active");
  });

  it("leaves a place for extra content per finding, inside its region", () => {
    const { container } = render(
      <Panel state={ready(withFindings(mixedFindings()))} now={NOW} findingExtra={(f) => (f.causeId === "diuretics" ? <p>chart here</p> : null)} />,
    );
    const extra = container.querySelector('[data-cause="diuretics"] .nlc-region .nlc-finding-extra')!;
    expect(extra.textContent).toBe("chart here");
    expect(extra.closest("[data-cause]")!.getAttribute("data-cause")).toBe("diuretics");
  });
});

describe("Absence claims", () => {
  it('"No documented causes found" only when ready with no findings', () => {
    render(<Panel state={ready()} now={NOW} />);
    expect(screen.getByText("No documented causes found in the records read.")).toBeTruthy();
  });

  it("never when partial: says what could not be checked instead, at the top", () => {
    const { container } = render(<Panel state={partial()} now={NOW} />);
    expect(container.textContent).not.toMatch(/No documented causes found/i);
    expect(container.textContent).toContain("Nothing found in the records that could be read");
    const alert = container.querySelector(".nlc-gaps")!;
    expect(alert.textContent).toContain("Medication statements");
    expect(alert.textContent).not.toContain("Conditions");
    expect(alert.compareDocumentPosition(container.querySelector(".nlc-summary")!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
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

  it("partial with findings still lists what could not be checked, above the findings", () => {
    const d = withFindings(mixedFindings(), { sources: sources({ Procedure: { status: "failed", count: 0 } }) });
    const { container } = render(<Panel state={partial(d)} now={NOW} />);
    const alert = container.querySelector(".nlc-gaps")!;
    expect(alert.textContent).toContain("Procedures");
    expect(alert.compareDocumentPosition(container.querySelector("[data-cause]")!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.querySelectorAll("[data-cause]").length).toBe(6);
  });

  it("the EHR's own warnings are at the top; a read with no conditions at all is flagged", () => {
    const d = data({
      sources: sources({
        Condition: { count: 0, warnings: ["Some conditions are not shown because they are marked confidential."] },
      }),
    });
    const { container } = render(<Panel state={ready(d)} now={NOW} />);
    const alert = container.querySelector(".nlc-gaps")!.textContent!;
    expect(alert).toContain("Some conditions are not shown because they are marked confidential.");
    expect(alert).toContain("The EHR returned no conditions at all for this patient");
    expect(container.querySelector("[data-panel-status]")!.getAttribute("data-panel-status")).toBe("ready");
  });
});

describe("Restless legs guide", () => {
  const guide = () => screen.getByRole("region", { name: "Restless legs or night leg cramps" });

  it("is always there, collapsed to one line, and never carries data-cause", async () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    expect(guide().querySelector("[data-cause]")).toBeNull();
    expect(guide().closest("[data-cause]")).toBeNull();
    expect(within(guide()).getByRole("button").getAttribute("aria-expanded")).toBe("false");
    await waitFor(() => expect(guide().textContent).toContain("urge to move the legs"));
    expect(guide().textContent).toContain("jiggling the leg may relieve it");
    // Every statement comes from the knowledge base with its source, and the sources are linked.
    const links = [...guide().querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toContain("https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813");
    expect(causes(container)).not.toContain("restless-legs-syndrome");
  });

  it("stays collapsed when RLS is recorded; RLS is its own finding, named as a different condition", () => {
    const rls = finding("restless-legs-syndrome", "differential", true);
    const { container } = render(<Panel state={ready(withFindings([...mixedFindings(), rls]))} now={NOW} />);
    expect(within(guide()).getByRole("button").getAttribute("aria-expanded")).toBe("false");
    expect(within(guide()).getByRole("button").textContent).toBe("Restless legs syndrome is recorded: how to tell it from cramps");
    expect(guide().querySelector("[data-cause]")).toBeNull();
    expect(container.querySelectorAll("[data-cause]")).toHaveLength(7);
    const item = container.querySelector('[data-cause="restless-legs-syndrome"]')!;
    expect(item.getAttribute("data-strength")).toBe("differential");
    expect(item.closest(".nlc-group")!.querySelector("h3")!.textContent).toBe("Different condition: tell apart");
    // The source says the two are different and often confused, never that RLS is "not a cause".
    expect(container.textContent).not.toMatch(/does not cause|not a cause/i);
  });

  it("a recorded RLS alone is not a cause: no documented causes found", () => {
    render(<Panel state={ready(withFindings([finding("restless-legs-syndrome", "differential", false)]))} now={NOW} />);
    expect(screen.getByText("No documented causes found in the records read.")).toBeTruthy();
  });
});
