/**
 * Every security rule of docs/spec/cds-hooks.md over real HTTP, each as a pair: the request the rule refuses,
 * and the same request passing once the rule is satisfied. Refusals are 401 with one and the same body, so
 * nothing tells a caller which check failed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { MemoryStore } from "../../node/store";
import { FHIR_BASE, hookBody, NOW_S, post, startTestService, testConfig, TREY, withTestStack, EMPTY_PREFETCH } from "./harness";

const PREFETCH = EMPTY_PREFETCH;
const BODY = () => hookBody(TREY, PREFETCH);
const UNAUTHORIZED = { error: "Unauthorized." };

const stack = withTestStack();

async function expectRefused(token: string | undefined, headers: Record<string, string> = {}) {
  const answer = await post(stack.service.serviceEndpoint, BODY(), token, headers);
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual(UNAUTHORIZED);
  expect(answer.headers.get("www-authenticate")).toBe("Bearer");
}

async function expectAccepted(token: string) {
  const answer = await post(stack.service.serviceEndpoint, BODY(), token);
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ cards: [] });
}

describe("the bearer JWT", () => {
  it("is required: none, another scheme or garbage → 401; a signed one → 200", async () => {
    await expectRefused(undefined);
    await expectRefused(undefined, { Authorization: `Basic ${Buffer.from("a:b").toString("base64")}` });
    await expectRefused("not.a.jwt!");
    await expectAccepted(await stack.client.sign());
  });

  it("must come from a configured issuer (exact match)", async () => {
    await expectRefused(await stack.client.sign({ iss: "https://other-ehr.example" }));
    await expectRefused(await stack.client.sign({ iss: `${stack.client.iss}/` }));
    await expectAccepted(await stack.client.sign({ iss: stack.client.iss }));
  });

  it("must verify with the client's published key: a forger's key under the same kid → 401", async () => {
    const forger = await generateKeyPair("ES384");
    await expectRefused(await stack.client.sign({ key: forger.privateKey }));
    const valid = await stack.client.sign();
    const [h, p] = valid.split(".");
    const tampered = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
    tampered.sub = "someone-else";
    await expectRefused(`${h}.${Buffer.from(JSON.stringify(tampered)).toString("base64url")}.${valid.split(".")[2]}`);
    await expectAccepted(valid);
  });

  it("ES384 and RS384 only: HS384, ES256 and unsigned tokens → 401", async () => {
    // Otherwise valid claims for the service, signed with an algorithm it does not accept.
    const signedWith = (alg: string, key: Parameters<SignJWT["sign"]>[0]) =>
      new SignJWT({ jti: alg })
        .setProtectedHeader({ alg, kid: "es-1" })
        .setIssuer(stack.client.iss)
        .setAudience(stack.service.serviceEndpoint)
        .setIssuedAt(NOW_S)
        .setExpirationTime(NOW_S + 60)
        .sign(key);
    await expectRefused(await signedWith("HS384", new TextEncoder().encode("a-shared-secret-of-sufficient-length-for-hs384-0123456789")));
    await expectRefused(await signedWith("ES256", (await generateKeyPair("ES256")).privateKey));
    const none = new UnsecuredJWT({ jti: "none" }).setIssuer(stack.client.iss).setAudience(stack.service.serviceEndpoint).setIssuedAt(NOW_S).setExpirationTime(NOW_S + 60).encode();
    await expectRefused(none);
    await expectAccepted(await stack.client.sign({ alg: "RS384" }));
    await expectAccepted(await stack.client.sign({ alg: "ES384" }));
  });

  it("kid selects the key: an unknown or missing kid → 401; the RS key's kid on an ES signature → 401", async () => {
    await expectRefused(await stack.client.sign({ kid: "unknown-kid" }));
    await expectRefused(await stack.client.sign({ kid: "" }));
    await expectRefused(await stack.client.sign({ kid: null }));
    await expectRefused(await stack.client.sign({ alg: "ES384", kid: "rs-1" }));
    await expectAccepted(await stack.client.sign({ kid: "es-1" }));
  });

  it("a jku header is honoured only when it equals the configured jwksUrl, and a foreign one is never fetched", async () => {
    let foreignHits = 0;
    const foreign = createServer((_req, res) => {
      foreignHits++;
      res.end("{}");
    });
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", () => resolve()));
    const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/jwks.json`;
    try {
      await expectRefused(await stack.client.sign({ jku: foreignUrl }));
      expect(foreignHits).toBe(0);
      await expectAccepted(await stack.client.sign({ jku: stack.client.jwksUrl }));
    } finally {
      await new Promise<void>((resolve) => foreign.close(() => resolve()));
    }
  });

  it("aud must be this service's endpoint URL (a string, or an array holding it)", async () => {
    await expectRefused(await stack.client.sign({ aud: "https://another-service.example/cds-services/night-leg-cramps" }));
    await expectRefused(await stack.client.sign({ aud: stack.service.discoveryUrl }));
    await expectRefused(await stack.client.sign({ aud: `${stack.service.serviceEndpoint}/feedback` }));
    await expectRefused(await stack.client.sign({ aud: stack.service.serviceEndpoint.replace("127.0.0.1", "localhost") }));
    await expectAccepted(await stack.client.sign({ aud: ["https://x.example", stack.service.serviceEndpoint] }));
    await expectAccepted(await stack.client.sign({ aud: stack.service.serviceEndpoint }));
  });

  it("aud follows the Host the client used (localhost or 127.0.0.1, on the service's port)", async () => {
    const viaLocalhost = stack.service.serviceEndpoint.replace("127.0.0.1", "localhost");
    const token = await stack.client.sign({ aud: viaLocalhost });
    expect((await post(viaLocalhost, BODY(), token)).status).toBe(200);
  });

  it("exp must be in the future", async () => {
    await expectRefused(await stack.client.sign({ iat: NOW_S - 400, exp: NOW_S - 100 }));
    await expectRefused(await stack.client.sign({ iat: NOW_S - 300, exp: NOW_S }));
    await expectAccepted(await stack.client.sign({ iat: NOW_S - 299, exp: NOW_S + 1 }));
  });

  it("exp must be at most 5 minutes after iat, and iat not in the future", async () => {
    await expectRefused(await stack.client.sign({ iat: NOW_S, exp: NOW_S + 301 }));
    await expectRefused(await stack.client.sign({ iat: NOW_S, exp: NOW_S + 3600 }));
    await expectRefused(await stack.client.sign({ iat: NOW_S + 600, exp: NOW_S + 900 }));
    await expectAccepted(await stack.client.sign({ iat: NOW_S + 10, exp: NOW_S + 300 }));
    await expectAccepted(await stack.client.sign({ iat: NOW_S, exp: NOW_S + 300 }));
  });

  it("jti is required, and a token (or its jti) is accepted once", async () => {
    await expectRefused(await stack.client.sign({ jti: null }));
    const token = await stack.client.sign({ jti: "once-only" });
    await expectAccepted(token);
    await expectRefused(token);
    await expectRefused(await stack.client.sign({ jti: "once-only", alg: "RS384" }));
    await expectAccepted(await stack.client.sign({ jti: "another-one" }));
  });

  it("each client has a quota of live jtis: past it, that client gets 429 while another client is still served", async () => {
    const other = "https://other-ehr.test.example/cds-client";
    const quota = await startTestService(
      testConfig(stack.client, { replayQuotaPerClient: 2, clients: [{ iss: stack.client.iss, jwksUrl: stack.client.jwksUrl }, { iss: other, jwksUrl: stack.client.jwksUrl }] }),
    );
    try {
      const call = async (jti: string, iss = stack.client.iss) => {
        const answer = await post(quota.serviceEndpoint, BODY(), await stack.client.sign({ jti, iss, aud: quota.serviceEndpoint }));
        return answer.status;
      };
      expect(await call("a")).toBe(200);
      expect(await call("b")).toBe(200);
      expect(await call("c")).toBe(429);
      expect(await call("x", other)).toBe(200);
      expect(await call("y", other)).toBe(200);
    } finally {
      await quota.close();
    }
  });

  it("a full replay store refuses new tokens (503), never forgets a live one", async () => {
    const full = await startTestService(testConfig(stack.client), { store: new MemoryStore({ maxEntries: 4, nowMs: () => NOW_S * 1000 }) });
    try {
      const call = async (jti: string) => (await post(full.serviceEndpoint, BODY(), await stack.client.sign({ jti, aud: full.serviceEndpoint }))).status;
      expect(await call("a")).toBe(200); // epoch, quota counter, a
      expect(await call("b")).toBe(200);
      expect(await call("c")).toBe(503);
      expect(await call("a")).toBe(401);
    } finally {
      await full.close();
    }
  });

  it("with serviceUrl configured, aud is checked against it whatever Host the request used", async () => {
    const behindProxy = await startTestService(testConfig(stack.client, { serviceUrl: "https://cds.example.org/" }));
    try {
      const url = behindProxy.serviceEndpoint;
      expect((await post(url, BODY(), await stack.client.sign({ aud: url }))).status).toBe(401);
      expect((await post(url, BODY(), await stack.client.sign({ aud: "https://cds.example.org/cds-services/night-leg-cramps" }))).status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it("a service that trusts nobody (the shipped configuration) refuses every token", async () => {
    const nobody = await startTestService(testConfig(undefined));
    try {
      expect((await post(nobody.serviceEndpoint, BODY(), await stack.client.sign({ aud: nobody.serviceEndpoint }))).status).toBe(401);
    } finally {
      await nobody.close();
    }
  });
});

describe("discovery and feedback", () => {
  it("discovery is public", async () => {
    const res = await fetch(stack.service.discoveryUrl);
    expect(res.status).toBe(200);
  });

  it("feedback needs a token for this service (feedback or hook endpoint); only counts are kept", async () => {
    const url = `${stack.service.serviceEndpoint}/feedback`;
    const body = {
      feedback: [
        { card: "0b0f4c9e-4d52-4a6c-9d2b-9a7f2d7a1b11", outcome: "accepted", outcomeTimestamp: "2026-11-26T12:00:00Z" },
        { card: "0b0f4c9e-4d52-4a6c-9d2b-9a7f2d7a1b12", outcome: "overridden", overrideReason: { reason: { code: "x" }, userComment: "Patient Trey says hi" } },
      ],
    };
    expect((await post(url, body)).status).toBe(401);
    expect((await post(url, body, await stack.client.sign({ aud: stack.service.discoveryUrl }))).status).toBe(401);
    expect((await post(url, body, await stack.client.sign({ aud: "https://other.example/cds-services/night-leg-cramps/feedback" }))).status).toBe(401);
    expect((await post(url, { feedback: [] }, await stack.client.sign())).status).toBe(200); // a token for the hook endpoint
    const before = stack.service.feedbackCounts();
    const ok = await post(url, body, await stack.client.sign({ aud: url }));
    expect(ok.status).toBe(200);
    expect(stack.service.feedbackCounts()).toEqual({ accepted: before.accepted + 1, overridden: before.overridden + 1, ignored: before.ignored, silenced: before.silenced });
    expect(JSON.stringify(stack.service.feedbackCounts())).not.toContain("Trey");
    expect((await post(url, { nothing: true }, await stack.client.sign({ aud: url }))).status).toBe(400);
  });
});

describe("request bodies", () => {
  it("a body over the limit is refused with 413 (declared length or streamed), one under it is read", async () => {
    const small = await startTestService(testConfig(stack.client, { maxBodyBytes: 4096 }));
    try {
      const big = JSON.stringify({ ...BODY(), padding: "x".repeat(5000) });
      const declared = await post(small.serviceEndpoint, big, await stack.client.sign({ aud: small.serviceEndpoint }));
      expect(declared.status).toBe(413);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 600, (i + 1) * 600)));
          controller.close();
        },
      });
      const res = await fetch(small.serviceEndpoint, {
        method: "POST",
        headers: { Authorization: `Bearer ${await stack.client.sign({ aud: small.serviceEndpoint })}`, "Content-Type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(res.headers.get("content-length")).not.toBeNull();
      expect(res.status).toBe(413);
      const fits = await post(small.serviceEndpoint, JSON.stringify(BODY()), await stack.client.sign({ aud: small.serviceEndpoint }));
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it("malformed JSON is 400; valid JSON passes", async () => {
    const bad = await post(stack.service.serviceEndpoint, '{"hook": "patient-view", ', await stack.client.sign());
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("The request body is not valid JSON.");
    await expectAccepted(await stack.client.sign());
  });

  it.each([
    ["not an object", []],
    ["another hook", { ...BODY(), hook: "order-sign" }],
    ["a hookInstance that is not a string", { ...BODY(), hookInstance: 42 }],
    ["no patient", { ...BODY(), context: { userId: "Practitioner/1" } }],
    ["a patient id that is not a FHIR id", { ...BODY(), context: { patientId: "../Patient/x" } }],
    ["prefetch not an object", { ...BODY(), prefetch: "everything" }],
  ])("a malformed call (%s) is 400 with a message naming the field", async (_what, body) => {
    const answer = await post(stack.service.serviceEndpoint, body, await stack.client.sign());
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/must|required/);
  });

  it("unknown paths are 404 and wrong methods 405", async () => {
    expect((await fetch(`${stack.service.url}/cds-services/other`)).status).toBe(404);
    expect((await fetch(stack.service.serviceEndpoint)).status).toBe(405);
    expect((await fetch(stack.service.discoveryUrl, { method: "POST" })).status).toBe(405);
  });
});

describe("CORS for browser-based CDS clients", () => {
  it("answers preflight for any origin, allowing the Authorization header, never with credentials", async () => {
    const pre = await fetch(stack.service.serviceEndpoint, {
      method: "OPTIONS",
      headers: { Origin: "https://sandbox.cds-hooks.org", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(pre.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    for (const res of [await fetch(stack.service.discoveryUrl), await fetch(stack.service.serviceEndpoint, { method: "POST" })]) {
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });
});

describe("FHIR servers and logs", () => {
  const evilHits: string[] = [];
  const evil = setupServer(
    http.all("https://evil.example/*", ({ request }) => {
      evilHits.push(request.url);
      return HttpResponse.json({ resourceType: "Bundle", type: "searchset" });
    }),
  );
  beforeAll(() => evil.listen({ onUnhandledRequest: "bypass" }));
  afterAll(() => evil.close());

  it("a fhirServer its client does not list is never called (no card); once the client lists it, it is", async () => {
    const noConditions = { ...PREFETCH, conditions: null };
    const auth = { access_token: "secret-access-token", token_type: "Bearer", expires_in: 300, scope: "patient/*.rs", subject: "cds" };
    const refused = await post(stack.service.serviceEndpoint, hookBody(TREY, noConditions, { fhirServer: "https://evil.example/fhir", fhirAuthorization: auth }), await stack.client.sign());
    expect(refused.body).toEqual({ cards: [] });
    expect(evilHits).toEqual([]);
    expect(stack.service.noCardCounts()["server-not-allowed"]).toBeGreaterThan(0);
    // Listed in the app's smart-config.json is not enough: the client must list it.
    const appOnly = await startTestService(testConfig(stack.client, {}, { clientId: "x", scope: "launch", servers: [{ name: "Evil, allowed", issPrefix: "https://evil.example/" }] }));
    try {
      const answer = await post(appOnly.serviceEndpoint, hookBody(TREY, noConditions, { fhirServer: "https://evil.example/fhir", fhirAuthorization: auth }), await stack.client.sign({ aud: appOnly.serviceEndpoint }));
      expect(answer.body).toEqual({ cards: [] });
      expect(evilHits).toEqual([]);
    } finally {
      await appOnly.close();
    }
    // The same server, once the client lists it, is asked (and answers: no conditions, no card).
    const allowing = await startTestService(
      testConfig(stack.client, { clients: [{ iss: stack.client.iss, jwksUrl: stack.client.jwksUrl, fhirServers: ["https://evil.example/"] }] }),
    );
    try {
      const allowed = await post(allowing.serviceEndpoint, hookBody(TREY, noConditions, { fhirServer: "https://evil.example/fhir", fhirAuthorization: auth }), await stack.client.sign({ aud: allowing.serviceEndpoint }));
      expect(allowed.body).toEqual({ cards: [] });
      expect(evilHits.some((u) => u.startsWith("https://evil.example/fhir/Condition?patient="))).toBe(true);
    } finally {
      await allowing.close();
    }
  });

  it("logs carry no patient id, token, record text or query string — also when the service fails inside", async () => {
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const failing = async () => {
      throw new Error(`could not read Patient/${TREY} with secret-access-token`);
    };
    const logged = await startTestService(testConfig(stack.client), { logger, accessLog: true, fetch: failing });
    try {
      const url = logged.serviceEndpoint;
      const token = await stack.client.sign({ aud: url });
      const crampPrefetch = {
        ...PREFETCH,
        conditions: {
          resourceType: "Bundle",
          type: "searchset",
          entry: [{ resource: { resourceType: "Condition", id: "c1", subject: { reference: `Patient/${TREY}` }, code: { text: "Nocturnal leg cramps" }, clinicalStatus: { coding: [{ code: "active" }] } } }],
        },
      };
      expect((await post(url, hookBody(TREY, crampPrefetch), token)).status).toBe(200);
      expect((await post(url, hookBody(TREY, crampPrefetch), token)).status).toBe(401);
      const auth = { access_token: "secret-access-token", scope: "patient/*.rs" };
      const boom = await post(url, hookBody(TREY, { ...crampPrefetch, procedures: null }, { fhirServer: FHIR_BASE, fhirAuthorization: auth }), await stack.client.sign({ aud: url }));
      expect(boom.status).toBe(500);
      expect(boom.body).toEqual({ error: "Internal error." });
      expect((await post(`${url}?patient=${TREY}`, "{", await stack.client.sign({ aud: url }))).status).toBe(400);
      expect(lines.length).toBeGreaterThanOrEqual(4);
      const all = lines.join("\n");
      for (const secret of [TREY, "secret-access-token", "Bearer", "eyJ", "Nocturnal", "leg cramps", "?patient"]) expect(all).not.toContain(secret);
      expect(all).toContain("POST /cds-services/night-leg-cramps 200");
      expect(all).toContain("internal error (Error)");
    } finally {
      await logged.close();
    }
  });
});
