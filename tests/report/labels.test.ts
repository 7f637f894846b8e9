import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DIALYSIS_RECENT_DAYS, PREGNANCY_CURRENT_WEEKS } from "../../src/knowledge";
import { CONFIRM_STILL_CURRENT, LAB_TREND_CHANGE, NEAR_CRAMPS_DAYS } from "../../src/knowledge/conventions";
import { buildReport } from "../../src/report/build";
import { conventionLines, sourceStatusText } from "../../src/report/labels";
import { findingStrengthWords, STRENGTH_SCALE } from "../../src/report/strength";
import { summaryLine } from "../../src/report/summary";
import { KNOWLEDGE, data, finding, withFindings } from "../ui/fixtures";

describe("labels", () => {
  it("sourceStatusText words every status", () => {
    const s = { source: "Condition" as const, count: 12, warnings: [] };
    expect(sourceStatusText({ ...s, status: "read" })).toBe("Read: 12 records");
    expect(sourceStatusText({ ...s, status: "read", count: 1 })).toBe("Read: 1 record");
    expect(sourceStatusText({ ...s, status: "failed" })).toBe("Could not be checked: the server returned an error");
    expect(sourceStatusText({ ...s, status: "not-authorized" })).toBe("Not authorised");
    expect(sourceStatusText({ ...s, status: "not-supported" })).toBe("Not supported by this EHR");
    expect(sourceStatusText({ ...s, status: "truncated", count: 500 })).toBe("Incomplete: only the first 500 were read");
  });

  it("summaryLine counts distinct facts, not the restless legs look-alike", () => {
    const d = withFindings([finding("anemia", "sometimes-linked", true), finding("restless-legs-syndrome", "differential", true)]);
    expect(summaryLine(buildReport(d), "ready")).toBe("1 fact active in the record is linked to night leg cramps.");
    expect(summaryLine(buildReport(data()), "partial")).not.toMatch(/No documented causes/);
  });

  it("conventions carry the numbers the app applies", () => {
    const text = conventionLines(KNOWLEDGE).join("\n");
    expect(text).toContain(`age ${KNOWLEDGE.olderAgeThreshold} and over`);
    expect(text).toContain(`${PREGNANCY_CURRENT_WEEKS} weeks`);
    expect(text).toContain(`${DIALYSIS_RECENT_DAYS} days`);
    expect(text).toContain(`over ${CONFIRM_STILL_CURRENT.medicineYears} years`);
    expect(CONFIRM_STILL_CURRENT.acuteStateYears).toBe(1);
    expect(text).toContain("or an acute state above has no date in the last year");
    expect(text).toContain("A lifelong condition is never marked for the age of its dates alone.");
    // The lab trend's meaningful change and the window for dating a condition against the cramps, from conventions.ts.
    expect(text).toContain(`eGFR ${LAB_TREND_CHANGE.egfr}, hemoglobin ${LAB_TREND_CHANGE.hemoglobin} g/dL`);
    expect(text).toContain(`within ${NEAR_CRAMPS_DAYS} days of them`);
  });
});

describe("strength scale", () => {
  it("strongest first; every group name says where it ranks", () => {
    expect(STRENGTH_SCALE.map((s) => s.strength)).toEqual(["known-cause", "raises-risk", "possible", "sometimes-linked", "differential"]);
    expect(STRENGTH_SCALE.map((s) => s.level)).toEqual([4, 3, 2, 1, 0]);
    // "Sometimes linked" ranks below "possible link": its name says it is weaker.
    expect(STRENGTH_SCALE.find((s) => s.strength === "sometimes-linked")!.heading).toMatch(/^Weaker/);
    for (const s of STRENGTH_SCALE) expect(s.description).not.toMatch(/does not cause/i);
  });

  it("a raised finding names what the source calls a known cause", () => {
    expect(findingStrengthWords(finding("dialysis", "known-cause", true))).toBe("known cause: kidney failure");
    expect(findingStrengthWords(finding("chronic-kidney-disease", "sometimes-linked", true))).toBe("sometimes linked");
    expect(findingStrengthWords(finding("acute-kidney-failure", "known-cause", true))).toBe("known cause");
  });
});

describe("source rules for src/report (shared with the CDS Hooks service)", () => {
  const dir = join(import.meta.dirname, "../../src/report");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it("no React, no I/O, no clock of its own, no logging", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const text = readFileSync(join(dir, name), "utf8");
      expect(text, name).not.toMatch(/from "react|fhirclient|fetch\(|new Date\(\)|Date\.now|window\.|document\.|console\./);
    }
  });
});
