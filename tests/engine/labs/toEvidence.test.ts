/**
 * The join with the findings builder (lab-results.md, "How lab evidence joins the findings"): lab items go
 * through buildFindings like record evidence, one finding per cause, each result its own evidence element.
 */
import { describe, expect, it } from "vitest";
import { buildFindings } from "../../../src/engine/assemble";
import { labEvidenceItems } from "../../../src/engine/labs";
import type { CauseId } from "../../../src/knowledge";
import { daysAgo, obs, run } from "./build";

const findingsOf = (out: ReturnType<typeof run>, recordCauses: CauseId[] = []) => buildFindings(labEvidenceItems(out, new Set(recordCauses)));

describe("labEvidenceItems into buildFindings", () => {
  it("HbA1c without coded diabetes: a type 2 diabetes finding that says the type is not recorded", () => {
    const out = run([obs({ test: "hba1c", value: 7, date: daysAgo(300) }), obs({ test: "hba1c", value: 7.2, date: daysAgo(100) })]);
    const findings = findingsOf(out);
    expect(findings.map((f) => [f.causeId, f.current, f.strength, f.basis])).toEqual([["type-2-diabetes", true, "sometimes-linked", "lab"]]);
    expect(findings[0]!.label).toBe("Diabetes, type not recorded");
    expect(findings[0]!.notes?.[0]).toMatch(/does not say which type of diabetes/);
    for (const e of findings[0]!.evidence) expect(e.resourceType).toBe("Observation");
  });

  it("HbA1c joins a coded type 1 diabetes finding, without the note and without a type 2 finding", () => {
    const out = run([obs({ test: "hba1c", value: 7, date: daysAgo(300) }), obs({ test: "hba1c", value: 7.2, date: daysAgo(100) })]);
    const items = labEvidenceItems(out, new Set<CauseId>(["type-1-diabetes"]));
    expect(new Set(items.map((i) => i.cause))).toEqual(new Set(["type-1-diabetes"]));
    expect(items.every((i) => !i.unstated)).toBe(true);
    expect(buildFindings(items)[0]!.label).toBe("Type 1 diabetes");
  });

  it("each result stays its own evidence element (never folded as a duplicate), with its lab detail", () => {
    const out = run([20, 25, 30, 40].map((v, i) => obs({ test: "egfr", value: v, date: daysAgo(400 - i * 100) })));
    const [ckd] = findingsOf(out);
    expect(ckd!.evidence).toHaveLength(4);
    expect(ckd!.evidence.every((e) => e.duplicates === undefined)).toBe(true);
    expect(ckd!.evidence.map((e) => (e as { lab?: { value: number } }).lab?.value)).toEqual([40, 30, 25, 20]);
  });

  it("G5 results raise chronic kidney disease to a known cause", () => {
    const out = run([obs({ test: "egfr", value: 12, date: daysAgo(200) }), obs({ test: "egfr", value: 11, date: daysAgo(50) })]);
    const [ckd] = findingsOf(out);
    expect(ckd).toEqual(expect.objectContaining({ causeId: "chronic-kidney-disease", strength: "known-cause", current: true, basis: "lab" }));
    expect(ckd!.notes?.join(" ")).toMatch(/lab results suggest kidney failure/);
  });

  it("one finding per cause, evidence current first", () => {
    const out = run([obs({ test: "glucose", value: 40, date: daysAgo(400) }), obs({ test: "glucose", value: 45, date: daysAgo(20) })]);
    const findings = findingsOf(out, ["hypoglycemia"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence.map((e) => e.current)).toEqual([true, false]);
  });
});
