import { describe, expect, test } from "vitest";
import { decodeLaunch, encodeLaunch, faultApplies, type DemoLaunch } from "../../mocks/launchContext";
import { checkScope, parseResourceScopes } from "../../mocks/smartScopes";

describe("launch context", () => {
  test("round-trips through base64url with no padding or unsafe characters", () => {
    const launch: DemoLaunch = {
      patient: "epic-like",
      faults: { Condition: { status: 503, rate: 0.5, retryAfter: 2, times: 3 } },
      grantScope: "patient/Patient.rs",
      expireAfterRequests: 4,
    };
    const encoded = encodeLaunch(launch);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLaunch(encoded)).toEqual(launch);
  });

  test.each([
    ["not base64url", "%%%"],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["an array", Buffer.from("[1]").toString("base64url")],
    ["a wrongly typed field", encodeLaunch({ patient: 5 } as unknown as DemoLaunch)],
    ["an unknown auth error", encodeLaunch({ authError: "nope" } as unknown as DemoLaunch)],
    ["a fault without status", encodeLaunch({ faults: { Condition: {} } } as unknown as DemoLaunch)],
  ])("decodeLaunch returns null for %s", (_label, value) => {
    expect(decodeLaunch(value)).toBeNull();
  });

  test("fault schedule is deterministic: rate spreads failures from the first request, times caps them", () => {
    const schedule = (f: Parameters<typeof faultApplies>[0], n: number) =>
      Array.from({ length: n }, (_, i) => faultApplies(f, i + 1));
    expect(schedule({ status: 500 }, 4)).toEqual([true, true, true, true]);
    expect(schedule({ status: 500, rate: 0.5 }, 6)).toEqual([true, false, true, false, true, false]);
    expect(schedule({ status: 500, rate: 0.25 }, 8)).toEqual([true, false, false, false, true, false, false, false]);
    expect(schedule({ status: 500, rate: 0 }, 3)).toEqual([false, false, false]);
    expect(schedule({ status: 500, times: 2 }, 4)).toEqual([true, true, false, false]);
    expect(schedule({ status: 500, rate: 0.1 }, 20).filter(Boolean)).toHaveLength(2);
  });
});

describe("SMART scopes", () => {
  test("parses v1 and v2 scopes, skipping non-resource scopes", () => {
    expect(parseResourceScopes("launch openid patient/Condition.read user/*.rs system/Patient.write patient/Procedure.s")).toEqual([
      { context: "patient", resourceType: "Condition", read: true, search: true },
      { context: "user", resourceType: "*", read: true, search: true },
      { context: "system", resourceType: "Patient", read: false, search: false },
      { context: "patient", resourceType: "Procedure", read: false, search: true },
    ]);
  });

  test("checks read/search and whether only patient/ scopes allow it", () => {
    expect(checkScope("patient/Condition.rs", "Condition", "search")).toEqual({ allowed: true, patientOnly: true });
    expect(checkScope("patient/Condition.rs", "MedicationRequest", "search").allowed).toBe(false);
    expect(checkScope("patient/Condition.s", "Condition", "read").allowed).toBe(false);
    expect(checkScope("patient/*.read", "Medication", "read").allowed).toBe(true);
    expect(checkScope("patient/Condition.rs?category=problem-list-item", "Condition", "search").allowed).toBe(true);
    expect(checkScope("patient/Condition.rs user/Condition.read", "Condition", "search").patientOnly).toBe(false);
    expect(checkScope("patient/Condition.write", "Condition", "search").allowed).toBe(false);
  });
});
