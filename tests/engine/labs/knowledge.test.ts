/** The lab knowledge data is consistent: every rule can be applied to every unit its test accepts. */
import { describe, expect, it } from "vitest";
import { CAUSES, HEMOGLOBIN_CUTOFFS, LAB_RULES, LAB_TEST_CODES, LAB_TEST_ORDER, LAB_TESTS } from "../../../src/knowledge";
import { normalizeUnit } from "../../../src/engine/labs/units";

describe("lab rules", () => {
  it("seven rules with unique ids, causes of the knowledge base, and a citation each", () => {
    expect(LAB_RULES).toHaveLength(7);
    expect(new Set(LAB_RULES.map((r) => r.id)).size).toBe(7);
    const ids = new Set(CAUSES.map((c) => c.id));
    for (const r of LAB_RULES) {
      expect(ids.has(r.cause)).toBe(true);
      expect(r.citation.url).toMatch(/^https:\/\//);
      expect(r.definition.length).toBeGreaterThan(10);
      for (const j of r.joins ?? []) expect(ids.has(j)).toBe(true);
    }
  });

  it("a unit compared in its own unit has a cut-off in that unit in every fixed-cut-off rule of its test", () => {
    for (const r of LAB_RULES) {
      if (r.cutoff === "hemoglobin-table") continue;
      for (const u of LAB_TESTS[r.test].units.filter((x) => x.comparedInOwnUnit)) {
        expect(r.cutoff.inUnit?.[u.label], `${r.id} / ${u.label}`).toBeDefined();
      }
    }
  });

  it("own-unit cut-offs are the same cut-off (48 mmol/mol ≡ 6.5 %, 3.0 mmol/L ≡ 54 mg/dL) within rounding", () => {
    for (const r of LAB_RULES) {
      if (r.cutoff === "hemoglobin-table" || !r.cutoff.inUnit) continue;
      for (const [label, value] of Object.entries(r.cutoff.inUnit)) {
        const u = LAB_TESTS[r.test].units.find((x) => x.label === label)!;
        expect(Math.abs(value * u.scale + (u.offset ?? 0) - r.cutoff.value) / r.cutoff.value).toBeLessThan(0.01);
      }
    }
  });

  it("spellings are stored normalised (lower case, no spaces) and each test knows its LOINC codes", () => {
    for (const id of LAB_TEST_ORDER) {
      expect(LAB_TEST_CODES[id].length).toBeGreaterThan(0);
      for (const u of LAB_TESTS[id].units) {
        for (const s of u.spellings) expect(normalizeUnit(s)).toBe(s);
        if (u.prefix) expect(normalizeUnit(u.prefix)).toBe(u.prefix);
      }
    }
  });

  it("the hemoglobin table covers every age from 6 months for every sex, with no gap", () => {
    for (const sex of ["female", "male", "other-or-unknown"] as const) {
      for (let months = 6; months < 1500; months++) {
        const rows = HEMOGLOBIN_CUTOFFS.filter(
          (r) => !r.pregnant && months >= r.fromMonths && (r.toMonths === undefined || months < r.toMonths) && (!r.sex || r.sex === sex),
        );
        expect(rows, `${sex} ${months}`).toHaveLength(1);
        expect(rows[0]!.below).toBeGreaterThan(0);
      }
    }
  });
});
