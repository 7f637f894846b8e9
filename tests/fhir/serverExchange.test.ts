/**
 * The pages' side of the server token exchange: the configuration option, launch.html handing the launch
 * to the app's server (and never to fhirclient), index.html finding its server session, and the words for
 * every failure the server reports.
 */
import { describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/fhir/config";
import { EXCHANGE_ERRORS, HISTORY_SESSION_FIELD } from "../../src/fhir/exchangeRoutes";
import { performLaunch, planLaunch, type LaunchDeps } from "../../src/fhir/launch";
import { requestServerLaunch } from "../../src/fhir/serverLaunch";
import { endServerSession, parseSessionInfo, readServerSession, ServerSessionError } from "../../src/fhir/serverSession";
import { serverSessionHandle } from "../../src/fhir/serverSessionRef";
import { readyErrorKind, redirectError, rememberedSession } from "../../src/fhir/session";
import { panelError } from "../../src/app/errorMessages";

const config = parseConfig({
  clientId: "app",
  scope: "launch patient/Condition.rs",
  servers: [
    { name: "Ambulatory EHR", iss: "https://ehr.example/fhir", tokenExchange: "server", tokenAuth: "client_secret_post", authOrigins: ["https://auth.ehr.example"] },
    { name: "Typo", iss: "https://typo.example/fhir", tokenExchange: "Server" },
    { name: "Sandbox", issPrefix: "https://launch.smarthealthit.org/v/r4/" },
  ],
});
const PAGE = "https://app.example/launch.html?iss=https://ehr.example/fhir&launch=L1";

describe("servers[].tokenExchange", () => {
  it("is 'server' only when written so (anything else is the browser's exchange, the default); tokenAuth is kept for the server", () => {
    expect(config.servers[0]).toMatchObject({ tokenExchange: "server", tokenAuth: "client_secret_post" });
    expect(config.servers[1]!.tokenExchange).toBeUndefined();
    expect(config.servers[2]!.tokenExchange).toBeUndefined();
    expect(planLaunch(PAGE, config, () => "s").ok && (planLaunch(PAGE, config, () => "s") as { serverExchange: boolean }).serverExchange).toBe(true);
    expect((planLaunch("https://app.example/launch.html?iss=https://launch.smarthealthit.org/v/r4/fhir&launch=x", config, () => "s") as { serverExchange: boolean }).serverExchange).toBe(false);
  });
});

function deps(overrides: Partial<LaunchDeps>): LaunchDeps & { navigate: ReturnType<typeof vi.fn>; authorize: ReturnType<typeof vi.fn> } {
  return {
    pageUrl: PAGE,
    config,
    newState: () => "state-1",
    replaceUrl: () => undefined,
    authorize: vi.fn(async () => "https://ehr.example/authorize?x=1"),
    storedState: () => undefined,
    navigate: vi.fn(),
    ...overrides,
  } as LaunchDeps & { navigate: ReturnType<typeof vi.fn>; authorize: ReturnType<typeof vi.fn> };
}

describe("launch.html with the server exchange", () => {
  it("asks the app's server with the checked iss and launch, never fhirclient, and goes to the authorization URL it answers", async () => {
    const serverLaunch = vi.fn(async () => ({ authorizeUrl: "https://auth.ehr.example/authorize?state=abc" }));
    const d = deps({ serverLaunch });
    expect(await performLaunch(d)).toEqual({ ok: true, authorizeUrl: "https://auth.ehr.example/authorize?state=abc" });
    expect(serverLaunch).toHaveBeenCalledWith({ iss: "https://ehr.example/fhir", launch: "L1" });
    expect(d.authorize).not.toHaveBeenCalled();
    expect(d.navigate).toHaveBeenCalledWith("https://auth.ehr.example/authorize?state=abc");
  });

  it("does not go to an authorization URL off the entry's origins, and shows the server's error categories", async () => {
    const elsewhere = deps({ serverLaunch: async () => ({ authorizeUrl: "https://evil.example/authorize" }) });
    expect(await performLaunch(elsewhere)).toEqual({ ok: false, error: "auth-endpoint-not-allowed" });
    expect(elsewhere.navigate).not.toHaveBeenCalled();
    expect(await performLaunch(deps({ serverLaunch: async () => ({ error: "discovery-failed" }) }))).toEqual({ ok: false, error: "discovery-failed" });
    expect(await performLaunch(deps({ serverLaunch: async () => Promise.reject(new TypeError("offline")) }))).toEqual({ ok: false, error: "exchange-unavailable" });
    expect(await performLaunch(deps({}))).toEqual({ ok: false, error: "exchange-unavailable" });
  });

  it("requestServerLaunch posts JSON to smart/launch and accepts only known error categories", async () => {
    const calls: [string, RequestInit][] = [];
    const answer = (status: number, body: unknown) =>
      (async (url: URL | RequestInfo, init?: RequestInit) => {
        calls.push([String(url), init ?? {}]);
        return new Response(JSON.stringify(body), { status });
      }) as typeof fetch;
    expect(await requestServerLaunch(PAGE, { iss: "https://ehr.example/fhir" }, answer(200, { authorizeUrl: "https://x/a" }))).toEqual({ authorizeUrl: "https://x/a" });
    expect(calls[0]![0]).toBe("https://app.example/smart/launch");
    expect(calls[0]![1]).toMatchObject({ method: "POST", headers: { "Content-Type": "application/json" } });
    expect(await requestServerLaunch(PAGE, { iss: "i" }, answer(403, { error: "iss-not-allowed" }))).toEqual({ error: "iss-not-allowed" });
    expect(await requestServerLaunch(PAGE, { iss: "i" }, answer(500, { error: "<script>" }))).toEqual({ error: "exchange-unavailable" });
  });
});

describe("index.html with a server session", () => {
  const handle = "AbCdEfGhIjKlMnOpQrStUvWx";
  it("finds its handle in the address, then in its history entry after the address is cleaned; refuses a malformed one", () => {
    const url = `https://app.example/index.html?nlc_session=${handle}`;
    expect(serverSessionHandle(url, null)).toBe(handle);
    const remembered = rememberedSession(url, { other: 1 }, handle, "nlc_session", HISTORY_SESSION_FIELD);
    expect(remembered.url).toBe("https://app.example/index.html");
    expect(serverSessionHandle(remembered.url, remembered.state)).toBe(handle);
    expect(serverSessionHandle("https://app.example/index.html?nlc_session=../x", null)).toBeUndefined();
    expect(serverSessionHandle("https://app.example/index.html", null)).toBeUndefined();
  });

  it("accepts a session context only with a data path on the page's own origin", () => {
    const page = "https://app.example/index.html";
    expect(parseSessionInfo({ iss: "https://ehr.example/fhir", fhirBase: `/smart/fhir/${handle}`, scope: "s", csrf: "c", patient: "p" }, page)).toMatchObject({
      fhirBase: `https://app.example/smart/fhir/${handle}`,
      patient: "p",
    });
    expect(parseSessionInfo({ iss: "https://ehr.example/fhir", fhirBase: "https://evil.example/fhir", scope: "s", csrf: "c" }, page)).toBeUndefined();
    expect(parseSessionInfo({ fhirBase: "/x", scope: "s" }, page)).toBeUndefined();
  });

  it("an ended session (401) reads as 'session ended'; a server that cannot be reached as 'cannot sign in'", async () => {
    // readyErrorKind (session.ts) recognises the error by name, without loading this module.
    const page = "https://app.example/index.html";
    await expect(readServerSession(page, handle, (async () => new Response("{}", { status: 401 })) as typeof fetch)).rejects.toMatchObject({ kind: "session-expired" });
    await expect(readServerSession(page, handle, (async () => Promise.reject(new TypeError("x"))) as typeof fetch)).rejects.toMatchObject({ kind: "exchange-unavailable" });
    expect(readyErrorKind(new ServerSessionError("session-expired"))).toBe("session-expired");
  });

  it("signing out posts to the logout route with the session's CSRF token and cookie; true only when the server ended it", async () => {
    const page = "https://app.example/index.html";
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const answering = (status: number) =>
      (async (url: URL | RequestInfo, init?: RequestInit) => {
        calls.push({ url: String(url), init });
        return new Response(null, { status });
      }) as typeof fetch;
    expect(await endServerSession(page, handle, "csrf-1", answering(204))).toBe(true);
    expect(calls[0]).toMatchObject({ url: `https://app.example/smart/logout/${handle}`, init: { method: "POST", credentials: "same-origin", headers: { "x-nlc-csrf": "csrf-1" } } });
    expect(await endServerSession(page, handle, "wrong", answering(403))).toBe(false);
    expect(await endServerSession(page, handle, "csrf-1", (async () => Promise.reject(new TypeError("offline"))) as typeof fetch)).toBe(false);
    expect(panelError("signed-out").title).toMatch(/signed out.*no longer shown/);
    expect(panelError("sign-out-failed").title).toMatch(/could not end the session.*no longer shown/);
  });
});

describe("the server's error codes on index.html", () => {
  it.each([
    [EXCHANGE_ERRORS.refused, "client-refused", /refused this app's credentials/],
    [EXCHANGE_ERRORS.failed, "token-failed", /access token could not be obtained/],
    [EXCHANGE_ERRORS.noLaunch, "no-session", /no active session/],
    [EXCHANGE_ERRORS.unavailable, "exchange-unavailable", /server cannot sign in/],
  ])("%s is worded as %s", (code, kind, words) => {
    const found = redirectError(`https://app.example/index.html?error=${code}`);
    expect(found?.kind).toBe(kind);
    expect(panelError(found!.kind).title).toMatch(words);
  });
});
