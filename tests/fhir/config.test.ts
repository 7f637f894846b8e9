import { describe, expect, it } from "vitest";
import { findServer, parseConfig } from "../../src/fhir/config";
import { readFileSync } from "node:fs";

const base = {
  clientId: "app",
  scope: "launch patient/*.rs",
  servers: [
    { name: "Sandbox", issPrefix: "https://launch.smarthealthit.org/v/r4/" },
    { name: "Epic", iss: "https://fhir.epic.example/api/FHIR/R4/" },
  ],
};

describe("parseConfig", () => {
  it("reads the shipped public/smart-config.json", () => {
    const cfg = parseConfig(JSON.parse(readFileSync("public/smart-config.json", "utf8")));
    expect(cfg.clientId).toBe("night-leg-cramps");
    expect(cfg.scope.split(" ")).toContain("launch");
    expect(cfg.servers).toHaveLength(1);
  });

  it("refuses a configuration without clientId or scope", () => {
    expect(() => parseConfig({ scope: "launch" })).toThrow(/clientId/);
    expect(() => parseConfig({ clientId: "x" })).toThrow(/scope/);
    expect(() => parseConfig("nope")).toThrow(/JSON object/);
  });

  it("drops server entries whose prefix lacks a path slash or whose URL is not http(s)", () => {
    const cfg = parseConfig({
      ...base,
      servers: [{ issPrefix: "https://ehr.example.org" }, { iss: "javascript:alert(1)" }, { iss: "https://ok.example/fhir" }],
    });
    expect(cfg.servers.map((s) => s.iss ?? s.issPrefix)).toEqual(["https://ok.example/fhir"]);
  });
});

describe("findServer (allowlist and loopback rule)", () => {
  const cfg = parseConfig(base);
  const remotePage = "https://app.example.org/launch.html";
  const loopPage = "http://localhost:4000/launch.html";

  it("accepts a listed iss exactly or by prefix, ignoring a trailing slash", () => {
    expect(findServer(cfg, "https://launch.smarthealthit.org/v/r4/fhir", remotePage)?.name).toBe("Sandbox");
    expect(findServer(cfg, "https://launch.smarthealthit.org/v/r4/sim/abc/fhir", remotePage)?.name).toBe("Sandbox");
    expect(findServer(cfg, "https://fhir.epic.example/api/FHIR/R4", remotePage)?.name).toBe("Epic");
  });

  it("refuses look-alike hosts and paths", () => {
    expect(findServer(cfg, "https://launch.smarthealthit.org.evil.com/v/r4/fhir", remotePage)).toBeUndefined();
    expect(findServer(cfg, "https://launch.smarthealthit.org/v/r3/fhir", remotePage)).toBeUndefined();
    expect(findServer(cfg, "https://user:pw@launch.smarthealthit.org/v/r4/fhir", remotePage)).toBeUndefined();
    expect(findServer(cfg, "not a url", remotePage)).toBeUndefined();
    expect(findServer(cfg, "https://fhir.epic.example/api/FHIR/R4/other", remotePage)).toBeUndefined();
  });

  it("accepts loopback FHIR servers only when the page itself is on loopback", () => {
    for (const iss of ["http://127.0.0.1:4010/fhir", "http://localhost:9/fhir", "http://[::1]:8080/fhir"]) {
      expect(findServer(cfg, iss, loopPage)).toBeDefined();
      expect(findServer(cfg, iss, "http://127.0.0.1:5173/launch.html")).toBeDefined();
      expect(findServer(cfg, iss, remotePage)).toBeUndefined();
    }
    expect(findServer(cfg, "https://evil.example/fhir", loopPage)).toBeUndefined();
  });
});
