import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { findServer, parseConfig } from "../../src/fhir/config";
import { planLaunch } from "../../src/fhir/launch";

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

/** A host shared by tenants: only tenant-a is allowed; tenant-b (and the rest of the host) must stay out of reach. */
const TENANT_PREFIX = "https://ehr.example/tenant-a/";
const tenants = parseConfig({ clientId: "app", scope: "launch", servers: [{ name: "Tenant A", issPrefix: TENANT_PREFIX }] });
const PAGE = "https://app.example.org/launch.html";

describe("hostile iss encodings under an allowed tenant prefix", () => {
  it("a plain iss inside the prefix is allowed (control)", () => {
    expect(findServer(tenants, "https://ehr.example/tenant-a/fhir", PAGE)?.name).toBe("Tenant A");
    expect(findServer(tenants, "https://ehr.example/tenant-a/fhir/", PAGE)?.name).toBe("Tenant A");
    expect(findServer(tenants, "https://ehr.example/tenant-a", PAGE)?.name).toBe("Tenant A");
  });

  it.each([
    ["raw dot segments", "https://ehr.example/tenant-a/../tenant-b/fhir"],
    ["raw dot segment at the end", "https://ehr.example/tenant-a/fhir/.."],
    ["single dot", "https://ehr.example/tenant-a/./fhir"],
    ["percent-encoded dots", "https://ehr.example/tenant-a/%2e%2e/tenant-b/fhir"],
    ["percent-encoded dots, mixed case", "https://ehr.example/tenant-a/%2E%2e/tenant-b/fhir"],
    ["half-encoded dots", "https://ehr.example/tenant-a/.%2E/tenant-b/fhir"],
    ["double-encoded dots", "https://ehr.example/tenant-a/%252e%252e/tenant-b/fhir"],
    ["triple-encoded dots", "https://ehr.example/tenant-a/%25252e%25252e/tenant-b/fhir"],
    ["encoded slash", "https://ehr.example/tenant-a/..%2ftenant-b/fhir"],
    ["double-encoded slash", "https://ehr.example/tenant-a/..%252Ftenant-b/fhir"],
    ["encoded backslash", "https://ehr.example/tenant-a/..%5ctenant-b/fhir"],
    ["backslash separators", "https://ehr.example/tenant-a\\..\\tenant-b/fhir"],
    ["backslash after the prefix", "https://ehr.example/tenant-a/..\\tenant-b/fhir"],
    ["matrix parameter on a dot segment", "https://ehr.example/tenant-a/..;x=1/tenant-b/fhir"],
    ["encoded semicolon on a dot segment", "https://ehr.example/tenant-a/..%3b/tenant-b/fhir"],
    ["overlong UTF-8 dots", "https://ehr.example/tenant-a/%c0%ae%c0%ae/tenant-b/fhir"],
    ["full-width dots", "https://ehr.example/tenant-a/\uff0e\uff0e/tenant-b/fhir"],
    ["encoded NUL", "https://ehr.example/tenant-a/fhir%00/x"],
    ["tab inside a dot segment (the parser drops it)", "https://ehr.example/tenant-a/.\t./tenant-b/fhir"],
    ["newline inside a dot segment", "https://ehr.example/tenant-a/.\n./tenant-b/fhir"],
    ["space", "https://ehr.example/tenant-a/f hir"],
    ["encoded space", "https://ehr.example/tenant-a/fhir%20"],
    ["query", "https://ehr.example/tenant-a/fhir?x=../../tenant-b"],
    ["empty query", "https://ehr.example/tenant-a/fhir?"],
    ["fragment", "https://ehr.example/tenant-a/fhir#/../../tenant-b"],
    ["userinfo", "https://user@ehr.example/tenant-a/fhir"],
    ["userinfo hiding another host", "https://ehr.example@evil.example/tenant-a/fhir"],
    ["empty segment", "https://ehr.example/tenant-a//fhir"],
    ["upper-case host", "https://EHR.example/tenant-a/fhir"],
    ["upper-case scheme", "HTTPS://ehr.example/tenant-a/fhir"],
    ["default port written out", "https://ehr.example:443/tenant-a/fhir"],
    ["other port", "https://ehr.example:8443/tenant-a/fhir"],
    ["trailing dot on the host", "https://ehr.example./tenant-a/fhir"],
    ["look-alike tenant", "https://ehr.example/tenant-ab/fhir"],
    ["plain http", "http://ehr.example/tenant-a/fhir"],
    ["control character", "https://ehr.example/tenant-a/fhir\u0007"],
  ])("refuses %s", (_what, iss) => {
    expect(findServer(tenants, iss, PAGE)).toBeUndefined();
    const plan = planLaunch(`https://app.example.org/launch.html?${new URLSearchParams({ iss, launch: "x" }).toString()}`, tenants, () => "s");
    expect(plan.ok).toBe(false);
  });

  it("the loopback rule does not bypass it: loopback iss are canonical, and a listed loopback origin obeys its entries", () => {
    const loopPage = "http://127.0.0.1:4000/launch.html";
    const local = parseConfig({ clientId: "a", scope: "launch", servers: [{ issPrefix: "http://127.0.0.1:4010/tenant-a/" }] });
    expect(findServer(local, "http://127.0.0.1:4010/tenant-a/fhir", loopPage)).toBeDefined();
    for (const iss of [
      "http://127.0.0.1:4010/tenant-a/../fhir",
      "http://127.0.0.1:4010/tenant-a/%2e%2e/fhir",
      "http://127.0.0.1:4010/fhir",
      "http://2130706433:4010/fhir",
      "http://127.1:4010/fhir",
      "http://LOCALHOST:4010/fhir",
      // Another loopback name for the same port is the same server.
      "http://localhost:4010/fhir",
      "http://[::1]:4010/fhir",
    ]) {
      expect(findServer(local, iss, loopPage), iss).toBeUndefined();
    }
    // An unlisted loopback origin keeps the loopback rule (demo EHR, local tests).
    expect(findServer(local, "http://127.0.0.1:4020/fhir", loopPage)).toBeDefined();
  });
});

describe("allowed implies canonical and inside the prefix (property)", () => {
  const often = <T,>(usual: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: others, weight: 1 });
  const scheme = often("https://", fc.constantFrom("http://", "HTTPS://", "https:/", "https:\\\\"));
  const host = often("ehr.example", fc.constantFrom("EHR.example", "ehr.example.", "ehr.example:443", "ehr.example:8443", "evil.example", "ehr.example.evil.example", "u@ehr.example", "ehr.example@evil.example"));
  const segment = fc.oneof(
    fc.constantFrom("tenant-a", "tenant-a", "tenant-b", "fhir", "R4", ".", "..", "%2e", "%2E%2e", ".%2e", "%252e%252e", "%2f", "%5c", "..%2f", "..;", "a;b", "", " ", "\t", ".\t.", "%00", "%20", "?", "#", "x?y", "x#y", "\\", "..\\x", "%c0%ae", "\uff0e\uff0e"),
    fc.string({ maxLength: 6 }),
  );
  const iss = fc
    .tuple(scheme, host, often("tenant-a", segment), fc.array(segment, { maxLength: 6 }), fc.constantFrom("", "/", "//", "\\"))
    .map(([s, h, first, segs, tail]) => `${s}${h}/${[first, ...segs].join("/")}${tail}`);
  const prefixPath = new URL(TENANT_PREFIX).pathname;

  it("whatever the iss, an allowed one is canonical, resolves inside the prefix, and so does its discovery URL", () => {
    let allowed = 0;
    fc.assert(
      fc.property(iss, (candidate) => {
        const plan = planLaunch(`${PAGE}?${new URLSearchParams({ iss: candidate }).toString()}`, tenants, () => "s");
        if (!plan.ok) return;
        allowed++;
        const used = plan.options.iss ?? "";
        const url = new URL(used);
        expect([used, used + "/"]).toContain(url.href);
        expect(url.origin).toBe(new URL(TENANT_PREFIX).origin);
        expect((url.pathname + "/").startsWith(prefixPath)).toBe(true);
        // What fhirclient requests first, resolved as the browser will.
        const discovery = new URL(used.replace(/\/*$/, "/") + ".well-known/smart-configuration");
        expect(discovery.pathname.startsWith(prefixPath)).toBe(true);
        // No segment is a dot segment however often it is decoded.
        for (let seg of url.pathname.split("/")) {
          for (let round = 0; round < 4 && seg.includes("%"); round++) seg = decodeURIComponent(seg);
          expect([".", ".."]).not.toContain(seg.split(";")[0]);
        }
      }),
      { numRuns: 3000 },
    );
    // The generator does reach the allowed side (the property is not vacuous).
    expect(allowed).toBeGreaterThan(50);
  });
});

describe("plain http only on loopback, or where a server entry says allowHttp", () => {
  const remotePage = "https://app.example.org/launch.html";

  it("refuses a non-loopback http iss that an entry lists without allowHttp", () => {
    const cfg = parseConfig({
      clientId: "a",
      scope: "launch",
      servers: [{ name: "cleartext", issPrefix: "http://ehr.example/fhir/" }, { name: "exact", iss: "http://ehr2.example/fhir" }],
    });
    expect(findServer(cfg, "http://ehr.example/fhir/r4", remotePage)).toBeUndefined();
    expect(findServer(cfg, "http://ehr2.example/fhir", remotePage)).toBeUndefined();
  });

  it("accepts it when the entry says allowHttp: true, and only for that entry", () => {
    const cfg = parseConfig({
      clientId: "a",
      scope: "launch",
      servers: [
        { name: "lab", issPrefix: "http://ehr.example/fhir/", allowHttp: true },
        { name: "other", issPrefix: "http://other.example/fhir/" },
      ],
    });
    expect(findServer(cfg, "http://ehr.example/fhir/r4", remotePage)?.name).toBe("lab");
    expect(findServer(cfg, "http://other.example/fhir/r4", remotePage)).toBeUndefined();
    // "allowHttp": "yes" is not an explicit true.
    const loose = parseConfig({ clientId: "a", scope: "launch", servers: [{ issPrefix: "http://ehr.example/fhir/", allowHttp: "yes" }] });
    expect(findServer(loose, "http://ehr.example/fhir/r4", remotePage)).toBeUndefined();
  });

  it("https and loopback http need no flag", () => {
    const cfg = parseConfig({
      clientId: "a",
      scope: "launch",
      servers: [{ issPrefix: "https://ehr.example/fhir/" }, { issPrefix: "http://localhost:9000/fhir/" }],
    });
    expect(findServer(cfg, "https://ehr.example/fhir/r4", remotePage)).toBeDefined();
    expect(findServer(cfg, "http://localhost:9000/fhir/r4", remotePage)).toBeDefined();
  });
});
