/**
 * SMART authorization server of the mock: GET /auth/authorize, POST /auth/token, GET /smart-style.json.
 * Codes and tokens are stateless (signed, see tokens.ts); only used codes are remembered.
 */
import { createHash } from "node:crypto";
import { http, type HttpHandler } from "msw";
import { SMART_STYLE } from "./discovery";
import { resolveAud, type EhrContext } from "./ehrContext";
import { authenticateClient } from "./clientAuth";
import { decodeLaunch, encodeLaunch, type DemoLaunch } from "./launchContext";
import { otherOrigin, profileOf } from "./profiles";
import { escapeHtml, html, oauthError, oauthJson, REFUSE_CORS, withCors } from "./responses";
import { hasScope } from "./smartScopes";
import { idToken, issue, nonce, read, type AccessPayload, type CodePayload, type RefreshPayload } from "./tokens";

/** Authorization codes expire after five minutes. */
const CODE_LIFETIME_MS = 5 * 60_000;
const DEFAULT_EXPIRES_IN = 3600;

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

function redirectTo(target: string, params: Record<string, string | null>): Response {
  const url = new URL(target);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return new Response(null, { status: 302, headers: { Location: url.toString(), "Cache-Control": "no-store" } });
}

function errorPage(title: string, detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></main></body></html>`;
}

function pickerPage(ctx: EhrContext, url: URL, launch: DemoLaunch): string {
  const items = ctx.store
    .all()
    .map((p) => {
      const q = new URLSearchParams(url.searchParams);
      q.set("launch", encodeLaunch({ ...launch, patient: p.id }));
      return `<li><a href="?${escapeHtml(q.toString())}">${escapeHtml(p.label)}</a> — ${escapeHtml(p.description)}</li>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo EHR: choose a patient</title></head>
<body><main><h1>Choose a patient</h1><p>The app asked for a patient (standalone launch). Pick one to continue.</p>
<ul>
${items}
</ul></main></body></html>`;
}

export function authorize(ctx: EhrContext, request: Request): Response {
  const url = new URL(request.url);
  const q = url.searchParams;
  const redirectUri = q.get("redirect_uri");
  const state = q.get("state");
  // Without a valid redirect_uri there is nowhere safe to send the error: show it here (no open redirect).
  if (!redirectUri || !isHttpUrl(redirectUri)) {
    return html(errorPage("Authorization failed", "The request has a missing or invalid redirect_uri."), 400);
  }
  const fail = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state });

  if (q.get("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code");
  const clientId = q.get("client_id");
  if (!clientId) return fail("invalid_client", "client_id is required");
  const aud = resolveAud(ctx, q.get("aud"));
  if (!aud) return fail("invalid_request", "aud must be this server's FHIR base URL");
  const scope = q.get("scope")?.trim();
  if (!scope) return fail("invalid_request", "scope is required");
  const challenge = q.get("code_challenge");
  if (!challenge || q.get("code_challenge_method") !== "S256") {
    return fail("invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256");
  }
  const launchParam = q.get("launch");
  let requested: DemoLaunch = {};
  if (launchParam !== null) {
    const decoded = decodeLaunch(launchParam);
    if (!decoded) return fail("invalid_request", "Unknown launch value");
    requested = decoded;
  }
  const launch: DemoLaunch = { ...aud.simLaunch, ...requested };
  if (launch.authError) return fail(launch.authError, `Simulated authorization error: ${launch.authError}`);

  if (!launch.patient && !launch.noPatient && hasScope(scope, "launch/patient")) {
    return html(pickerPage(ctx, url, requested));
  }
  const payload: CodePayload = {
    t: "code",
    s: launch.grantScope ?? scope,
    c: clientId,
    r: redirectUri,
    cc: challenge,
    l: launch,
    aud: aud.fhirBase,
    iat: ctx.now().getTime(),
    n: nonce(),
  };
  if (launch.patient && !launch.noPatient) payload.p = launch.patient;
  return redirectTo(redirectUri, { code: issue(payload), state });
}

function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

type Grant = Pick<CodePayload, "p" | "s" | "c" | "l" | "aud">;

function tokenResponse(ctx: EhrContext, grant: Grant): Response {
  const l = grant.l;
  const profile = profileOf(l.profile);
  const now = ctx.now().getTime();
  const expiresIn = l.expiresIn ?? profile.expiresIn ?? DEFAULT_EXPIRES_IN;
  const access: AccessPayload = { t: "access", s: grant.s, c: grant.c, l, aud: grant.aud, iat: now, exp: now + expiresIn * 1000, n: nonce() };
  if (grant.p) access.p = grant.p;
  const body: Record<string, unknown> = {
    access_token: issue(access),
    token_type: "Bearer",
    expires_in: expiresIn,
    // What the token response says is granted; what is enforced stays grant.s (profiles.ts).
    scope: l.reportScope ?? profile.reportScope(grant.s),
  };
  if (l.needPatientBanner !== undefined || !profile.omitBannerFlag) body.need_patient_banner = l.needPatientBanner ?? true;
  if (grant.p && !l.noPatient) body.patient = l.tokenPatient ?? grant.p;
  if (l.smartStyle || profile.styleOnOtherOrigin) {
    body.smart_style_url = `${profile.styleOnOtherOrigin ? otherOrigin(ctx.baseUrl) : ctx.baseUrl}/smart-style.json`;
  }
  if (hasScope(grant.s, "openid")) {
    body.id_token = idToken({
      iss: ctx.baseUrl,
      sub: "demo",
      aud: grant.c,
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + expiresIn,
      fhirUser: "Practitioner/demo",
      name: "Dr Demo Clinician",
    });
  }
  if (profile.refreshTokens && (hasScope(grant.s, "online_access") || hasScope(grant.s, "offline_access"))) {
    const refresh: RefreshPayload = { t: "refresh", s: grant.s, c: grant.c, l, aud: grant.aud, iat: now, n: nonce() };
    if (grant.p) refresh.p = grant.p;
    body.refresh_token = issue(refresh);
  }
  return oauthJson(body);
}

const TOKEN_ERRORS = {
  400: ["invalid_grant", "Simulated token error"],
  401: ["invalid_client", "Simulated client authentication failure"],
  500: ["server_error", "Simulated server error"],
} as const;

/** The token request's client, authenticated as it is registered (clientAuth.ts); a public client otherwise. */
async function clientOf(ctx: EhrContext, request: Request, form: URLSearchParams): Promise<{ clientId: string } | Response> {
  // Wall-clock time, not the fixture clock (ctx.now, for the records' dates): the app signs with the real one.
  const nowS = Math.floor(Date.now() / 1000);
  const check = await authenticateClient(request, form, ctx.clients, ctx.endpoints.token, (jti, exp) => ctx.state.useJti(jti, exp, nowS), nowS);
  return check.ok ? { clientId: check.clientId } : oauthError(check.status, check.error, check.description);
}

function exchangeCode(ctx: EhrContext, form: URLSearchParams, clientId: string): Response {
  const code = form.get("code") ?? "";
  const payload = read(code, "code");
  if (!payload) return oauthError(400, "invalid_grant", "Unknown or malformed authorization code");
  if (ctx.now().getTime() - payload.iat > CODE_LIFETIME_MS) return oauthError(400, "invalid_grant", "Authorization code expired");
  const simulated = payload.l.tokenError;
  if (simulated) {
    const [error, description] = TOKEN_ERRORS[simulated];
    return oauthError(simulated, error, description);
  }
  if (clientId !== payload.c) return oauthError(400, "invalid_grant", "The code was issued to another client");
  if (payload.l.requireClient !== undefined && (clientId !== payload.l.requireClient || !ctx.clients.has(clientId))) {
    return oauthError(401, "invalid_client", "This EHR only accepts its registered confidential client here");
  }
  if (form.get("redirect_uri") !== payload.r) return oauthError(400, "invalid_grant", "redirect_uri does not match");
  const verifier = form.get("code_verifier");
  if (!verifier) return oauthError(400, "invalid_request", "code_verifier is required");
  if (s256(verifier) !== payload.cc) return oauthError(400, "invalid_grant", "PKCE verification failed");
  if (!ctx.state.useCode(code)) return oauthError(400, "invalid_grant", "Authorization code already used");
  const response = tokenResponse(ctx, payload);
  // The EHR does not accept the app's origin: the browser will refuse to hand this answer to the app.
  if (payload.l.refuseCors === "token") response.headers.set(REFUSE_CORS, "1");
  return response;
}

function refresh(ctx: EhrContext, form: URLSearchParams, clientId: string): Response {
  const payload = read(form.get("refresh_token") ?? "", "refresh");
  if (!payload) return oauthError(400, "invalid_grant", "Unknown or malformed refresh token");
  if (clientId !== payload.c) return oauthError(400, "invalid_grant", "The token was issued to another client");
  const wanted = form.get("scope");
  let scope = payload.s;
  if (wanted) {
    const granted = new Set(payload.s.split(/\s+/));
    if (!wanted.split(/\s+/).filter(Boolean).every((s) => granted.has(s))) {
      return oauthError(400, "invalid_scope", "A refresh may only ask for a subset of the granted scope");
    }
    scope = wanted;
  }
  return tokenResponse(ctx, { ...payload, s: scope });
}

export async function token(ctx: EhrContext, request: Request): Promise<Response> {
  if (!(request.headers.get("Content-Type") ?? "").includes("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "Use application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(await request.text());
  const grant = form.get("grant_type");
  if (grant === "refresh_token" && !form.get("client_id") && !request.headers.get("Authorization") && !form.get("client_assertion")) {
    // A public client may refresh without naming itself (fhirclient does unless told otherwise).
    const payload = read(form.get("refresh_token") ?? "", "refresh");
    if (payload && !ctx.clients.has(payload.c)) return refresh(ctx, form, payload.c);
  }
  const client = await clientOf(ctx, request, form);
  if (client instanceof Response) return client;
  switch (grant) {
    case "authorization_code":
      return exchangeCode(ctx, form, client.clientId);
    case "refresh_token":
      return refresh(ctx, form, client.clientId);
    default:
      return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
  }
}

export function authHandlers(ctx: EhrContext): HttpHandler[] {
  return [
    http.get(`${ctx.baseUrl}/auth/authorize`, ({ request }) => withCors(request, authorize(ctx, request))),
    http.post(`${ctx.baseUrl}/auth/token`, async ({ request }) => withCors(request, await token(ctx, request))),
    // The style is also served on another origin (profiles with styleOnOtherOrigin), as Oracle Health does.
    ...[ctx.baseUrl, otherOrigin(ctx.baseUrl)].map((origin) =>
      http.get(`${origin}/smart-style.json`, ({ request }) =>
        withCors(request, new Response(JSON.stringify(SMART_STYLE), { headers: { "Content-Type": "application/json" } })),
      ),
    ),
  ];
}
