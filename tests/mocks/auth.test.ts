import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createMockEhrServer } from "../../mocks/node";
import { encodeLaunch, simFhirBase } from "../../mocks/launchContext";
import {
  BASE, CLIENT, FHIR, FIXED_NOW, REDIRECT, SCOPE,
  authorizeRedirect, authorizeUrl, fhirGet, getToken, pkce, tokenRequest,
} from "./helpers";

const server = createMockEhrServer(BASE, { now: () => FIXED_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function decodeJwtPayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("discovery", () => {
  test("well-known SMART configuration lists endpoints, S256 and capabilities", async () => {
    const res = await fetch(`${FHIR}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    const conf = (await res.json()) as Record<string, unknown>;
    expect(conf.authorization_endpoint).toBe(`${BASE}/auth/authorize`);
    expect(conf.token_endpoint).toBe(`${BASE}/auth/token`);
    expect(conf.code_challenge_methods_supported).toEqual(["S256"]);
    expect(conf.capabilities).toEqual(
      expect.arrayContaining([
        "launch-ehr", "launch-standalone", "client-public", "context-ehr-patient", "context-standalone-patient",
        "permission-v1", "permission-v2", "permission-patient", "sso-openid-connect",
      ]),
    );
  });

  test("metadata is an R4 CapabilityStatement listing MedicationStatement and the oauth-uris", async () => {
    const res = await fetch(`${FHIR}/metadata`);
    const cs = (await res.json()) as { fhirVersion: string; rest: { resource: { type: string }[]; security: unknown }[] };
    expect(cs.fhirVersion).toBe("4.0.1");
    expect(cs.rest[0]!.resource.map((r) => r.type)).toEqual(
      expect.arrayContaining(["Patient", "Condition", "MedicationRequest", "MedicationStatement", "Procedure", "Medication"]),
    );
    expect(JSON.stringify(cs.rest[0]!.security)).toContain(`${BASE}/auth/authorize`);
  });

  test("a sim base can drop the well-known document and report STU3", async () => {
    const sim = simFhirBase(BASE, { noWellKnown: true, fhirVersion: "3.0.2" });
    expect((await fetch(`${sim}/.well-known/smart-configuration`)).status).toBe(404);
    const cs = (await (await fetch(`${sim}/metadata`)).json()) as { fhirVersion: string };
    expect(cs.fhirVersion).toBe("3.0.2");
  });

  test("CORS preflight answers 204 with allow headers, and responses echo the Origin", async () => {
    const pre = await fetch(`${FHIR}/Condition?patient=x`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:4000", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("http://localhost:4000");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Content-Type/);
    const res = await fetch(`${FHIR}/metadata`, { headers: { Origin: "http://localhost:4000" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:4000");
    const anon = await fetch(`${FHIR}/metadata`);
    expect(anon.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("authorize", () => {
  test("redirects to redirect_uri with a code and the state echoed", async () => {
    const r = await authorizeRedirect(authorizeUrl({ state: "s-42" }));
    expect(r.status).toBe(302);
    expect(r.location.startsWith(`${REDIRECT}?`)).toBe(true);
    expect(r.params.get("code")).toBeTruthy();
    expect(r.params.get("state")).toBe("s-42");
    expect(r.params.get("error")).toBeNull();
  });

  test.each([
    ["a wrong aud", { aud: "https://evil.example/fhir" }, "invalid_request"],
    ["no code_challenge", { challenge: null }, "invalid_request"],
    ["plain PKCE", { method: "plain" }, "invalid_request"],
    ["an empty scope", { scope: "" }, "invalid_request"],
    ["an empty client_id", { clientId: "" }, "invalid_client"],
    ["a garbage launch", { launch: "%%%not-a-launch" }, "invalid_request"],
    ["authError access_denied", { launch: { patient: "epic-like", authError: "access_denied" as const } }, "access_denied"],
    ["authError invalid_scope", { launch: { patient: "epic-like", authError: "invalid_scope" as const } }, "invalid_scope"],
  ])("with %s redirects with an error and the state", async (_label, input, error) => {
    const r = await authorizeRedirect(authorizeUrl({ ...input, state: "st" }));
    expect(r.status).toBe(302);
    expect(r.params.get("error")).toBe(error);
    expect(r.params.get("error_description")).toBeTruthy();
    expect(r.params.get("state")).toBe("st");
    expect(r.params.get("code")).toBeNull();
  });

  test("a missing redirect_uri is an error page, never a redirect", async () => {
    const url = authorizeUrl();
    url.searchParams.set("redirect_uri", "javascript:alert(1)");
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  test("a standalone launch shows a patient picker whose links continue with the chosen patient", async () => {
    const url = authorizeUrl({ launch: null, scope: `launch/patient ${SCOPE}` });
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(200);
    const page = await res.text();
    const hrefs = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    const epic = hrefs.find((h) => h.includes(encodeLaunch({ patient: "epic-like" })));
    expect(epic).toBeDefined();
    const next = await authorizeRedirect(new URL(epic!, url));
    expect(next.params.get("code")).toBeTruthy();
    expect(next.params.get("state")).toBe("state-123");
  });
});

describe("token", () => {
  async function codeFor(launch = {}) {
    const { verifier, challenge } = pkce();
    const r = await authorizeRedirect(authorizeUrl({ challenge, launch: { patient: "epic-like", ...launch } }));
    return { code: r.params.get("code")!, verifier };
  }
  const form = (code: string, verifier: string, extra: Record<string, string> = {}) => ({
    grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: CLIENT, code_verifier: verifier, ...extra,
  });

  test("exchanges a code for a Bearer token with patient, scope, banner flag and an id_token", async () => {
    const { code, verifier } = await codeFor();
    const res = await tokenRequest(form(code, verifier));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "Bearer", patient: "epic-like", scope: SCOPE, need_patient_banner: true, expires_in: 3600 });
    expect(typeof body.access_token).toBe("string");
    expect(body.refresh_token).toBeUndefined();
    const idToken = body.id_token as string;
    expect(idToken.split(".")[1]).toMatch(/[-_]/);
    expect(decodeJwtPayload(idToken).fhirUser).toBe("Practitioner/demo");
  });

  test("rejects a wrong PKCE verifier, then accepts the right one once, then rejects reuse", async () => {
    const { code, verifier } = await codeFor();
    const wrong = await tokenRequest(form(code, pkce().verifier));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe("invalid_grant");
    expect((await tokenRequest(form(code, verifier))).status).toBe(200);
    const again = await tokenRequest(form(code, verifier));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe("invalid_grant");
  });

  test.each([
    ["another redirect_uri", { redirect_uri: "http://localhost:4000/other.html" }, "invalid_grant"],
    ["another client_id", { client_id: "someone-else" }, "invalid_grant"],
    ["a forged code", { code: "eyJ0IjoiY29kZSJ9.bad" }, "invalid_grant"],
    ["an unknown grant_type", { grant_type: "password" }, "unsupported_grant_type"],
  ])("rejects %s", async (_label, extra, error) => {
    const { code, verifier } = await codeFor();
    const res = await tokenRequest(form(code, verifier, extra));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(error);
  });

  test("rejects a JSON body (token requests are form-encoded)", async () => {
    const res = await fetch(`${BASE}/auth/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(res.status).toBe(400);
  });

  test.each([
    [400, "invalid_grant"],
    [401, "invalid_client"],
    [500, "server_error"],
  ] as const)("simulates a token error %i", async (status, error) => {
    const { code, verifier } = await codeFor({ tokenError: status });
    const res = await tokenRequest(form(code, verifier));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(error);
  });

  test("launch options shape the token response", async () => {
    const t = await getToken({
      launch: { patient: "epic-like", tokenPatient: "oracle-like", needPatientBanner: false, smartStyle: true, expiresIn: 60, grantScope: "patient/Patient.rs" },
    });
    expect(t).toMatchObject({ patient: "oracle-like", need_patient_banner: false, expires_in: 60, scope: "patient/Patient.rs" });
    expect(t.smart_style_url).toBe(`${BASE}/smart-style.json`);
    const style = (await (await fetch(t.smart_style_url!)).json()) as Record<string, unknown>;
    expect(Object.keys(style)).toEqual(expect.arrayContaining([
      "color_background", "color_error", "color_highlight", "color_modal_backdrop", "color_success", "color_text",
      "dim_border_radius", "dim_font_size", "dim_spacing_size", "font_family_body", "font_family_heading",
    ]));
    const none = await getToken({ launch: { patient: "epic-like", noPatient: true } });
    expect(none.patient).toBeUndefined();
  });

  test("refresh tokens come only with online/offline_access, and refresh works once granted", async () => {
    const t = await getToken({ scope: `${SCOPE} online_access` });
    expect(t.refresh_token).toBeTruthy();
    const res = await tokenRequest({ grant_type: "refresh_token", refresh_token: t.refresh_token!, client_id: CLIENT });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; refresh_token?: string };
    expect(body.access_token).not.toBe(t.access_token);
    expect(body.refresh_token).toBeTruthy();
    expect((await fhirGet("Patient/epic-like", body.access_token)).status).toBe(200);
    const wider = await tokenRequest({ grant_type: "refresh_token", refresh_token: t.refresh_token!, scope: "user/*.rs" });
    expect(((await wider.json()) as { error: string }).error).toBe("invalid_scope");
  });
});
