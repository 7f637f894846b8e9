/**
 * Confidential clients of the demo EHR: client ids registered with a way to authenticate at the token
 * endpoint, as ambulatory EHRs require (eClinicalWorks, athenahealth: a signed JWT checked against the
 * app's JWKS URL; MEDITECH Greenfield: client_secret_post). A token request for a registered client id
 * must authenticate that way, or it gets 401 invalid_client; unregistered ids stay public clients (PKCE
 * only), as before. The assertion is checked as SMART App Launch 2.x asks: signature by a key of the
 * JWKS URL (RS384/ES384), iss = sub = client id, aud = this token endpoint, exp at most 5 minutes ahead,
 * a jti never seen before, kid in the header.
 */
import { timingSafeEqual } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";

export type ConfidentialClient =
  | { auth: "private_key_jwt"; jwksUrl: string }
  | { auth: "client_secret_basic" | "client_secret_post"; secret: string };

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const MAX_ASSERTION_LIFETIME_S = 300;

export type ClientCheck = { ok: true; clientId: string } | { ok: false; status: 400 | 401; error: string; description: string };

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | null): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
  return { id: decodeURIComponent(text.slice(0, colon).replace(/\+/g, " ")), secret: decodeURIComponent(text.slice(colon + 1).replace(/\+/g, " ")) };
}

const refused = (description: string): ClientCheck => ({ ok: false, status: 401, error: "invalid_client", description });

/** Who is asking, and whether it proved it: the client id a token request is for. */
export async function authenticateClient(
  request: Request,
  form: URLSearchParams,
  clients: ReadonlyMap<string, ConfidentialClient>,
  tokenEndpoint: string,
  seenJti: (jti: string, expiresAtS: number) => boolean,
  nowS: number,
): Promise<ClientCheck> {
  const basic = basicCredentials(request.headers.get("Authorization"));
  const assertion = form.get("client_assertion_type") === JWT_BEARER ? form.get("client_assertion") : null;
  let clientId = basic?.id ?? form.get("client_id");
  if (!clientId && assertion) {
    try {
      const payload = JSON.parse(Buffer.from(assertion.split(".")[1] ?? "", "base64url").toString("utf8")) as { sub?: unknown };
      if (typeof payload.sub === "string") clientId = payload.sub;
    } catch {
      return refused("The client assertion is not a JWT");
    }
  }
  if (!clientId) return { ok: false, status: 400, error: "invalid_request", description: "client_id is required" };
  const registered = clients.get(clientId);
  if (!registered) return basic || assertion ? refused("This client is not registered as a confidential client") : { ok: true, clientId };

  if (registered.auth !== "private_key_jwt") {
    const secret = registered.auth === "client_secret_basic" ? basic?.secret : form.get("client_secret");
    return typeof secret === "string" && sameText(secret, registered.secret) ? { ok: true, clientId } : refused(`${registered.auth} authentication failed`);
  }
  if (!assertion) return refused("A client assertion (private_key_jwt) is required");
  try {
    const header = decodeProtectedHeader(assertion);
    if (typeof header.kid !== "string") return refused("The client assertion has no kid");
    const { payload } = await jwtVerify(assertion, createRemoteJWKSet(new URL(registered.jwksUrl)), {
      algorithms: ["RS384", "ES384"],
      issuer: clientId,
      subject: clientId,
      audience: tokenEndpoint,
      currentDate: new Date(nowS * 1000),
      requiredClaims: ["exp", "jti"],
    });
    if ((payload.exp ?? 0) - nowS > MAX_ASSERTION_LIFETIME_S) return refused("The client assertion lives longer than 5 minutes");
    if (!seenJti(`${clientId}:${String(payload.jti)}`, payload.exp ?? nowS)) return refused("The client assertion's jti was used before");
    return { ok: true, clientId };
  } catch {
    return refused("The client assertion could not be verified against the registered JWKS URL");
  }
}
