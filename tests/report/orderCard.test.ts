/** The ordering cards' words (src/report/orderCard.ts): the summary under 140 characters, each order's links, the leg-cramp record. */
import { describe, expect, it } from "vitest";
import type { Evidence, Finding } from "../../src/engine/types";
import { draftOrderLinks, legCrampLine, legCrampsLine, orderCardSummary, orderLinksLine } from "../../src/report";
import { linkWords } from "../../src/report/orderCard";

function order(ref: string, text: string): Evidence {
  return {
    ref,
    resourceType: "MedicationRequest",
    text,
    matched: { systemLabel: "RxNorm", code: "1" },
    matchedBy: "code",
    ruleId: "r",
    reason: "r",
    status: "not-started",
    current: false,
    dates: {},
  };
}

const medicine = (causeId: Finding["causeId"], label: string, strength: Finding["strength"], ev: Evidence[]): Finding => ({
  causeId,
  label,
  kind: "medicine",
  strength,
  current: false,
  basis: "record",
  evidence: ev,
});

const furosemide = order("MedicationRequest/a", "furosemide 40 MG Oral Tablet");
const combo = order("MedicationRequest/b", "hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet");
const statin = order("MedicationRequest/c", "atorvastatin 20 MG Oral Tablet");
const diuretics = (ev: Evidence[]) => medicine("diuretics", "Diuretics (medicines that increase urine output)", "possible", ev);
const bp = (ev: Evidence[]) => medicine("blood-pressure-medicines", "Blood pressure medicines", "sometimes-linked", ev);
const cholesterol = (ev: Evidence[]) => medicine("cholesterol-medicines", "Cholesterol medicines", "sometimes-linked", ev);

describe("orderCardSummary", () => {
  it("one order: the medicine, what it is, and its link", () => {
    expect(orderCardSummary([diuretics([furosemide])])).toBe("Furosemide 40 MG Oral Tablet is a diuretic: possibly linked to night leg cramps (documented for this patient)");
    expect(orderCardSummary([cholesterol([statin])])).toBe(
      "Atorvastatin 20 MG Oral Tablet is a cholesterol medicine: sometimes linked to night leg cramps (documented for this patient)",
    );
    // A combination product's long name is kept whole; what it is, too long to say beside it, is left to the detail.
    expect(orderCardSummary([bp([combo]), diuretics([combo])])).toBe(
      "Hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet: possibly linked to night leg cramps (documented for this patient)",
    );
  });

  it("several orders: the strongest named, the others counted", () => {
    expect(orderCardSummary([cholesterol([statin]), diuretics([furosemide])])).toMatch(/^Furosemide 40 MG Oral Tablet .*and 1 other medicine ordered: possibly linked to night leg cramps \(documented for this patient\)$/);
  });

  it("always under 140 characters, on one line, whatever the order's text", () => {
    const long = order("MedicationRequest/x", `furosemide ${"very long product name ".repeat(20)}\nwith a line break`);
    for (const findings of [[diuretics([long])], [diuretics([long]), bp([long])], [diuretics([long, furosemide]), cholesterol([statin, long])]]) {
      const s = orderCardSummary(findings);
      expect(s.length).toBeLessThan(140);
      expect(s).not.toMatch(/\n/);
      expect(s).toMatch(/night leg cramps \(documented for this patient\)$/);
    }
  });
});

describe("orderCardSummary with a channel's escaping", () => {
  it("the name goes through recordText, and the result still fits", () => {
    const escape = (text: string, max: number) => plainEscape(text.slice(0, max));
    const plainEscape = (t: string) => t.replace(/[.[\]()]/g, (c) => `\\${c}`);
    const hostile = order("MedicationRequest/h", `[click](javascript:alert(1)) furosemide 40.5 mg ${"x.".repeat(60)}`);
    const s = orderCardSummary([diuretics([hostile])], 139, escape);
    expect(s.length).toBeLessThanOrEqual(139);
    expect(s).toMatch(/^\\\[click\\\]\\\(javascript/);
    expect(s).toMatch(/: possibly linked to night leg cramps \(documented for this patient\)$/);
  });
});

describe("orders and their links", () => {
  it("one entry per order, strongest link first, each link with its strength in words", () => {
    const orders = draftOrderLinks([cholesterol([statin]), bp([combo]), diuretics([combo])]);
    expect(orders.map((o) => o.ref)).toEqual(["MedicationRequest/b", "MedicationRequest/c"]);
    expect(orderLinksLine(orders[0]!)).toBe("diuretics (possible link); blood pressure medicines (sometimes linked)");
  });
});

describe("the leg-cramp record", () => {
  const base = { ref: "Condition/1", text: "Nocturnal leg cramps", matchedBy: "code" as const, because: "active" as const };
  it("restless legs syndrome is a different condition, never 'not a cause' (the project's wording for the differential)", () => {
    expect(linkWords("differential")).toBe("a different condition from");
  });

  it("name, status and date", () => {
    expect(legCrampLine({ ...base, clinicalStatus: "active", since: "2026-09-12" })).toBe("Nocturnal leg cramps (active, since 12 Sep 2026)");
    expect(legCrampLine({ ...base, because: "recent", recorded: "2026-03-01" })).toBe("Nocturnal leg cramps (status not recorded, recorded 1 Mar 2026)");
    expect(legCrampsLine([base, base, base], 2)).toBe("Leg cramps documented: Nocturnal leg cramps (status not recorded); Nocturnal leg cramps (status not recorded); and 1 more record.");
    expect(legCrampsLine([])).toBe("");
  });
});
