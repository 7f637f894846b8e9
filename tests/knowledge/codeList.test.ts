/** Code lists in either form (knowledge/codeList.ts): as written, and as the browser build stores numeric ones. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_RULES, LOOK_ALIKES } from "../../src/knowledge";
import { codesOf, compactNumericCodes } from "../../src/knowledge/codeList";

describe("code lists", () => {
  it("reads a list as written", () => {
    expect(codesOf("N17 O90.4")).toEqual(["N17", "O90.4"]);
    expect(codesOf("")).toEqual([]);
  });

  it("the compact form of every numeric list of the knowledge base holds the same codes (SNOMED CT ids beyond 2^53 included)", () => {
    let compacted = 0;
    for (const list of [...CODE_RULES, ...LOOK_ALIKES]) {
      const compact = compactNumericCodes(list.codes);
      if (!compact) continue;
      compacted++;
      expect(new Set(codesOf(compact)), list.id).toEqual(new Set(codesOf(list.codes)));
    }
    expect(compacted).toBeGreaterThan(20);
    expect(codesOf(compactNumericCodes("12245621000119102 14669001")!)).toEqual(["14669001", "12245621000119102"]);
  });

  it("leaves lists with other codes (ICD, ATC, leading zeros) as written", () => {
    expect(compactNumericCodes("N17 N18")).toBeUndefined();
    expect(compactNumericCodes("0123 456")).toBeUndefined();
  });

  it("round-trips any set of numeric codes", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.bigInt({ min: 1n, max: 10n ** 18n }), { minLength: 1, maxLength: 50 }), (values) => {
        const list = values.map(String).join(" ");
        expect(new Set(codesOf(compactNumericCodes(list)!))).toEqual(new Set(values.map(String)));
      }),
    );
  });
});
