/**
 * `npm run sandbox:check`: offline with --demo (real EHR launches of the build through the demo EHR), and
 * a clear failure, never a silent pass, when the launcher cannot be reached.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import { findDemoPatient } from "../../mocks/patients";
import { inputFromResources } from "../engine/fixtureInput";
import { reportJson, reportTable } from "../../scripts/sandboxCheck/format";
import { encodeLauncherLaunch } from "../../scripts/sandboxCheck/launcherLaunch";
import { allReachedPanel, runCheck } from "../../scripts/sandboxCheck/run";

const NOW = new Date("2026-11-26T12:00:00Z");
const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const AMMIE = "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa";

describe("sandbox:check --demo", () => {
  it("launches each patient into the panel and reports what the engine finds in the same records", async () => {
    const report = await runCheck({ mode: "demo", patients: [TREY, AMMIE], now: NOW });
    expect(allReachedPanel(report)).toBe(true);
    for (const id of [TREY, AMMIE]) {
      const check = report.checks.find((c) => c.patient === id)!;
      expect(check.status).toBe("ready");
      const expected = matchRecords(inputFromResources(findDemoPatient(id)!.resources(NOW)), { now: NOW }).findings;
      expect(check.findings!.map((f) => [f.cause, f.current, f.strength, f.basis]).sort()).toEqual(
        expected.map((f) => [f.causeId, String(f.current), f.strength, "record"]).sort(),
      );
      expect(check.sources).toMatchObject({ Patient: "read", Condition: "read", MedicationRequest: "read" });
    }
    const table = reportTable(report);
    expect(table).toContain(`Patient ${TREY}: panel ready`);
    expect(table).toMatch(/hypothyroidism\s+true/);
    expect(JSON.parse(reportJson(report))).toEqual(report);
  });

  it("does not pass a launch that never reached a panel or ended in an error panel", () => {
    const ok = { patient: "a", status: "partial", findings: [], sources: { Patient: "failed" } };
    expect(allReachedPanel({ target: "t", checks: [ok] })).toBe(true);
    expect(allReachedPanel({ target: "t", checks: [ok, { patient: "b", error: "no panel within 30000 ms; stopped at x" }] })).toBe(false);
    expect(allReachedPanel({ target: "t", checks: [ok, { patient: "c", status: "error", findings: [], sources: {} }] })).toBe(false);
  });
});

describe("sandbox:check against a launcher", () => {
  it("fails with a clear message and exit code 2 when the launcher cannot be reached", () => {
    // Port 9 on loopback: nothing listens there, so the connection is refused at once.
    const run = spawnSync("npx", ["tsx", "scripts/sandbox-check.ts", "--launcher", "http://127.0.0.1:9", "--patient", TREY], {
      cwd: resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Cannot reach the SMART launcher at http:\/\/127\.0\.0\.1:9 .*--demo/);
    expect(run.stdout).toBe("");
  });

  it("encodes an EHR launch the way the SMART launcher decodes it (positions of its codec)", () => {
    const options = JSON.parse(Buffer.from(encodeLauncherLaunch({ patient: "p1", provider: "dr1" }), "base64url").toString("utf8")) as unknown[];
    expect(options.slice(0, 7)).toEqual([0, "p1", "dr1", "NONE", 1, 1, 0]);
    expect(options[14]).toBe(0); // public client
    expect(options).toHaveLength(17);
  });
});
