/** How values read: never rounded onto or across the cut-off they are compared with. */
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/engine/labs/detail";
import { cause, daysAgo, obs, run } from "./build";

describe("formatNumber", () => {
  it.each([
    [12.608793181868956, undefined, "12.61"],
    [7.0, undefined, "7"],
    [0.05, undefined, "0.05"],
    [59.996, 60, "59.996"], // two decimals would read 60: not below 60
    [59.9999999, 60, "59.9999999"],
    [60.004, 60, "60.004"],
    [11.994, 12, "11.99"], // still below 12 at two decimals
    [11.9, 12, "11.9"],
    [60, 60, "60"],
  ])("%s against %s reads %s", (value, cutoff, text) => {
    expect(formatNumber(value, cutoff)).toBe(text);
  });

  it("the evidence text of a value just under a cut-off keeps it under", () => {
    const out = run([obs({ test: "egfr", value: 59.996, date: daysAgo(200) }), obs({ test: "egfr", value: 59.999, date: daysAgo(10) })]);
    expect(cause(out, "chronic-kidney-disease")!.evidence.map((e) => e.lab.valueText)).toEqual(["59.999 mL/min/{1.73_m2}", "59.996 mL/min/{1.73_m2}"]);
  });
});
