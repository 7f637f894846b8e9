/**
 * The token exchange on the app's server, in Chromium, on the built app: the demo EHR's token endpoint
 * sends no CORS headers and accepts only the app's registered confidential client (a signed JWT checked
 * against the app's /.well-known/jwks.json, or a client secret). The panel reaches the same findings as a
 * public-client launch of the same patient; the browser never calls the token endpoint nor the EHR's
 * FHIR API; no token is readable from page script or storage; failures are worded.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simFhirBase } from "../../mocks/launchContext";
import { MemoryStore } from "../../node/store";
import { ASYMMETRIC_CLIENT, demoCredentials, serverExchangeDemo, SYMMETRIC_CLIENT } from "../../scripts/serverExchangeDemo";
import { WatchedStore } from "../server/exchange/harness";
import { distWithConfig, panelStatus, readFindings, startStack, type Stack } from "./stack";

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const NOW = new Date("2026-11-26T12:00:00Z");

let stack: Stack;
let dist: { root: string; remove: () => Promise<void> };
let bases: { jwt: string; secret: string; refused: string };
const store = new WatchedStore(new MemoryStore());

beforeAll(async () => {
  dist = await distWithConfig((c) => c);
  const credentials = await demoCredentials();
  stack = await startStack({
    root: dist.root,
    now: () => NOW,
    exchange: { clientKey: credentials.clientKey, secrets: new Map([[SYMMETRIC_CLIENT, credentials.secret]]), store },
    // The EHR registers the app's confidential clients (their JWKS URL is on the app), and one whose JWKS URL has no key of the app's.
    ehr: (appUrl) => ({
      confidentialClients: {
        [ASYMMETRIC_CLIENT]: { auth: "private_key_jwt", jwksUrl: `${appUrl}/.well-known/jwks.json` },
        [SYMMETRIC_CLIENT]: { auth: "client_secret_post", secret: credentials.secret },
        "nlc-refused": { auth: "private_key_jwt", jwksUrl: `${appUrl}/no-such-jwks.json` },
      },
    }),
  });
  const demo = await serverExchangeDemo(stack.ehrUrl, stack.appUrl, credentials);
  bases = { jwt: demo.launches[0]!.fhirBase, secret: demo.launches[1]!.fhirBase, refused: simFhirBase(stack.ehrUrl, { refuseCors: "token", requireClient: "nlc-refused" }) };
  const config = JSON.parse(await readFile(join(dist.root, "smart-config.json"), "utf8")) as { servers: unknown[] };
  config.servers = [
    ...demo.servers,
    { name: "Refusing EHR", iss: bases.refused, clientId: "nlc-refused", tokenExchange: "server" },
    ...config.servers,
    { name: "Demo EHR", issPrefix: `${stack.ehrUrl}/` },
  ];
  await writeFile(join(dist.root, "smart-config.json"), JSON.stringify(config));
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await dist?.remove();
});


async function storageText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage }, cookie: document.cookie }));
}

describe("the token exchange on the app's server", () => {
  it("confidential-asymmetric, token endpoint without CORS: the same findings as a public launch; the browser never calls the token endpoint; no token in page storage", async () => {
    const publicRun = await stack.newPage({ now: NOW });
    await publicRun.page.goto(stack.launchUrl({ patient: TREY }));
    expect(await panelStatus(publicRun.page, 30000)).toBe("ready");
    const expected = await readFindings(publicRun.page);
    // A browser session ends with its tab: nothing to sign out of on the app's server.
    expect(await publicRun.page.locator('[data-action="sign-out"]').count()).toBe(0);
    await publicRun.context.close();

    const { page, context } = await stack.newPage({ now: NOW });
    const requests: string[] = [];
    const bodies: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("response", (r) => {
      void r.text().then((t) => bodies.push(`${r.url()} ${JSON.stringify(r.headers())} ${t}`), () => undefined);
    });
    await page.goto(stack.launchUrl({ patient: TREY }, bases.jwt));
    const status = await panelStatus(page, 30000);
    expect(status, await page.locator("body").innerText()).toBe("ready");
    expect(await readFindings(page)).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(0);

    const ehrOrigin = new URL(stack.ehrUrl).origin;
    expect(requests.filter((u) => u.includes("/auth/token"))).toEqual([]);
    // The only request to the EHR is the sign-in page the browser is sent to: no token, no FHIR read.
    expect(requests.filter((u) => u.startsWith(ehrOrigin) && !new URL(u).pathname.startsWith("/auth/authorize"))).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${stack.appUrl}/smart/fhir/`))).toBe(true);

    const storage = await storageText(page);
    expect(storage).not.toMatch(/access_token|refresh_token|tokenResponse/);
    expect(await page.evaluate(() => document.cookie)).toBe("");
    const tokens = store.tokens();
    expect(tokens.length).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    const seen = [storage, ...bodies, page.url(), await page.content()].join("\n");
    for (const token of tokens) expect(seen).not.toContain(token);
    const cookies = await context.cookies();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie.httpOnly).toBe(true);

    // A reload finds the session again (its handle is in this history entry, not the address).
    expect(new URL(page.url()).search).toBe("");
    await page.reload();
    const reloaded = await panelStatus(page, 30000);
    expect(reloaded, await page.locator("body").innerText()).toBe("ready");

    // The session cookie gone (expired, ended): the panel says the session ended; nothing is claimed absent.
    await context.clearCookies();
    await page.reload();
    expect(await panelStatus(page, 30000)).toBe("error");
    expect(await page.locator("body").innerText()).toMatch(/session with the EHR has ended/);
    expect(await page.locator("[data-cause]").count()).toBe(0);
    await context.close();
  });

  it("confidential-symmetric (client_secret_post): the panel is ready; Sign out ends the session on the server and takes the patient off the screen", async () => {
    const { page, context } = await stack.newPage({ now: NOW });
    await page.goto(stack.launchUrl({ patient: TREY }, bases.secret));
    expect(await panelStatus(page, 30000)).toBe("ready");
    expect(await page.locator("[data-cause]").count()).toBeGreaterThan(0);
    const handle = await page.evaluate(() => (window.history.state as Record<string, string> | null)?.nlcServerSession);
    expect(handle).toBeTruthy();
    const ended = page.waitForResponse((r) => r.url().includes(`/smart/logout/${handle}`));
    await page.click('[data-action="sign-out"]');
    expect((await ended).status()).toBe(204);
    expect(await panelStatus(page, 30000)).toBe("error");
    expect(await page.locator("body").innerText()).toMatch(/You signed out/);
    expect(await page.locator("[data-cause]").count()).toBe(0);
    // The server ended it: the session's context and its FHIR path refuse this browser from now on.
    const after = await page.evaluate(async (h) => (await fetch(`smart/session/${h}`, { credentials: "same-origin" })).status, handle);
    expect(after).toBe(401);
    await page.reload();
    expect(await panelStatus(page, 30000)).toBe("error");
    expect(await page.locator("body").innerText()).toMatch(/session with the EHR has ended/);
    await context.close();
  });

  it("an assertion the EHR refuses: a clear message, no finding", async () => {
    const { page, context } = await stack.newPage({ now: NOW });
    await page.goto(stack.launchUrl({ patient: TREY }, bases.refused));
    expect(await panelStatus(page, 30000)).toBe("error");
    expect(await page.locator("body").innerText()).toMatch(/refused this app's credentials/);
    expect(await page.locator("[data-cause]").count()).toBe(0);
    await context.close();
  });

  it("a refused scope: the EHR's refusal is worded, no finding", async () => {
    const { page, context } = await stack.newPage({ now: NOW });
    await page.goto(stack.launchUrl({ patient: TREY, authError: "invalid_scope" }, bases.jwt));
    expect(await panelStatus(page, 30000)).toBe("error");
    expect(await page.locator("body").innerText()).toMatch(/refused the permissions this app asks for/);
    await context.close();
  });
});
