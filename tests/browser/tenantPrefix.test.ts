/**
 * A FHIR host shared by tenants, with only tenant A allowed (`issPrefix` ending in tenant A's path), in
 * Chromium against the production build and server. Launches whose `iss` encodes a way out of the
 * prefix (dot segments raw, percent-encoded, double-encoded, backslashes, tabs, another loopback name…)
 * are refused on the launch page before any request leaves it, while a normal launch under the same
 * prefix reaches the panel with every FHIR request inside the prefix.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeLaunch } from "../../mocks/launchContext";
import { distWithConfig, panelStatus, startStack, type Stack } from "./stack";

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const NOW = new Date("2026-11-26T12:00:00Z");
/** Two tenants of the demo EHR: the `/sim/<code>/fhir` bases (codes are base64url JSON of launch options). */
const TENANT_A = encodeLaunch({});
const TENANT_B = encodeLaunch({ latencyMs: 1 });

let stack: Stack;
let removeCopy: (() => Promise<void>) | undefined;
let ehr: URL;
let prefix: string;

beforeAll(async () => {
  const copy = await distWithConfig((config) => ({ ...config, servers: [] }));
  removeCopy = copy.remove;
  stack = await startStack({ now: () => NOW, root: copy.root });
  ehr = new URL(stack.ehrUrl);
  prefix = `${ehr.origin}/sim/${TENANT_A}/`;
  // The EHR's port is known only now; the page reads the file at run time and the server follows edits.
  const file = join(copy.root, "smart-config.json");
  const { readFile } = await import("node:fs/promises");
  const config = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...config, servers: [{ name: "Tenant A", issPrefix: prefix }] }, null, 2));
});
afterAll(async () => {
  await stack?.close();
  await removeCopy?.();
});

/** Opens `launchUrl` in a fresh page and records every request (all frames) it makes. */
async function launch(launchUrl: string): Promise<{ page: Page; requests: URL[]; close: () => Promise<void> }> {
  const { page, context } = await stack.newPage({ now: NOW });
  const requests: URL[] = [];
  context.on("request", (r) => requests.push(new URL(r.url())));
  await page.goto(launchUrl);
  return { page, requests, close: () => context.close() };
}

/** Requests to the EHR's server under any loopback name. */
function toEhr(requests: URL[]): URL[] {
  return requests.filter((u) => u.port === ehr.port && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname));
}

describe("tenant prefix on a shared FHIR host (Chromium)", () => {
  it("a normal launch under the prefix works, and every FHIR request stays inside it", async () => {
    const iss = `${prefix}fhir`;
    const { page, requests, close } = await launch(`${stack.appUrl}/launch.html?${new URLSearchParams({ iss, launch: encodeLaunch({ patient: TREY }) }).toString()}`);
    expect(["ready", "partial"]).toContain(await panelStatus(page));
    const ehrRequests = toEhr(requests);
    expect(ehrRequests.some((u) => u.pathname.endsWith("/Condition"))).toBe(true);
    for (const u of ehrRequests) {
      // The authorization endpoint is the EHR's own (/auth/…); every FHIR and discovery request is the tenant's.
      expect(u.pathname.startsWith(`/sim/${TENANT_A}/`) || u.pathname.startsWith("/auth/"), u.pathname).toBe(true);
    }
    await close();
  });

  const A = () => `${ehr.origin}/sim/${TENANT_A}`;
  const B = `sim/${TENANT_B}/fhir`;
  const hostile: [string, () => string][] = [
    ["raw dot segments", () => `${A()}/../../${B}`],
    ["raw dot segments to the host's default base", () => `${A()}/../../fhir`],
    ["percent-encoded dots", () => `${A()}/%2e%2e/%2e%2e/${B}`],
    ["percent-encoded dots, upper case", () => `${A()}/%2E%2E/%2E%2E/${B}`],
    ["half-encoded dots", () => `${A()}/.%2e/%2e./${B}`],
    ["double-encoded dots", () => `${A()}/%252e%252e/%252e%252e/${B}`],
    ["encoded slashes", () => `${A()}/..%2f..%2f${B}`],
    ["backslashes", () => `${A()}\\..\\..\\${B}`],
    ["tab inside dot segments", () => `${A()}/.\t./.\t./${B}`],
    ["newline inside dot segments", () => `${A()}/.\n./.\n./${B}`],
    ["query", () => `${A()}/fhir?/../../${B}`],
    ["fragment", () => `${A()}/fhir#/../../${B}`],
    ["userinfo", () => `http://user@${ehr.host}/sim/${TENANT_A}/fhir`],
    ["another tenant, plainly", () => `${ehr.origin}/${B}`],
    ["another loopback name for the same host", () => `http://localhost:${ehr.port}/${B}`],
    ["an IPv4 shorthand for the same host", () => `http://127.1:${ehr.port}/${B}`],
    ["upper-case host", () => `http://LOCALHOST:${ehr.port}/sim/${TENANT_A}/fhir`],
  ];

  it.each(hostile)("refuses %s before any request reaches the EHR", async (_what, make) => {
    const query = new URLSearchParams({ iss: make(), launch: encodeLaunch({ patient: TREY }) }).toString();
    const { page, requests, close } = await launch(`${stack.appUrl}/launch.html?${query}`);
    expect(await panelStatus(page)).toBe("error");
    expect(await page.locator("body").innerText()).toMatch(/not on its list of allowed servers/);
    expect(new URL(page.url()).origin).toBe(stack.appUrl);
    expect(toEhr(requests).map((u) => u.href)).toEqual([]);
    await close();
  });

  it.each([
    ["percent-encoded dots left undecoded in the query", () => `iss=${A()}/%2e%2e/%2e%2e/${B}`],
    ["double-encoded dots left in the query", () => `iss=${A()}/%252e%252e/%252e%252e/${B}`],
    ["a second iss after an allowed one", () => `iss=${encodeURIComponent(`${A()}/fhir`)}&iss=${encodeURIComponent(`${ehr.origin}/${B}`)}&clientId=other`],
  ] as [string, () => string][])("with the query written by hand: %s", async (_what, make) => {
    const { page, requests, close } = await launch(`${stack.appUrl}/launch.html?${make()}&launch=${encodeLaunch({ patient: TREY })}`);
    const status = await panelStatus(page);
    for (const u of toEhr(requests)) {
      expect(u.pathname.startsWith(`/sim/${TENANT_A}/`) || u.pathname.startsWith("/auth/"), u.pathname).toBe(true);
    }
    expect(["error", "ready", "partial"]).toContain(status);
    await close();
  });
});
