/** The data layer's per-server options in smart-config.json: parsed when usable, dropped (never guessed) when not. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseConfig } from "../../src/fhir/config";

const withServer = (server: Record<string, unknown>) =>
  parseConfig({ clientId: "c", scope: "launch", servers: [{ name: "EHR", iss: "https://ehr.example/fhir", ...server }] }).servers[0]!;

/** One usable value for every option. */
const USABLE = {
  explicitClinicalStatus: true,
  maxPagesPerSearch: 20,
  searchTimeBudgetMs: 15000,
  useCount: false,
  useInclude: false,
  labQuery: "category",
  labCategory: true,
  labLookbackDays: 730,
  styleOrigins: ["https://styles.example"],
  onlineAccess: false,
};

describe("per-server reading options", () => {
  it("reads every option with a usable value", () => {
    // A copy in: the parsed entry is compared with the values given, which parsing must not touch.
    expect(withServer(structuredClone(USABLE))).toMatchObject(USABLE);
  });

  it("drops values of the wrong type or outside their range", () => {
    const s = withServer({ explicitClinicalStatus: "yes", maxPagesPerSearch: 0, searchTimeBudgetMs: -1, useCount: "false", labQuery: "loinc", labLookbackDays: 1.5, styleOrigins: "https://x" });
    for (const key of ["explicitClinicalStatus", "maxPagesPerSearch", "searchTimeBudgetMs", "useCount", "labQuery", "labLookbackDays", "styleOrigins"]) {
      expect(s).not.toHaveProperty(key);
    }
  });

  it("the shipped configuration asks for lab results (patient/Observation.rs)", () => {
    const cfg = parseConfig(JSON.parse(readFileSync("public/smart-config.json", "utf8")));
    expect(cfg.scope.split(" ")).toContain("patient/Observation.rs");
  });
});
