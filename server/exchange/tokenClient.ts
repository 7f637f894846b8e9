/**
 * The token endpoint, as a SMART confidential client (oauth4webapi builds and signs the requests):
 * - private_key_jwt (confidential-asymmetric): a client assertion signed RS384/ES384 with the app's key,
 *   header `typ: JWT` and `kid`, claims iss = sub = client id, aud = the token endpoint, exp ≤ 5 minutes,
 *   a fresh jti (SMART App Launch 2.x, client-confidential-asymmetric);
 * - client_secret_basic / client_secret_post (symmetric) where an EHR requires a secret.
 * Answers are parsed here, not by the library's OpenID checks: a SMART EHR's id_token is not needed on
 * the server (and is never kept), and the launch context (patient, need_patient_banner…) rides beside
 * the token.
 */
import * as oauth from "oauth4webapi";
import type { TokenAuthMethod } from "../../src/fhir/configTypes";
import { field, nonEmptyString } from "../../src/util/json";
import type { ClientKey } from "./clientKey";
import type { ClientSecrets } from "./secrets";
import { TOKEN_LIMITS, upstreamFetch, type FetchLike } from "./upstream";

export const TOKEN_AUTH_METHODS: readonly TokenAuthMethod[] = ["private_key_jwt", "client_secret_basic", "client_secret_post"];

/** Lifetime of a client assertion, in seconds (SMART: no more than five minutes). */
export const ASSERTION_LIFETIME_S = 240;

export interface TokenEndpointRef {
  issuer: string;
  tokenEndpoint: string;
  clientId: string;
  tokenAuth: TokenAuthMethod;
  /** Plain http allowed for this endpoint (loopback, or allowHttp): the launch already checked it. */
  allowHttp: boolean;
}

export interface Credentials {
  clientKey?: ClientKey;
  secrets: ClientSecrets;
}

/** The token response, reduced to what a session keeps. */
export interface GrantedTokens {
  accessToken: string;
  refreshToken?: string;
  /** Milliseconds since the epoch, when the answer said (`expires_in`). */
  expiresAt?: number;
  scope?: string;
  patient?: string;
  needPatientBanner?: boolean;
  smartStyleUrl?: string;
}

export type TokenOutcome =
  | { ok: true; tokens: GrantedTokens }
  /** refused: the endpoint refused the client (its assertion or secret); grant: the code or refresh token was refused; failed: anything else. */
  | { ok: false; error: "refused" | "grant" | "failed" };

/** Whether this server can authenticate as `clientId` with `method` (a key, or that client's secret). */
export function canAuthenticate(method: TokenAuthMethod, clientId: string, credentials: Credentials): boolean {
  return method === "private_key_jwt" ? credentials.clientKey !== undefined : credentials.secrets.has(clientId);
}

function clientAuthentication(ref: TokenEndpointRef, credentials: Credentials): oauth.ClientAuth {
  if (ref.tokenAuth === "private_key_jwt") {
    const key = credentials.clientKey;
    if (!key) throw new Error("no client key");
    return oauth.PrivateKeyJwt(
      { key: key.privateKey, kid: key.kid },
      {
        [oauth.modifyAssertion]: (header, payload) => {
          header.typ = "JWT";
          // SMART: aud is the token endpoint (the library's default is the issuer).
          payload.aud = ref.tokenEndpoint;
          payload.exp = (typeof payload.iat === "number" ? payload.iat : Math.floor(Date.now() / 1000)) + ASSERTION_LIFETIME_S;
        },
      },
    );
  }
  const secret = credentials.secrets.get(ref.clientId);
  if (secret === undefined) throw new Error("no client secret");
  return ref.tokenAuth === "client_secret_basic" ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
}

function requestOptions(ref: TokenEndpointRef, fetchFn: FetchLike | undefined): oauth.TokenEndpointRequestOptions {
  return {
    [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<"POST", URLSearchParams>) =>
      upstreamFetch(url, { method: init.method, headers: init.headers, body: init.body, ...(init.signal ? { signal: init.signal } : {}) }, TOKEN_LIMITS, fetchFn),
    ...(ref.allowHttp ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

const authorizationServer = (ref: TokenEndpointRef): oauth.AuthorizationServer => ({ issuer: ref.issuer, token_endpoint: ref.tokenEndpoint });

/** Reads a token endpoint's answer; never keeps the id_token. */
async function readTokenResponse(response: Response, now: number): Promise<TokenOutcome> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: "failed" };
  }
  if (!response.ok) {
    const error = field(body, "error");
    if (response.status === 401 || error === "invalid_client" || error === "unauthorized_client") return { ok: false, error: "refused" };
    if (error === "invalid_grant") return { ok: false, error: "grant" };
    return { ok: false, error: "failed" };
  }
  const accessToken = nonEmptyString(field(body, "access_token"));
  const tokenType = field(body, "token_type");
  if (!accessToken || typeof tokenType !== "string" || tokenType.toLowerCase() !== "bearer") return { ok: false, error: "failed" };
  const tokens: GrantedTokens = { accessToken };
  const refreshToken = nonEmptyString(field(body, "refresh_token"));
  if (refreshToken) tokens.refreshToken = refreshToken;
  const expiresIn = Number(field(body, "expires_in"));
  if (field(body, "expires_in") !== undefined && Number.isFinite(expiresIn) && expiresIn > 0) tokens.expiresAt = now + expiresIn * 1000;
  const scope = field(body, "scope");
  if (typeof scope === "string") tokens.scope = scope;
  const patient = nonEmptyString(field(body, "patient"));
  if (patient) tokens.patient = patient;
  const banner = field(body, "need_patient_banner");
  if (typeof banner === "boolean") tokens.needPatientBanner = banner;
  const style = nonEmptyString(field(body, "smart_style_url"));
  if (style) tokens.smartStyleUrl = style;
  return { ok: true, tokens };
}

/** Exchanges the authorization code (with the PKCE verifier) at the token endpoint. */
export async function exchangeCode(
  ref: TokenEndpointRef,
  credentials: Credentials,
  callback: { code: string; state: string; iss?: string },
  redirectUri: string,
  codeVerifier: string,
  now: () => number,
  fetchFn?: FetchLike,
): Promise<TokenOutcome> {
  const as = authorizationServer(ref);
  const client: oauth.Client = { client_id: ref.clientId };
  let params: URLSearchParams;
  try {
    const given = new URLSearchParams({ code: callback.code, state: callback.state });
    if (callback.iss !== undefined) given.set("iss", callback.iss);
    params = oauth.validateAuthResponse(as, client, given, callback.state);
  } catch {
    return { ok: false, error: "failed" };
  }
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(as, client, clientAuthentication(ref, credentials), params, redirectUri, codeVerifier, requestOptions(ref, fetchFn));
  } catch {
    return { ok: false, error: "failed" };
  }
  return readTokenResponse(response, now());
}

/** Uses a refresh token (the client authenticates the same way). */
export async function refreshTokens(ref: TokenEndpointRef, credentials: Credentials, refreshToken: string, now: () => number, fetchFn?: FetchLike): Promise<TokenOutcome> {
  let response: Response;
  try {
    response = await oauth.refreshTokenGrantRequest(authorizationServer(ref), { client_id: ref.clientId }, clientAuthentication(ref, credentials), refreshToken, requestOptions(ref, fetchFn));
  } catch {
    return { ok: false, error: "failed" };
  }
  return readTokenResponse(response, now());
}
