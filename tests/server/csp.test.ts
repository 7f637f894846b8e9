import { describe, expect, it } from "vitest";
import type { AppConfig } from "../../src/fhir/configTypes";
import { buildCsp, cspOrigins, isLoopbackHost, LOOPBACK_SOURCES } from "../../server/serve";

const base: AppConfig = {
  clientId: "app",
  scope: "launch openid fhirUser patient/Patient.rs",
  servers: [
    { name: "EHR", issPrefix: "https://fhir.ehr.example.org/r4/", authOrigins: ["https://login.ehr.example.org"] },
    { name: "Sandbox", iss: "https://sandbox.example.com:8443/fhir", authOrigins: ["https://sandbox.example.com:8443/"] },
  ],
  frameAncestors: ["https://portal.ehr.example.org"],
};

/** Directive name → its source list. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe("cspOrigins", () => {
  it("takes the origin of iss, issPrefix and authOrigins, and frameAncestors", () => {
    expect(cspOrigins(base)).toEqual({
      connect: ["https://fhir.ehr.example.org", "https://login.ehr.example.org", "https://sandbox.example.com:8443"],
      frameAncestors: ["https://portal.ehr.example.org"],
      warnings: [],
    });
  });

  it("deduplicates origins that differ only in case, default port or trailing slash", () => {
    const config: AppConfig = {
      ...base,
      servers: [
        { name: "a", iss: "https://EHR.example.org/fhir", authOrigins: ["https://ehr.example.org:443", "https://ehr.example.org/"] },
        { name: "b", issPrefix: "https://ehr.example.org/other/" },
      ],
      frameAncestors: ["https://portal.example.org", "https://PORTAL.example.org/"],
    };
    const origins = cspOrigins(config);
    expect(origins.connect).toEqual(["https://ehr.example.org"]);
    expect(origins.frameAncestors).toEqual(["https://portal.example.org"]);
  });

  it("skips plain-http FHIR and auth origins off loopback unless the entry says allowHttp: true (as the app does)", () => {
    const config = {
      clientId: "app",
      scope: "launch",
      servers: [
        { name: "cleartext", issPrefix: "http://ehr.example.org/fhir/", authOrigins: ["http://login.example.org"] },
        { name: "lab", iss: "http://lab.example.org/fhir", authOrigins: ["http://auth.lab.example.org"], allowHttp: true },
        { name: "local", issPrefix: "http://127.0.0.1:9000/fhir/" },
      ],
    } as unknown as AppConfig;
    const origins = cspOrigins(config);
    expect(origins.connect).toEqual(["http://lab.example.org", "http://auth.lab.example.org", "http://127.0.0.1:9000"]);
    expect(origins.warnings).toHaveLength(2);
    expect(origins.warnings.join("\n")).toMatch(/allowHttp/);
  });

  it("skips malformed entries with one warning each and keeps the valid ones", () => {
    const config = {
      clientId: "app",
      scope: "launch",
      servers: [
        { name: "ftp", iss: "ftp://files.example.org/fhir" },
        { name: "relative", issPrefix: "/fhir/" },
        { name: "injection", iss: "https://a.example.org;script-src *" },
        { name: "wildcard", authOrigins: ["https://*.example.org", "javascript:alert(1)", 42, "https://ok.example.org"] },
        { name: "with path", authOrigins: ["https://auth.example.org/oauth2"] },
        { name: "creds", iss: "https://user:pw@creds.example.org/fhir" },
        { name: "not array", authOrigins: "https://x.example.org" },
        "not an object",
        { name: "good", iss: "http://fhir.internal.example:8080/fhir", allowHttp: true },
      ],
      frameAncestors: ["https://ehr.example.org", "'unsafe-inline'", "*", "https://ehr.example.org/path?q"],
    } as unknown as AppConfig; // deliberately malformed, as a hand-edited file could be
    const origins = cspOrigins(config);
    expect(origins.connect).toEqual(["https://ok.example.org", "http://fhir.internal.example:8080"]);
    expect(origins.frameAncestors).toEqual(["https://ehr.example.org"]);
    expect(origins.warnings).toHaveLength(13);
    expect(origins.warnings.every((w) => w.startsWith("smart-config.json: skipped"))).toBe(true);
    expect(origins.warnings.join("\n")).toContain("servers[0].iss");
    expect(origins.warnings.join("\n")).toContain("frameAncestors[3]");
  });

  it("warns when servers is not an array", () => {
    const origins = cspOrigins({ clientId: "a", scope: "launch" } as unknown as AppConfig);
    expect(origins.connect).toEqual([]);
    expect(origins.warnings).toHaveLength(1);
  });
});

describe("buildCsp", () => {
  it("builds the full policy from the configuration", () => {
    expect(buildCsp(base, { loopback: false })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "connect-src 'self' https://fhir.ehr.example.org https://login.ehr.example.org https://sandbox.example.com:8443; " +
        "frame-ancestors 'self' https://portal.ehr.example.org",
    );
  });

  it("adds loopback sources to connect-src and frame-ancestors only when asked", () => {
    const withLoopback = directives(buildCsp(base, { loopback: true }));
    const without = directives(buildCsp(base, { loopback: false }));
    for (const source of LOOPBACK_SOURCES) {
      expect(withLoopback.get("connect-src")).toContain(source);
      expect(withLoopback.get("frame-ancestors")).toContain(source);
    }
    const plain = buildCsp(base, { loopback: false });
    expect(plain).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
    expect(withLoopback.get("connect-src")!.length).toBe(without.get("connect-src")!.length + LOOPBACK_SOURCES.length);
  });

  it("never contains an IPv6 literal source (invalid CSP syntax; Chromium reports and ignores it)", () => {
    expect(buildCsp(base, { loopback: true })).not.toContain("[");
  });

  it("keeps scripts and styles to 'self' with no unsafe keywords", () => {
    const csp = buildCsp(base, { loopback: true });
    const map = directives(csp);
    expect(map.get("script-src")).toEqual(["'self'"]);
    expect(map.get("style-src")).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-(inline|eval|hashes)/);
  });

  it("always has exactly the ten directives, whatever the configuration holds", () => {
    const hostile = {
      clientId: "a",
      scope: "launch",
      servers: [{ name: "x", iss: "https://a.example.org; script-src 'unsafe-inline'", authOrigins: ["https://b.example.org;"] }],
      frameAncestors: ["https://c.example.org,https://d.example.org", "https://e.example.org 'unsafe-eval'"],
    } as unknown as AppConfig;
    const csp = buildCsp(hostile, { loopback: false });
    expect([...directives(csp).keys()]).toEqual([
      "default-src",
      "script-src",
      "style-src",
      "img-src",
      "font-src",
      "object-src",
      "base-uri",
      "form-action",
      "connect-src",
      "frame-ancestors",
    ]);
    expect(directives(csp).get("connect-src")).toEqual(["'self'"]);
    expect(directives(csp).get("frame-ancestors")).toEqual(["'self'"]);
  });

  it("derives the policy for the shipped public/smart-config.json", async () => {
    const { readFile } = await import("node:fs/promises");
    const shipped = JSON.parse(await readFile(new URL("../../public/smart-config.json", import.meta.url), "utf8")) as AppConfig;
    const map = directives(buildCsp(shipped, { loopback: false }));
    expect(cspOrigins(shipped).warnings).toEqual([]);
    expect(map.get("connect-src")!.length).toBeGreaterThan(1);
    expect(map.get("frame-ancestors")!.length).toBeGreaterThan(1);
  });
});

describe("isLoopbackHost", () => {
  it("accepts exactly the app's loopback names", () => {
    expect(["localhost", "LOCALHOST", "127.0.0.1", "[::1]", "::1"].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(["127.0.0.2", "localhost.example.org", "0.0.0.0", "example.org", ""].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
