/**
 * The two steps of a server-exchange launch:
 * - POST smart/launch {iss, launch}: from launch.html. Checks the iss against smart-config.json, reads
 *   the EHR's SMART configuration, makes the PKCE verifier and the state (kept in the store with the
 *   browser's binding cookie) and answers the authorization URL;
 * - GET smart/callback?code&state: the redirect URI. Takes the pending launch once, checks the binding
 *   cookie, exchanges the code as a confidential client, starts a session (HttpOnly cookie) and sends the
 *   browser to index.html naming only the session's handle. Failures go to index.html?error=<code>, which
 *   the panel words (session.ts), never with a token or the EHR's text.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as oauth from "oauth4webapi";
import { findServer, parseConfig } from "../../src/fhir/config";
import { usesServerExchange } from "../../src/fhir/exchangeConfig";
import { CALLBACK_ROUTE, EXCHANGE_ERRORS, SESSION_PARAM } from "../../src/fhir/exchangeRoutes";
import { launchScope } from "../../src/fhir/launch";
import { withOnlineAccess } from "../../src/fhir/scopeRequest";
import { field, trimmedString } from "../../src/util/json";
import { discoverEndpoints } from "./discovery";
import type { ExchangeContext } from "./context";
import { clearCookie, cookieName, cookies, cookieValue, fromOwnPages, publicOrigin, redirect, secureCookies, sendJson, setCookie } from "./http";
import { LAUNCH_TTL_MS, randomToken, sameSecret, type PendingLaunch } from "./sessions";
import { canAuthenticate, exchangeCode, TOKEN_AUTH_METHODS } from "./tokenClient";
import { readRequestBody, RequestTooLarge } from "../../node/requestBody";

/** OAuth error codes an EHR may send to the redirect URI that the panel words; anything else is "server_error". */
const KNOWN_AUTH_ERRORS = new Set([
  "access_denied",
  "invalid_client",
  "invalid_scope",
  "invalid_request",
  "unauthorized_client",
  "unsupported_response_type",
  "server_error",
  "temporarily_unavailable",
]);

/** A launch request names an iss and a launch parameter: a few hundred bytes. */
const LAUNCH_BODY_BYTES = 8 * 1024;

const launchError = (res: ServerResponse, status: number, error: string) => sendJson(res, status, { error });

export async function startLaunch(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = publicOrigin(req, ctx.publicUrl);
  // A JSON body cannot be sent from another origin without a preflight, which this server never answers.
  if (!fromOwnPages(req, origin) || !(req.headers["content-type"] ?? "").startsWith("application/json")) {
    return launchError(res, 403, "exchange-unavailable");
  }
  let body: unknown;
  try {
    body = JSON.parse((await readRequestBody(req, LAUNCH_BODY_BYTES)).toString("utf8"));
  } catch (error) {
    return launchError(res, error instanceof RequestTooLarge ? 413 : 400, "exchange-unavailable");
  }
  const iss = trimmedString(field(body, "iss"));
  const launch = trimmedString(field(body, "launch"));
  if (!iss) return launchError(res, 400, "iss-not-allowed");
  const config = parseConfig(await ctx.config());
  // The loopback rule of the pages (a loopback FHIR server from a loopback page) holds only on a server
  // started for local use (--loopback-csp): never inferred from the Host header.
  const pageUrl = ctx.loopback ? "http://127.0.0.1/launch.html" : `${origin}/launch.html`;
  const server = findServer(config, iss, pageUrl);
  if (!server) return launchError(res, 403, "iss-not-allowed");
  if (!usesServerExchange(server)) return launchError(res, 403, "exchange-unavailable");
  const clientId = server.clientId ?? config.clientId;
  const tokenAuth = server.tokenAuth ?? "private_key_jwt";
  if (!TOKEN_AUTH_METHODS.includes(tokenAuth)) {
    ctx.logger.warn(`server exchange: "${server.name}" names an unknown tokenAuth; use ${TOKEN_AUTH_METHODS.join(", ")}`);
    return launchError(res, 503, "exchange-unavailable");
  }
  if (!canAuthenticate(tokenAuth, clientId, ctx.credentials)) {
    ctx.logger.warn(`server exchange: no ${tokenAuth === "private_key_jwt" ? "client key" : "client secret"} for a launch on "${server.name}"`);
    return launchError(res, 503, "exchange-unavailable");
  }
  const discovered = await discoverEndpoints(iss, server, ctx.loopback, ctx.fetch);
  if (!discovered.ok) return launchError(res, 502, discovered.error);
  const { endpoints } = discovered;

  const state = randomToken();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const redirectUri = `${origin}/${CALLBACK_ROUTE}`;
  const secure = secureCookies(origin);
  const bindingName = cookieName(`nlc-launch-${randomToken(9)}`, secure);
  const binding = randomToken();
  const scope = withOnlineAccess(launchScope(server.scope ?? config.scope, !launch), endpoints.capabilities, server.onlineAccess);
  const pending: PendingLaunch = {
    iss,
    serverName: server.name,
    issuer: endpoints.issuer,
    authorizationEndpoint: endpoints.authorizationEndpoint,
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId,
    tokenAuth,
    allowHttp: new URL(endpoints.tokenEndpoint).protocol === "http:",
    codeVerifier,
    redirectUri,
    bindingName,
    binding,
  };
  await ctx.sessions.savePending(state, pending);
  setCookie(res, bindingName, binding, LAUNCH_TTL_MS / 1000, secure, ctx.cookies);

  const url = new URL(endpoints.authorizationEndpoint);
  const params: Record<string, string> = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope,
    state,
    aud: iss,
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...(launch ? { launch } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  sendJson(res, 200, { authorizeUrl: url.href });
}

/** index.html with an error code the panel words (session.ts), never the EHR's own description. */
function toPanel(res: ServerResponse, code: string): void {
  redirect(res, `/index.html?error=${encodeURIComponent(code)}`);
}

export async function finishLaunch(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const origin = publicOrigin(req, ctx.publicUrl);
  const secure = secureCookies(origin);
  const state = query.get("state");
  const pending = state ? await ctx.sessions.takePending(state) : undefined;
  if (!state || !pending) return toPanel(res, EXCHANGE_ERRORS.noLaunch);
  clearCookie(res, pending.bindingName, secure, ctx.cookies);
  // The callback must come to the browser that started this launch (no login CSRF, no code injection).
  const binding = cookieValue(req, pending.bindingName);
  if (!binding || !sameSecret(binding, pending.binding)) return toPanel(res, EXCHANGE_ERRORS.noLaunch);

  const error = query.get("error");
  if (error) return toPanel(res, KNOWN_AUTH_ERRORS.has(error) ? error : "server_error");
  const code = query.get("code");
  if (!code) return toPanel(res, "invalid_request");

  const ref = { issuer: pending.issuer, tokenEndpoint: pending.tokenEndpoint, clientId: pending.clientId, tokenAuth: pending.tokenAuth, allowHttp: pending.allowHttp };
  const callbackIss = query.get("iss");
  const outcome = await exchangeCode(ref, ctx.credentials, { code, state, ...(callbackIss !== null ? { iss: callbackIss } : {}) }, pending.redirectUri, pending.codeVerifier, ctx.now, ctx.fetch);
  if (!outcome.ok) {
    ctx.logger.warn(`server exchange: the token endpoint of "${pending.serverName}" ${outcome.error === "refused" ? "refused the client's authentication" : "did not issue a token"}`);
    return toPanel(res, outcome.error === "refused" ? EXCHANGE_ERRORS.refused : EXCHANGE_ERRORS.failed);
  }
  const { tokens } = outcome;
  const handle = randomToken(HANDLE_BYTES);
  const secret = await ctx.sessions.create({
    handle,
    iss: pending.iss,
    issuer: pending.issuer,
    tokenEndpoint: pending.tokenEndpoint,
    clientId: pending.clientId,
    tokenAuth: pending.tokenAuth,
    allowHttp: pending.allowHttp,
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    ...(tokens.expiresAt !== undefined ? { expiresAt: tokens.expiresAt } : {}),
    scope: tokens.scope ?? "",
    ...(tokens.patient ? { patient: tokens.patient } : {}),
    ...(tokens.needPatientBanner !== undefined ? { needPatientBanner: tokens.needPatientBanner } : {}),
    ...(tokens.smartStyleUrl ? { smartStyleUrl: tokens.smartStyleUrl } : {}),
    csrf: randomToken(),
    createdAt: ctx.now(),
  });
  await clearEndedSessions(ctx, req, res, secure);
  setCookie(res, cookieName(`nlc-${handle}`, secure), secret, ctx.sessions.limits.absoluteMs / 1000, secure, ctx.cookies);
  redirect(res, `/index.html?${SESSION_PARAM}=${handle}`);
}

/** A session's handle: randomToken(HANDLE_BYTES), 24 base64url characters. */
const HANDLE_BYTES = 18;
/** A session cookie's name; a launch's binding cookie (nlc-launch-<12 characters>) does not match. */
const SESSION_COOKIE = /^(?:__Host-)?nlc-[A-Za-z0-9_-]{24}$/;

/**
 * Each launch adds a session cookie; the cookies of sessions that have ended are removed when the next one
 * starts, so a clinician's browser does not send an ever longer Cookie header.
 */
async function clearEndedSessions(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse, secure: boolean): Promise<void> {
  for (const [name, value] of Object.entries(cookies(req))) {
    if (!SESSION_COOKIE.test(name)) continue;
    if (value === undefined || !(await ctx.sessions.exists(value))) clearCookie(res, name, secure, ctx.cookies);
  }
}
