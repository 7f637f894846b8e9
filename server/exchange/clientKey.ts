/**
 * The app's private key for SMART confidential-asymmetric clients (private_key_jwt): read from a file or
 * an environment variable (a private JWK, or a PKCS#8 PEM), never from dist/ or smart-config.json, never
 * logged. Its public half is published at /.well-known/jwks.json for the EHR to register as the
 * client's JWKS URL. Only RS384 and ES384, the algorithms SMART App Launch 2.x names.
 */
import { readFile } from "node:fs/promises";
import { calculateJwkThumbprint, exportJWK, importJWK, importPKCS8, type JWK } from "jose";

export type ClientKeyAlg = "RS384" | "ES384";
export const CLIENT_KEY_ALGS: readonly ClientKeyAlg[] = ["ES384", "RS384"];

export interface ClientKey {
  /** Non-extractable signing key. */
  privateKey: CryptoKey;
  alg: ClientKeyAlg;
  kid: string;
  /** The public JWK (kty, its public parameters, alg, kid, use "sig"). */
  publicJwk: JWK;
}

/** Members of a JWK that are private (RSA and EC), removed from the published key. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k", "key_ops", "ext"] as const;

export function publicPart(jwk: JWK): JWK {
  const hidden: readonly string[] = PRIVATE_MEMBERS;
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !hidden.includes(name))) as JWK;
}

/**
 * The algorithm a key signs with: RS384 for any RSA key (one made for RS256 signs RS384 as well, and the
 * published key says RS384), ES384 for an EC P-384 key. Other keys (EC P-256, OKP, symmetric) are refused.
 */
function algOf(jwk: JWK): ClientKeyAlg | undefined {
  if (jwk.kty === "RSA" && (jwk.alg === undefined || /^(RS|PS)\d{3}$/.test(jwk.alg))) return "RS384";
  if (jwk.kty === "EC" && jwk.crv === "P-384" && (jwk.alg === undefined || jwk.alg === "ES384")) return "ES384";
  return undefined;
}

/** Why a key is refused, in words that never quote the key. */
class KeyError extends Error {
  constructor(source: string, problem: string) {
    super(`client key (${source}): ${problem}`);
    this.name = "ClientKeyError";
  }
}

async function fromJwk(jwk: JWK, source: string): Promise<ClientKey> {
  if (typeof jwk.d !== "string") throw new KeyError(source, "not a private key (a public JWK has no \"d\"); make one with `npm run keygen`");
  const alg = algOf(jwk);
  if (!alg) throw new KeyError(source, "only RS384 (RSA) and ES384 (EC P-384) keys are accepted");
  if (alg === "ES384" && jwk.crv !== "P-384") throw new KeyError(source, "an ES384 key must be on the P-384 curve");
  let privateKey: CryptoKey;
  try {
    privateKey = (await importJWK({ ...jwk, alg }, alg, { extractable: false })) as CryptoKey;
  } catch {
    throw new KeyError(source, `the JWK could not be imported as an ${alg} key`);
  }
  const publicJwk = publicPart({ ...jwk, alg });
  const kid = typeof jwk.kid === "string" && jwk.kid !== "" ? jwk.kid : await calculateJwkThumbprint(publicJwk);
  return { privateKey, alg, kid, publicJwk: { ...publicJwk, alg, kid, use: "sig" } };
}

async function fromPem(pem: string, source: string): Promise<ClientKey> {
  for (const alg of CLIENT_KEY_ALGS) {
    try {
      const extractable = await importPKCS8(pem, alg, { extractable: true });
      return await fromJwk({ ...(await exportJWK(extractable)), alg }, source);
    } catch {
      // the other algorithm
    }
  }
  throw new KeyError(source, "the PEM is not a PKCS#8 RSA or P-384 EC private key");
}

/** Parses the text of a key file or variable: a private JWK (or a JWK Set holding one), or a PKCS#8 PEM. */
export async function parseClientKey(text: string, source: string): Promise<ClientKey> {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) return fromPem(trimmed, source);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new KeyError(source, "neither a JWK (JSON) nor a PEM private key");
  }
  const keys = (parsed as { keys?: unknown }).keys;
  const jwk = Array.isArray(keys) ? (keys.find((k) => typeof (k as JWK).d === "string") ?? keys[0]) : parsed;
  if (typeof jwk !== "object" || jwk === null) throw new KeyError(source, "not a JWK object");
  return fromJwk(jwk as JWK, source);
}

export async function readClientKey(file: string): Promise<ClientKey> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new KeyError(file, "the file could not be read");
  }
  return parseClientKey(text, file);
}

/** The JWK Set the app publishes (public keys only). */
export function publicJwks(keys: readonly ClientKey[]): { keys: JWK[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}
