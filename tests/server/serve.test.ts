import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildCsp, startStaticServer, type StaticServer } from "../../server/serve";
import {
  ASSET_JS,
  createDistFixture,
  INDEX_HTML,
  LAUNCH_HTML,
  rawRequest,
  recordingLogger,
  SECRET,
  TEST_CONFIG,
  type Fixture,
} from "./serverFixture";

/** What every response gets unless the loopback relaxations were switched on explicitly. */
const PLAIN_CSP = buildCsp(TEST_CONFIG, { loopback: false });

function directive(csp: string | null | undefined, name: string): string[] {
  const part = (csp ?? "").split(";").map((p) => p.trim().split(/\s+/)).find((p) => p[0] === name);
  return part ? part.slice(1) : [];
}

const SECURITY_HEADERS = {
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

function expectSecurityHeaders(headers: Headers, csp: string): void {
  expect(headers.get("content-security-policy")).toBe(csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers.get(name)).toBe(value);
  expect(headers.get("x-frame-options")).toBeNull();
  expect(headers.get("cross-origin-opener-policy")).toBeNull();
}

describe("static server on 127.0.0.1 (config read from <root>/smart-config.json)", () => {
  let fixture: Fixture;
  let server: StaticServer;
  const log = recordingLogger();

  beforeAll(async () => {
    fixture = await createDistFixture();
    server = await startStaticServer({ root: fixture.root, port: 0, logger: log.logger, accessLog: true });
  });
  afterAll(async () => {
    await server.close();
    await fixture.cleanup();
  });

  it("reports a 127.0.0.1 URL with the chosen port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  const cases = [
    { path: "/", body: INDEX_HTML, type: "text/html; charset=utf-8", cache: "no-store" },
    { path: "/index.html", body: INDEX_HTML, type: "text/html; charset=utf-8", cache: "no-store" },
    { path: "/launch.html", body: LAUNCH_HTML, type: "text/html; charset=utf-8", cache: "no-store" },
    { path: "/assets/index-abc123.js", body: ASSET_JS, type: "text/javascript; charset=utf-8", cache: "public, max-age=31536000, immutable" },
    { path: "/smart-config.json", body: JSON.stringify(TEST_CONFIG, null, 2), type: "application/json; charset=utf-8", cache: "no-store" },
  ];
  for (const c of cases) {
    it(`serves ${c.path} with its content, type, cache policy and every security header`, async () => {
      const res = await fetch(server.url + c.path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(c.body);
      expect(res.headers.get("content-type")).toBe(c.type);
      expect(res.headers.get("cache-control")).toBe(c.cache);
      expectSecurityHeaders(res.headers, PLAIN_CSP);
    });
  }

  it("gives other kinds of files their Content-Type and a revalidate cache policy", async () => {
    const css = await fetch(`${server.url}/assets/style-1.css`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const ico = await fetch(`${server.url}/favicon.ico`);
    expect(ico.headers.get("content-type")).toBe("image/x-icon");
    expect(ico.headers.get("cache-control")).toBe("no-cache");
    const txt = await fetch(`${server.url}/robots.txt`);
    expect(txt.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("puts the configured FHIR and auth origins in connect-src and the EHR in frame-ancestors", async () => {
    const csp = (await fetch(`${server.url}/launch.html`)).headers.get("content-security-policy");
    const connect = directive(csp, "connect-src");
    expect(connect).toEqual(expect.arrayContaining(["'self'", "https://fhir.ehr.example.org", "https://auth.ehr.example.org", "https://other-fhir.example.net"]));
    expect(directive(csp, "frame-ancestors")).toEqual(expect.arrayContaining(["'self'", "https://portal.ehr.example.org"]));
    expect(directive(csp, "script-src")).toEqual(["'self'"]);
    expect(csp).not.toContain("unsafe-inline");
  });

  it("never infers the loopback relaxations from the Host header (a proxy may forward Host: 127.0.0.1)", async () => {
    for (const host of [undefined, "127.0.0.1", "localhost:8080", "[::1]:9", "smart-app.example.org"]) {
      const res = await rawRequest(server.url, "/launch.html", host ? { host } : {});
      expect(res.status).toBe(200);
      expect(res.headers["content-security-policy"], String(host)).toBe(PLAIN_CSP);
      expect(String(res.headers["content-security-policy"])).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it("ignores the query string when finding the file", async () => {
    const res = await fetch(`${server.url}/index.html?code=abc&state=xyz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
  });

  const traversals = [
    "/../secret.txt",
    "/../package.json",
    "/%2e%2e/secret.txt",
    "/%2E%2E/%2e%2e/etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/assets/../../secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/assets/%00",
    "/index.html%00.js",
    "/./index.html",
    "/%E0%A4%A",
  ];
  for (const target of traversals) {
    it(`refuses ${target} with 400`, async () => {
      const res = await rawRequest(server.url, target);
      expect(res.status).toBe(400);
      expect(res.body).not.toContain(SECRET);
      expect(res.headers["content-security-policy"]).toBe(PLAIN_CSP);
      expect(res.headers["cache-control"]).toBe("no-store");
    });
  }

  it("refuses an absolute-form request target", async () => {
    const res = await rawRequest(server.url, "http://evil.example.org/index.html");
    expect(res.status).toBe(400);
  });

  it("does not follow a symlink out of root, nor serve dot files", async () => {
    for (const target of ["/assets/outside.txt", "/.env"]) {
      const res = await rawRequest(server.url, target);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it("answers 404 with the security headers for a missing file and for directories (no listing)", async () => {
    for (const target of ["/missing.html", "/assets/", "/assets", "/assets/nope.js"]) {
      const res = await fetch(server.url + target);
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).not.toContain("index-abc123.js");
      expectSecurityHeaders(res.headers, PLAIN_CSP);
    }
  });

  it("answers 405 with Allow for methods other than GET and HEAD", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const res = await fetch(`${server.url}/index.html`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      expectSecurityHeaders(res.headers, PLAIN_CSP);
    }
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await rawRequest(server.url, "/index.html", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect(res.headers["content-security-policy"]).toBe(PLAIN_CSP);
  });

  it("logs method, path and status but never a query string", async () => {
    await fetch(`${server.url}/launch.html?iss=https%3A%2F%2Ffhir.ehr.example.org%2Fr4%2F&launch=SECRETLAUNCH`);
    await fetch(`${server.url}/index.html?code=SECRETCODE&state=SECRETSTATE`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.info).toContain("GET /launch.html 200");
    expect(log.info).toContain("GET /index.html 200");
    expect(log.info.join("\n")).not.toMatch(/SECRET|\?|code=|state=|launch=|iss=/);
  });

  it("re-reads smart-config.json when it changes, so the CSP follows the deployed configuration", async () => {
    const updated = { ...TEST_CONFIG, frameAncestors: ["https://new-portal.example.org"] };
    await writeFile(path.join(fixture.root, "smart-config.json"), JSON.stringify(updated));
    const res = await fetch(`${server.url}/index.html`);
    expect(directive(res.headers.get("content-security-policy"), "frame-ancestors")).toContain("https://new-portal.example.org");
    expect(res.headers.get("content-security-policy")).not.toContain("https://portal.ehr.example.org");

    // A broken edit keeps the last good policy and is reported.
    await writeFile(path.join(fixture.root, "smart-config.json"), "{ not json");
    const after = await fetch(`${server.url}/index.html`);
    expect(after.headers.get("content-security-policy")).toBe(buildCsp(updated, { loopback: false }));
    expect(log.warn.some((w) => w.includes("invalid JSON"))).toBe(true);
    await writeFile(path.join(fixture.root, "smart-config.json"), JSON.stringify(TEST_CONFIG, null, 2));
  });
});

describe("static server options", () => {
  it("loopbackCsp: true (the demo and the browser tests) adds the loopback sources to every response, whatever the Host", async () => {
    const fixture = await createDistFixture();
    const server = await startStaticServer({ root: fixture.root, loopbackCsp: true, logger: recordingLogger().logger });
    try {
      for (const host of [undefined, "smart-app.example.org", "127.0.0.1"]) {
        const res = await rawRequest(server.url, "/launch.html", host ? { host } : {});
        const csp = String(res.headers["content-security-policy"]);
        expect(csp).toBe(buildCsp(TEST_CONFIG, { loopback: true }));
        expect(directive(csp, "connect-src")).toEqual(expect.arrayContaining(["http://localhost:*", "http://127.0.0.1:*"]));
        expect(directive(csp, "frame-ancestors")).toEqual(expect.arrayContaining(["http://localhost:*", "http://127.0.0.1:*"]));
      }
    } finally {
      await server.close();
      await fixture.cleanup();
    }
  });

  it("uses an explicit config and honours loopbackCsp: false", async () => {
    const fixture = await createDistFixture({ clientId: "unused", scope: "launch", servers: [] });
    const config = { ...TEST_CONFIG, frameAncestors: ["https://explicit.example.org"] };
    const server = await startStaticServer({ root: fixture.root, config, loopbackCsp: false, logger: recordingLogger().logger });
    try {
      const res = await fetch(`${server.url}/`);
      expect(res.headers.get("content-security-policy")).toBe(buildCsp(config, { loopback: false }));
    } finally {
      await server.close();
      await fixture.cleanup();
    }
  });

  it("skips malformed configuration entries with a start-up warning and serves the valid ones", async () => {
    const config = {
      clientId: "c",
      scope: "launch",
      servers: [
        { name: "bad scheme", iss: "ftp://fhir.example.org/r4" },
        { name: "injection", issPrefix: "https://x.example.org;script-src/" },
        { name: "good", issPrefix: "https://good.example.org/fhir/", authOrigins: ["not a url", "https://auth.good.example.org"] },
      ],
      frameAncestors: ["*", "https://ehr.example.org"],
    };
    const fixture = await createDistFixture(config);
    const log = recordingLogger();
    const server = await startStaticServer({ root: fixture.root, logger: log.logger });
    try {
      expect(log.warn).toHaveLength(4);
      const csp = (await fetch(`${server.url}/`)).headers.get("content-security-policy");
      expect(directive(csp, "connect-src").filter((s) => s.startsWith("https:"))).toEqual(["https://good.example.org", "https://auth.good.example.org"]);
      expect(directive(csp, "frame-ancestors").filter((s) => s.startsWith("https:") || s === "*")).toEqual(["https://ehr.example.org"]);
      expect(csp).not.toMatch(/ftp:|x\.example\.org|not a url/);
    } finally {
      await server.close();
      await fixture.cleanup();
    }
  });

  it("refuses to start without a readable, valid smart-config.json or root", async () => {
    const broken = await createDistFixture("{ broken");
    const noServers = await createDistFixture({ clientId: "c", scope: "launch" });
    const noClient = await createDistFixture({ scope: "launch", servers: [] });
    try {
      // The same check the pages make: a configuration they would refuse is not served.
      await expect(startStaticServer({ root: noClient.root, logger: recordingLogger().logger })).rejects.toThrow(/clientId/);
      await expect(startStaticServer({ root: broken.root, logger: recordingLogger().logger })).rejects.toThrow(/invalid JSON/);
      await expect(startStaticServer({ root: noServers.root, logger: recordingLogger().logger })).rejects.toThrow(/servers/);
      await expect(startStaticServer({ root: path.join(broken.dir, "nope") })).rejects.toThrow(/does not exist/);
    } finally {
      await broken.cleanup();
      await noServers.cleanup();
      await noClient.cleanup();
    }
  });

  it("stops accepting connections after close()", async () => {
    const fixture = await createDistFixture();
    const server = await startStaticServer({ root: fixture.root, logger: recordingLogger().logger });
    const keepAlive = await fetch(`${server.url}/`);
    expect(keepAlive.status).toBe(200);
    await server.close();
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
    await fixture.cleanup();
  });
});
