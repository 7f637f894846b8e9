/** Shared helpers for the mock EHR tests: a fixed clock, PKCE and a full authorize → token flow. */
import { createHash, randomBytes } from "node:crypto";
import { encodeLaunch, type DemoLaunch } from "../../mocks/launchContext";

export const BASE = "http://127.0.0.1:4010";
export const FHIR = `${BASE}/fhir`;
export const FIXED_NOW = new Date("2025-03-15T12:00:00Z");
export const REDIRECT = "http://localhost:4000/index.html";
export const CLIENT = "test-client";
export const SCOPE =
  "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Observation.rs patient/Medication.rs";

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export interface AuthorizeInput {
  base?: string;
  launch?: DemoLaunch | string | null;
  scope?: string;
  aud?: string;
  state?: string;
  challenge?: string | null;
  method?: string;
  clientId?: string;
  redirectUri?: string;
}

export function authorizeUrl(i: AuthorizeInput = {}): URL {
  const base = i.base ?? BASE;
  const url = new URL(`${base}/auth/authorize`);
  const q = url.searchParams;
  q.set("response_type", "code");
  q.set("client_id", i.clientId ?? CLIENT);
  q.set("redirect_uri", i.redirectUri ?? REDIRECT);
  q.set("scope", i.scope ?? SCOPE);
  q.set("state", i.state ?? "state-123");
  q.set("aud", i.aud ?? `${base}/fhir`);
  if (i.challenge !== null) q.set("code_challenge", i.challenge ?? pkce().challenge);
  q.set("code_challenge_method", i.method ?? "S256");
  const launch = i.launch === undefined ? { patient: "epic-like" } : i.launch;
  if (launch !== null) q.set("launch", typeof launch === "string" ? launch : encodeLaunch(launch));
  return url;
}

/** GET the authorize URL without following the redirect; returns the redirect target's query. */
export async function authorizeRedirect(url: URL): Promise<{ status: number; params: URLSearchParams; location: string }> {
  const res = await fetch(url, { redirect: "manual" });
  const location = res.headers.get("location") ?? "";
  return { status: res.status, location, params: location ? new URL(location).searchParams : new URLSearchParams() };
}

export function tokenRequest(form: Record<string, string>, base = BASE): Promise<Response> {
  return fetch(`${base}/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
}

export interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  patient?: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
  id_token?: string;
  refresh_token?: string;
}

/** Full EHR launch: authorize then exchange the code. */
export async function getToken(i: AuthorizeInput = {}): Promise<TokenBody> {
  const { verifier, challenge } = pkce();
  const { params } = await authorizeRedirect(authorizeUrl({ ...i, challenge }));
  const code = params.get("code");
  if (!code) throw new Error(`no code: ${params.toString()}`);
  const res = await tokenRequest(
    {
      grant_type: "authorization_code",
      code,
      redirect_uri: i.redirectUri ?? REDIRECT,
      client_id: i.clientId ?? CLIENT,
      code_verifier: verifier,
    },
    i.base,
  );
  if (res.status !== 200) throw new Error(`token ${res.status}: ${await res.text()}`);
  return (await res.json()) as TokenBody;
}

export function fhirGet(path: string, token?: string, init: RequestInit = {}, base = FHIR): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/fhir+json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path.startsWith("http") ? path : `${base}/${path}`, { ...init, headers });
}
