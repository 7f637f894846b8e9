/**
 * The app as a SMART confidential client at the token endpoint: its key (JWK or PEM, RS384 or ES384, the
 * public half published), the client assertion it signs (SMART App Launch 2.x confidential-asymmetric:
 * typ JWT and kid in the header; iss = sub = client id, aud = the token endpoint, exp ≤ 5 minutes, a fresh
 * jti), and the symmetric methods.
 */
import { describe, expect, it } from "vitest";
import { createLocalJWKSet, decodeProtectedHeader, exportPKCS8, generateKeyPair, jwtVerify, exportJWK } from "jose";
import { parseClientKey, publicJwks } from "../../../server/exchange/clientKey";
import { parseClientSecrets } from "../../../server/exchange/secrets";
import { exchangeCode, refreshTokens, type TokenEndpointRef } from "../../../server/exchange/tokenClient";
import { makeClientKey, parseKeygenArgs } from "../../../server/keygen";

const TOKEN = "https://ehr.example/oauth2/token";
const ref = (tokenAuth: TokenEndpointRef["tokenAuth"]): TokenEndpointRef => ({ issuer: "https://ehr.example/fhir", tokenEndpoint: TOKEN, clientId: "app-1", tokenAuth, allowHttp: false });

/** A token endpoint that records each request and answers a token. */
function recorder() {
  const requests: { url: string; headers: Headers; body: URLSearchParams }[] = [];
  const fetchFn = async (url: string, init: RequestInit) => {
    requests.push({ url, headers: new Headers(init.headers), body: new URLSearchParams(String(init.body)) });
    return new Response(JSON.stringify({ access_token: "at-1", token_type: "Bearer", expires_in: 300, scope: "launch patient/*.rs", patient: "p1", need_patient_banner: false, id_token: "x.y.z" }), {
      headers: { "Content-Type": "application/json" },
    });
  };
  return { requests, fetchFn };
}

describe("the client key", () => {
  it.each(["ES384", "RS384"] as const)("a %s private JWK from keygen: its public JWKS has alg, kid and use, and no private member", async (alg) => {
    const { jwk, kid } = await makeClientKey(alg);
    const key = await parseClientKey(JSON.stringify(jwk), "test");
    expect(key).toMatchObject({ alg, kid });
    const published = publicJwks([key]).keys[0]!;
    expect(published).toMatchObject({ alg, kid, use: "sig", kty: alg === "ES384" ? "EC" : "RSA" });
    for (const member of ["d", "p", "q", "dp", "dq", "qi"]) expect(published).not.toHaveProperty(member);
  });

  it("an RSA key made for another RS algorithm signs RS384, and says so in the published key", async () => {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
    const key = await parseClientKey(JSON.stringify({ ...(await exportJWK(privateKey)), alg: "RS256", kid: "k1" }), "rsa.json");
    expect(key).toMatchObject({ alg: "RS384", kid: "k1" });
    expect(publicJwks([key]).keys[0]).toMatchObject({ alg: "RS384", kid: "k1" });
  });

  it("a PKCS#8 PEM is accepted (its kid is the JWK thumbprint)", async () => {
    const { privateKey } = await generateKeyPair("ES384", { extractable: true });
    const key = await parseClientKey(await exportPKCS8(privateKey), "pem");
    expect(key.alg).toBe("ES384");
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses a public key, another algorithm, and garbage, without quoting the input", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    await expect(parseClientKey(JSON.stringify(await exportJWK(publicKey)), "pub.json")).rejects.toThrow(/not a private key/);
    await expect(parseClientKey(JSON.stringify(await exportJWK(privateKey)), "p256.json")).rejects.toThrow(/RS384.*ES384|P-384/);
    await expect(parseClientKey("secret-looking-text", "env")).rejects.toThrow(/^client key \(env\): neither a JWK/);
    await expect(parseClientKey("secret-looking-text", "env")).rejects.not.toThrow(/secret-looking-text/);
  });

  it("keygen takes --out and --alg", () => {
    expect(parseKeygenArgs(["--out", "k.json"]).alg).toBe("ES384");
    expect(parseKeygenArgs(["--out=k.json", "--alg", "RS384"]).alg).toBe("RS384");
    expect(() => parseKeygenArgs(["--alg", "HS256", "--out", "k"])).toThrow(/usage/);
  });
});

describe("private_key_jwt: the client assertion", () => {
  it("is signed with the app's key; header typ JWT, alg and kid; iss = sub = client id, aud = the token endpoint, exp ≤ 5 min; a fresh jti each time", async () => {
    const { jwk } = await makeClientKey("ES384");
    const clientKey = await parseClientKey(JSON.stringify(jwk), "test");
    const { requests, fetchFn } = recorder();
    const credentials = { clientKey, secrets: new Map<string, string>() };
    const outcome = await exchangeCode(ref("private_key_jwt"), credentials, { code: "c1", state: "s1" }, "https://app.example/smart/callback", "v".repeat(43), () => 1_000_000, fetchFn);
    await refreshTokens(ref("private_key_jwt"), credentials, "rt-1", () => 1_000_000, fetchFn);
    expect(outcome).toEqual({ ok: true, tokens: { accessToken: "at-1", expiresAt: 1_000_000 + 300_000, scope: "launch patient/*.rs", patient: "p1", needPatientBanner: false } });
    const [exchange, refresh] = requests;
    expect(exchange!.url).toBe(TOKEN);
    expect(Object.fromEntries(exchange!.body)).toMatchObject({
      grant_type: "authorization_code",
      code: "c1",
      redirect_uri: "https://app.example/smart/callback",
      code_verifier: "v".repeat(43),
      client_id: "app-1",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    });
    const assertions = [exchange!.body.get("client_assertion")!, refresh!.body.get("client_assertion")!];
    const jwks = createLocalJWKSet(publicJwks([clientKey]));
    const jtis = new Set<unknown>();
    for (const assertion of assertions) {
      expect(decodeProtectedHeader(assertion)).toEqual({ alg: "ES384", kid: clientKey.kid, typ: "JWT" });
      const { payload } = await jwtVerify(assertion, jwks, { issuer: "app-1", subject: "app-1", audience: TOKEN, algorithms: ["ES384"] });
      expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
      expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
      jtis.add(payload.jti);
    }
    expect(jtis.size).toBe(2);
    expect(exchange!.headers.get("authorization")).toBeNull();
  });

  it("the id_token is never kept; a 401 or invalid_client is 'refused', invalid_grant is 'grant'", async () => {
    const { jwk } = await makeClientKey("ES384");
    const credentials = { clientKey: await parseClientKey(JSON.stringify(jwk), "t"), secrets: new Map<string, string>() };
    const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    const call = (f: (url: string, init: RequestInit) => Promise<Response>) =>
      exchangeCode(ref("private_key_jwt"), credentials, { code: "c", state: "s" }, "https://app.example/smart/callback", "v".repeat(43), () => 0, f);
    expect(await call(answer(401, { error: "invalid_client" }))).toEqual({ ok: false, error: "refused" });
    expect(await call(answer(400, { error: "invalid_client" }))).toEqual({ ok: false, error: "refused" });
    expect(await call(answer(400, { error: "invalid_grant" }))).toEqual({ ok: false, error: "grant" });
    expect(await call(answer(200, { access_token: "a", token_type: "mac" }))).toEqual({ ok: false, error: "failed" });
    expect(await call(async () => new Response(null, { status: 302, headers: { Location: "https://evil.example/" } }))).toEqual({ ok: false, error: "failed" });
  });
});

describe("symmetric clients", () => {
  it("client_secret_basic sends the secret in the Authorization header, client_secret_post in the body", async () => {
    const secrets = parseClientSecrets(JSON.stringify({ "app-1": "s3cret:with/odd chars" }), "test");
    for (const method of ["client_secret_basic", "client_secret_post"] as const) {
      const { requests, fetchFn } = recorder();
      const outcome = await exchangeCode(ref(method), { secrets }, { code: "c", state: "s" }, "https://app.example/smart/callback", "v".repeat(43), () => 0, fetchFn);
      expect(outcome.ok).toBe(true);
      const request = requests[0]!;
      if (method === "client_secret_basic") {
        const basic = Buffer.from((request.headers.get("authorization") ?? "").replace(/^Basic /, ""), "base64").toString();
        // RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined by the first ":".
        const colon = basic.indexOf(":");
        const formDecode = (text: string) => decodeURIComponent(text.replace(/\+/g, " "));
        expect([formDecode(basic.slice(0, colon)), formDecode(basic.slice(colon + 1))]).toEqual(["app-1", "s3cret:with/odd chars"]);
        expect(request.body.has("client_secret")).toBe(false);
      } else {
        expect(request.body.get("client_secret")).toBe("s3cret:with/odd chars");
        expect(request.headers.get("authorization")).toBeNull();
      }
    }
  });

  it("secrets: a JSON object of client id to secret; errors never quote a secret", () => {
    expect(() => parseClientSecrets('{"a": 5}', "env")).toThrow(/not a non-empty string/);
    expect(() => parseClientSecrets("hunter2", "NLC_CLIENT_SECRETS")).toThrow(/^client secrets \(NLC_CLIENT_SECRETS\): not JSON/);
    expect(() => parseClientSecrets("hunter2", "x")).not.toThrow(/hunter2/);
  });
});
