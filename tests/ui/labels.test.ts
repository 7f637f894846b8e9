import { describe, expect, it } from "vitest";
import { groupFindings, sourceStatusText, summaryLine } from "../../src/ui/labels";
import { data, finding, withFindings } from "./fixtures";

describe("labels", () => {
  it("groupFindings keeps engine order within current / not current", () => {
    const groups = groupFindings([
      finding("anemia", "sometimes-linked", false),
      finding("hypertension", "sometimes-linked", true),
      finding("dehydration", "sometimes-linked", false),
      finding("cirrhosis", "sometimes-linked", true),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.findings.map((f) => f.causeId)).toEqual(["hypertension", "cirrhosis", "anemia", "dehydration"]);
  });

  it("sourceStatusText words every status", () => {
    const s = { source: "Condition" as const, count: 12, warnings: [] };
    expect(sourceStatusText({ ...s, status: "read" })).toBe("Read: 12 records");
    expect(sourceStatusText({ ...s, status: "read", count: 1 })).toBe("Read: 1 record");
    expect(sourceStatusText({ ...s, status: "failed" })).toBe("Could not be checked: the server returned an error");
    expect(sourceStatusText({ ...s, status: "not-authorized" })).toBe("Not authorised");
    expect(sourceStatusText({ ...s, status: "not-supported" })).toBe("Not supported by this EHR");
    expect(sourceStatusText({ ...s, status: "truncated", count: 500 })).toBe("Incomplete: only the first 500 were read");
  });

  it("summaryLine counts causes, not the restless legs look-alike", () => {
    const d = withFindings([finding("anemia", "sometimes-linked", true), finding("restless-legs-syndrome", "differential", true)]);
    expect(summaryLine(d, "ready")).toBe("1 documented cause or risk factor in the record, 1 current.");
    expect(summaryLine(data(), "partial")).not.toMatch(/No documented causes/);
  });
});
