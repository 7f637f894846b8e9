import { describe, expect, it } from "vitest";
import { launchScope, planLaunch } from "../../src/fhir/launch";
import { parseConfig } from "../../src/fhir/config";

const config = parseConfig({
  clientId: "app",
  scope: "launch/patient patient/Condition.rs",
  servers: [{ name: "Sandbox", issPrefix: "https://launch.smarthealthit.org/v/r4/" }],
});
const state = () => "3f1c2e4a-0000-4000-8000-000000000001";

describe("planLaunch", () => {
  it("refuses a page without iss", () => {
    expect(planLaunch("https://app.example/launch.html", config, state)).toEqual({ ok: false, error: "no-iss" });
    expect(planLaunch("https://app.example/launch.html?iss=%20", config, state)).toEqual({ ok: false, error: "no-iss" });
  });

  it("refuses an iss that is not allowed, before any redirect", () => {
    const plan = planLaunch("https://app.example/launch.html?iss=https://evil.example/fhir&launch=x", config, state);
    expect(plan).toEqual({ ok: false, error: "iss-not-allowed" });
  });

  it("plans an EHR launch: launch scope explicit, PKCE required, CSPRNG state, launch passed on", () => {
    const plan = planLaunch("https://app.example/launch.html?iss=https://launch.smarthealthit.org/v/r4/fhir&launch=abc", config, state);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.options.scope?.split(" ")).toContain("launch");
    expect(plan.options.pkceMode).toBe("required");
    expect(plan.options.stateKey).toBe(state());
    expect(plan.options.launch).toBe("abc");
    expect(plan.options.redirectUri).toBe("index.html");
    expect(plan.options.completeInTarget).toBe(true);
  });

  it("plans a standalone launch asking for launch/patient", () => {
    const plan = planLaunch("https://app.example/launch.html?iss=https://launch.smarthealthit.org/v/r4/sim/x/fhir", config, state);
    expect(plan.ok).toBe(true);
    expect(plan.ok && "launch" in plan.options).toBe(false);
    expect(plan.ok && plan.options.scope?.split(" ")).toEqual(expect.arrayContaining(["launch", "launch/patient"]));
  });
});

describe("launchScope", () => {
  it("adds launch even when launch/patient is present (fhirclient would drop it)", () => {
    expect(launchScope("launch/patient openid", false).split(" ")).toEqual(["launch/patient", "openid", "launch"]);
    expect(launchScope("launch", true).split(" ")).toEqual(["launch", "launch/patient"]);
  });
});
