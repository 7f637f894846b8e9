/**
 * Security of the server exchange: CSRF on the session cookie, one launch's session cannot read another
 * patient or another launch's data, the FHIR path refuses writes, other servers and other patients, the
 * callback is bound to the browser that started the launch, and no token appears in any response body,
 * header or log line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExchangeStack, type Browser, type ExchangeStack, TREY } from "./harness";

const AMMIE = "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa";
let stack: ExchangeStack;

beforeAll(async () => {
  stack = await startExchangeStack();
});
afterAll(async () => {
  await stack?.close();
});

async function launched(patient = TREY): Promise<{ browser: Browser; handle: string; csrf: string }> {
  const browser = stack.browser();
  const { handle, info } = await browser.session(await browser.launch(stack.jwtBase, { patient }));
  return { browser, handle, csrf: String(info.csrf) };
}

describe("CSRF on the session cookie", () => {
  it("logout needs the session's CSRF header: the cookie alone, or a wrong header, is refused and the session lives on", async () => {
    const { browser, handle, csrf } = await launched();
    expect((await browser.fetch(`/smart/logout/${handle}`, { method: "POST" })).status).toBe(403);
    expect((await browser.fetch(`/smart/logout/${handle}`, { method: "POST", headers: { "x-nlc-csrf": csrf.replace(/^./, (c) => (c === "A" ? "B" : "A")) } })).status).toBe(403);
    expect((await browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`)).status).toBe(200);
    expect((await browser.fetch(`/smart/logout/${handle}`, { method: "POST", headers: { "x-nlc-csrf": csrf } })).status).toBe(204);
    expect((await browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`)).status).toBe(401);
    expect((await browser.fetch(`/smart/session/${handle}`)).status).toBe(401);
  });

  it("a request another site makes with the cookie (Sec-Fetch-Site cross-site, or another Origin) reads nothing", async () => {
    const { browser, handle, csrf } = await launched();
    expect((await browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(401);
    expect((await browser.fetch(`/smart/session/${handle}`, { headers: { "Sec-Fetch-Site": "same-site" } })).status).toBe(401);
    const foreign = await browser.fetch(`/smart/logout/${handle}`, { method: "POST", headers: { Origin: "https://evil.example", "x-nlc-csrf": csrf } });
    expect(foreign.status).toBe(403);
    expect((await browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`)).status).toBe(200);
  });

  it("the launch route refuses another origin and a form post (no JSON)", async () => {
    const browser = stack.browser();
    const body = JSON.stringify({ iss: stack.jwtBase });
    expect((await browser.fetch("/smart/launch", { method: "POST", headers: { "Content-Type": "application/json", Origin: "https://evil.example" }, body })).status).toBe(403);
    expect((await browser.fetch("/smart/launch", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "iss=x" })).status).toBe(403);
  });
});

describe("the callback belongs to the browser that started the launch", () => {
  it("a callback without the launch's binding cookie, or a second use of a state, starts no session", async () => {
    const victim = stack.browser();
    const planned = (await (await victim.fetch("/smart/launch", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ iss: stack.jwtBase }) })).json()) as { authorizeUrl: string };
    const authorizeUrl = new URL(planned.authorizeUrl);
    authorizeUrl.searchParams.set("launch", Buffer.from(JSON.stringify({ patient: TREY })).toString("base64url"));
    const callback = (await victim.fetch(authorizeUrl.href)).headers.get("location")!;
    // Another browser (no binding cookie) brings the code: nothing.
    const attacker = stack.browser();
    const stolen = await attacker.fetch(callback);
    expect(stolen.headers.get("location")).toBe("/index.html?error=nlc_no_launch");
    expect([...attacker.cookies.keys()].some((k) => k.startsWith("nlc-") && !k.startsWith("nlc-launch"))).toBe(false);
    // The state was spent by that attempt: the victim's own callback is refused too (no code used twice).
    expect((await victim.fetch(callback)).headers.get("location")).toBe("/index.html?error=nlc_no_launch");
  });
});

describe("the FHIR path forwards reads of the launch's patient only", () => {
  it.each([
    ["another patient", `Patient/${AMMIE}`],
    ["another patient's search", `Condition?patient=${AMMIE}`],
    ["two patients", `Condition?patient=${TREY}&patient=${AMMIE}`],
    ["a search without patient", "Condition?code=123"],
    ["a chained parameter", `Condition?patient=${TREY}&subject.name=x`],
    ["_has", `Condition?patient=${TREY}&_has:Observation:patient:code=1`],
    ["_revinclude", `Condition?patient=${TREY}&_revinclude=Provenance:target`],
    ["another _include", `MedicationRequest?patient=${TREY}&_include=MedicationRequest:requester`],
    ["a kind the panel does not read", `Encounter?patient=${TREY}`],
    ["a read by id of a record", "Condition/123"],
    ["a Patient search", `Patient?_id=${TREY}`],
    ["history", `Patient/${TREY}/_history`],
    ["an operation", `Patient/${TREY}/$everything`],
    ["dot segments", `Patient/../Patient/${AMMIE}`],
    ["encoded dot segments", `Patient/%2e%2e/Patient/${AMMIE}`],
    ["an encoded slash", `Patient%2F${AMMIE}`],
    ["another server", "https:/evil.example/fhir/Patient/1"],
    ["a page token never handed out", "_page/AAAAAAAAAAAAAAAAAAAAAAAA"],
  ])("refuses %s", async (_name, path) => {
    const { browser, handle } = await launched();
    const response = await browser.fetch(`/smart/fhir/${handle}/${path}`);
    expect([403, 404]).toContain(response.status);
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses %s (only reads pass)", async (method) => {
    const { browser, handle } = await launched();
    const response = await browser.fetch(`/smart/fhir/${handle}/Condition`, { method, headers: { "Content-Type": "application/fhir+json" }, body: "{}" });
    expect(response.status).toBe(405);
  });

  it("one launch's session cannot be used through another launch's handle, nor read another launch's pages", async () => {
    const a = await launched(TREY);
    const b = await launched(AMMIE);
    // A's cookie jar naming B's handle: B's cookie is not in it.
    expect((await a.browser.fetch(`/smart/fhir/${b.handle}/Patient/${AMMIE}`)).status).toBe(401);
    // B's cookie value sent under A's cookie name: the handle in the record does not match.
    const bCookie = [...b.browser.cookies].find(([k]) => k.endsWith(b.handle))![1];
    const forged = await a.browser.fetch(`/smart/fhir/${a.handle}/Patient/${AMMIE}`, { headers: { Cookie: `nlc-${a.handle}=${bCookie}` } });
    expect(forged.status).toBe(401);
    const page = (await (await b.browser.fetch(`/smart/fhir/${b.handle}/Observation?patient=${AMMIE}&_count=1`)).json()) as { link?: { relation: string; url: string }[] };
    const next = page.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeDefined();
    const token = next!.slice(next!.lastIndexOf("/") + 1);
    expect((await a.browser.fetch(`/smart/fhir/${a.handle}/_page/${token}`)).status).toBe(404);
  });
});

describe("no token leaves the server", () => {
  it("no access or refresh token appears in any response body or header the browser received, nor in any log line", async () => {
    const { browser, handle, csrf } = await launched();
    await browser.fetch(`/smart/fhir/${handle}/MedicationRequest?patient=${TREY}&intent=order,plan&_include=MedicationRequest:medication`);
    await browser.fetch(`/smart/fhir/${handle}/Patient/${AMMIE}`);
    await browser.fetch(`/smart/logout/${handle}`, { method: "POST", headers: { "x-nlc-csrf": csrf } });
    const tokens = stack.store.tokens();
    expect(tokens.length).toBeGreaterThan(0);
    const seen = [...browser.received.map((r) => `${r.url} ${r.headers} ${r.body}`), ...stack.logs].join("\n");
    for (const token of tokens) expect(seen).not.toContain(token);
    // The access log names the exchange's routes, never the patient's id or the session's handle.
    expect(stack.logs.some((l) => l.includes("/smart/fhir/…"))).toBe(true);
    expect(stack.logs.join("\n")).not.toContain(TREY);
    expect(stack.logs.join("\n")).not.toContain(handle);
  });

  it("the key set is public keys only", async () => {
    const jwks = (await (await fetch(`${stack.app.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-384", alg: "ES384", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });
});
