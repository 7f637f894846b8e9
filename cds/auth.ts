/**
 * Who may call the service (docs/spec/cds-hooks.md, "Security"): `Authorization: Bearer <JWT>` signed by a
 * configured CDS client. Accepted only when its `iss` is a configured client; its signature verifies (ES384 or
 * RS384) with the key its `kid` names in that client's JWK Set (a `jku` header only when it equals the
 * configured jwksUrl; the service never fetches a URL a token names); `aud` is this endpoint's URL; `exp` is in
 * the future and at most five minutes after `iat` (`iat` not in the future beyond the allowed clock skew); and
 * its `jti` was never accepted before, by any replica (cds/replay.ts, on the shared store). Verification and
 * key fetching are the `jose` library's.
 *
 * The failure reason is returned for tests and counters only: the HTTP answer never says which check failed.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from "jose";
import { StoreUnavailable } from "../node/store";
import type { TrustedClient } from "./config";
import type { ReplayGuard } from "./replay";

export const ALGORITHMS = ["ES384", "RS384"] as const;
/** The longest lifetime (exp - iat) accepted, in seconds. */
export const MAX_LIFETIME_SECONDS = 300;
/** Clock difference tolerated between the client and the service, in seconds. */
export const CLOCK_SKEW_SECONDS = 30;

export type AuthFailure =
  | "missing"
  | "malformed"
  | "untrusted-issuer"
  | "header"
  | "signature"
  | "audience"
  | "expired"
  | "lifetime"
  | "issued-in-future"
  | "no-jti"
  | "replayed"
  | "over-quota" // the client's quota of live jtis is spent (429)
  | "before-epoch" // issued before the replay records began (a restarted or emptied store): cannot be proven unseen (401)
  | "store-unavailable"; // the replay store cannot answer: fail closed (503)

export type AuthResult = { ok: true; iss: string } | { ok: false; reason: AuthFailure };

export interface VerifierOptions {
  clients: readonly TrustedClient[];
  now: () => Date;
  replay: ReplayGuard;
  /** Timeout of a JWK Set fetch, ms (default 5000). */
  jwksTimeoutMs?: number;
}

const fail = (reason: AuthFailure): AuthResult => ({ ok: false, reason });

export class TokenVerifier {
  private readonly clients: Map<string, TrustedClient>;
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly options: VerifierOptions) {
    this.clients = new Map(options.clients.map((c) => [c.iss, c]));
  }

  /** One remote JWK Set per client, cached by jose (refetched when an unknown `kid` arrives, at most every 30 s). */
  private keySet(client: TrustedClient): JWTVerifyGetKey {
    let set = this.keySets.get(client.iss);
    if (!set) {
      set = createRemoteJWKSet(new URL(client.jwksUrl), { timeoutDuration: this.options.jwksTimeoutMs ?? 5000 });
      this.keySets.set(client.iss, set);
    }
    return set;
  }

  /** Verifies an Authorization header value for a call whose accepted audiences are `audiences`. */
  async verify(authorization: string | undefined, audiences: readonly string[]): Promise<AuthResult> {
    if (!authorization) return fail("missing");
    const m = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(authorization.trim());
    if (!m) return fail("malformed");
    const token = m[1]!;

    let iss: unknown;
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
      iss = decodeJwt(token).iss;
    } catch {
      return fail("malformed");
    }
    const client = typeof iss === "string" ? this.clients.get(iss) : undefined;
    if (!client) return fail("untrusted-issuer");
    if (typeof header.alg !== "string" || !(ALGORITHMS as readonly string[]).includes(header.alg)) return fail("header");
    if (typeof header.kid !== "string" || header.kid === "") return fail("header");
    if (header.jku !== undefined && header.jku !== client.jwksUrl) return fail("header");
    if (audiences.length === 0) return fail("audience");

    const now = this.options.now();
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(token, this.keySet(client), {
        algorithms: [...ALGORITHMS],
        issuer: client.iss,
        audience: [...audiences],
        currentDate: now,
        requiredClaims: ["iss", "aud", "exp", "iat", "jti"],
      }));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === "ERR_JWT_EXPIRED") return fail("expired");
      if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") {
        const claim = (error as { claim?: unknown }).claim;
        if (claim === "aud") return fail("audience");
        if (claim === "jti") return fail("no-jti");
        return fail("expired");
      }
      return fail("signature");
    }

    const nowSeconds = now.getTime() / 1000;
    const { exp, iat, jti } = payload;
    if (typeof exp !== "number" || typeof iat !== "number") return fail("expired");
    if (exp <= nowSeconds) return fail("expired");
    if (exp - iat > MAX_LIFETIME_SECONDS || exp < iat) return fail("lifetime");
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return fail("issued-in-future");
    if (typeof jti !== "string" || jti === "") return fail("no-jti");

    let verdict: Awaited<ReturnType<ReplayGuard["check"]>>;
    try {
      verdict = await this.options.replay.check(client.iss, jti, iat * 1000, exp * 1000, now.getTime());
    } catch (error) {
      if (error instanceof StoreUnavailable) return fail("store-unavailable");
      throw error;
    }
    if (verdict !== "new") return fail(verdict);
    return { ok: true, iss: client.iss };
  }
}
