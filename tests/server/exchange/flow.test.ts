/**
 * The server token exchange end to end (app server + demo EHR over HTTP): a launch as a confidential
 * client, asymmetric and symmetric, on an EHR whose token endpoint sends no CORS headers; the panel's reads
 * through the same-origin FHIR path; refresh; the failures the panel words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExchangeStack, type ExchangeStack, TREY } from "./harness";

let stack: ExchangeStack;

beforeAll(async () => {
  stack = await startExchangeStack();
});
afterAll(async () => {
  await stack?.close();
});

describe("a launch with the token exchange on the app's server", () => {
  it.each([
    ["private_key_jwt", () => stack.jwtBase],
    ["client_secret_post", () => stack.secretBase],
  ])("%s: ends on index.html naming a session, whose context holds no token", async (_name, base) => {
    const browser = stack.browser();
    const index = await browser.launch(base(), { patient: TREY });
    expect(index).toMatch(/\/index\.html\?nlc_session=[A-Za-z0-9_-]{16,}$/);
    const { handle, info } = await browser.session(index);
    expect(info).toMatchObject({ iss: base(), fhirBase: `/smart/fhir/${handle}`, patient: TREY });
    expect(JSON.stringify(info)).not.toMatch(/access_token|refresh_token|accessToken/);
    const patient = await browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`);
    expect(patient.status).toBe(200);
    expect(((await patient.json()) as { id: string }).id).toBe(TREY);
    const conditions = await browser.fetch(`/smart/fhir/${handle}/Condition?patient=${TREY}&_count=200`);
    expect(((await conditions.json()) as { resourceType: string }).resourceType).toBe("Bundle");
  });

  it("the session cookie is HttpOnly and SameSite, and is the only thing the browser holds", async () => {
    const browser = stack.browser();
    const planned = await browser.fetch("/smart/launch", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ iss: stack.jwtBase }),
    });
    const bindingCookie = planned.headers.getSetCookie()[0] ?? "";
    expect(bindingCookie).toMatch(/HttpOnly/i);
    expect(bindingCookie).toMatch(/SameSite=Lax/i);
    const index = await browser.launch(stack.jwtBase, { patient: TREY });
    const set = browser.received.flatMap((r) => (JSON.parse(r.headers) as [string, string][]).filter(([k]) => k === "set-cookie").map(([, v]) => v));
    const sessionCookie = set.find((c) => c.startsWith("nlc-") && !c.startsWith("nlc-launch-"));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Path=\//);
    // Loopback: plain http, so not Secure (off loopback the cookie is Secure and __Host- prefixed: tests/server/exchange/cookies.test.ts).
    expect(sessionCookie).not.toMatch(/Secure/i);
    expect(index).toContain("nlc_session=");
  });

  it("a new launch removes the cookies of this browser's ended sessions, and keeps the live ones", async () => {
    const browser = stack.browser();
    const ended = await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    const live = await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    await browser.fetch(`/smart/logout/${ended.handle}`, { method: "POST", headers: { "x-nlc-csrf": String(ended.info.csrf) } });
    browser.cookies.set(`nlc-${ended.handle}`, "a-cookie-the-logout-answer-did-not-clear");
    await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    const names = [...browser.cookies.keys()];
    expect(names).not.toContain(`nlc-${ended.handle}`);
    expect(names).toContain(`nlc-${live.handle}`);
    expect((await browser.fetch(`/smart/fhir/${live.handle}/Patient/${TREY}`)).status).toBe(200);
  });

  it("the EHR pages through the same-origin path with opaque next links", async () => {
    const browser = stack.browser();
    const { handle } = await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    const first = (await (await browser.fetch(`/smart/fhir/${handle}/Observation?patient=${TREY}&_count=2`)).json()) as { link?: { relation: string; url: string }[] };
    const next = first.link?.find((l) => l.relation === "next")?.url;
    expect(next).toMatch(new RegExp(`^${stack.app.url}/smart/fhir/${handle}/_page/[A-Za-z0-9_-]+$`));
    expect(JSON.stringify(first.link)).not.toContain(stack.ehr.baseUrl);
    const second = await browser.fetch(next!);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { resourceType: string }).resourceType).toBe("Bundle");
  });

  it("an assertion the EHR refuses ends on the panel's 'credentials refused' error", async () => {
    const index = await stack.browser().launch(stack.refusedBase, { patient: TREY });
    expect(new URL(index).searchParams.get("error")).toBe("nlc_client_refused");
  });

  it("a refused scope comes back as the EHR's OAuth error, for the panel to word", async () => {
    const index = await stack.browser().launch(stack.jwtBase, { patient: TREY, authError: "invalid_scope" });
    expect(new URL(index).searchParams.get("error")).toBe("invalid_scope");
  });

  it("an iss that no entry allows, or one whose entry exchanges in the browser, is refused before anything is sent", async () => {
    expect(await stack.browser().launch("https://evil.example/fhir", { patient: TREY })).toBe("error:iss-not-allowed");
    expect(await stack.browser().launch(stack.ehr.fhirBaseUrl, { patient: TREY })).toBe("error:exchange-unavailable");
  });
});
