/**
 * The server token exchange on the demo EHR (`npm start`, the Chromium tests): an EHR whose token
 * endpoint sends no CORS headers and only accepts the app's registered confidential client, in both
 * kinds (a signed JWT checked against the app's JWKS URL; a client secret), and the smart-config.json
 * entries that send those launches to the app's server. The key and secret are made per run, in memory.
 */
import { randomBytes } from "node:crypto";
import type { ConfidentialClient } from "../mocks/clientAuth";
import { simFhirBase } from "../mocks/launchContext";
import { parseClientKey, type ClientKey } from "../server/exchange/clientKey";
import { makeClientKey } from "../server/keygen";

export const ASYMMETRIC_CLIENT = "nlc-demo-confidential-jwt";
export const SYMMETRIC_CLIENT = "nlc-demo-confidential-secret";

export interface ServerExchangeDemo {
  clientKey: ClientKey;
  secrets: Map<string, string>;
  /** For the demo EHR (startEhrHttpServer). */
  confidentialClients: Record<string, ConfidentialClient>;
  /** Launch links for its home page. */
  launches: { label: string; fhirBase: string }[];
  /** smart-config.json entries, to put before the others (the first entry that allows an iss decides). */
  servers: Record<string, unknown>[];
}

/** A key and a secret made for this run (never written anywhere). */
export async function demoCredentials(): Promise<{ clientKey: ClientKey; secret: string }> {
  const { jwk } = await makeClientKey("ES384");
  return { clientKey: await parseClientKey(JSON.stringify(jwk), "generated for this run"), secret: randomBytes(24).toString("base64url") };
}

/** `ehrBaseUrl`: the demo EHR's origin; `appUrl`: the app's (its JWKS URL is registered with the EHR). */
export async function serverExchangeDemo(
  ehrBaseUrl: string,
  appUrl: string,
  credentials?: { clientKey: ClientKey; secret: string },
): Promise<ServerExchangeDemo> {
  const { clientKey, secret } = credentials ?? (await demoCredentials());
  const jwtBase = simFhirBase(ehrBaseUrl, { refuseCors: "token", requireClient: ASYMMETRIC_CLIENT });
  const secretBase = simFhirBase(ehrBaseUrl, { refuseCors: "token", requireClient: SYMMETRIC_CLIENT });
  return {
    clientKey,
    secrets: new Map([[SYMMETRIC_CLIENT, secret]]),
    confidentialClients: {
      [ASYMMETRIC_CLIENT]: { auth: "private_key_jwt", jwksUrl: `${appUrl}/.well-known/jwks.json` },
      [SYMMETRIC_CLIENT]: { auth: "client_secret_post", secret },
    },
    launches: [
      { label: "confidential-asymmetric (private_key_jwt, ES384, the app's JWKS URL)", fhirBase: jwtBase },
      { label: "confidential-symmetric (client_secret_post)", fhirBase: secretBase },
    ],
    servers: [
      { name: "Demo EHR (server exchange, signed JWT)", iss: jwtBase, clientId: ASYMMETRIC_CLIENT, tokenExchange: "server" },
      { name: "Demo EHR (server exchange, client secret)", iss: secretBase, clientId: SYMMETRIC_CLIENT, tokenExchange: "server", tokenAuth: "client_secret_post" },
    ],
  };
}
