/**
 * The public CDS Hooks sandbox (sandbox.cds-hooks.org) as a CDS client: for testing only. It signs its
 * tokens in the browser with a private key published in its own repository (cds-hooks/sandbox,
 * src/retrieve-data-helpers/jwt-generator.js: "The private key is exposed on the repository"), so anyone can
 * mint a token it would have signed. Trusting it is therefore never a configuration entry: only the explicit
 * flag `--trust-public-sandbox-for-testing`, and only when no other client is trusted (a forged sandbox
 * token must never reach a real EHR's FHIR server or share a replay quota with a real client).
 */
import type { CdsConfig, TrustedClient } from "./config";

export const PUBLIC_SANDBOX_ISS = "https://sandbox.cds-hooks.org";
export const PUBLIC_SANDBOX_JWKS_URL = "https://sandbox.cds-hooks.org/.well-known/jwks.json";
/** The FHIR servers the sandbox's calls may name: the public SMART sandbox's R4 servers (public test data). */
export const PUBLIC_SANDBOX_FHIR_SERVERS = ["https://launch.smarthealthit.org/v/r4/"];

export const PUBLIC_SANDBOX_WARNING =
  "trusting the public CDS Hooks sandbox: its signing key is published, anyone can mint a token it would accept — for testing only, never beside real clients";

/** Whether a configured client is the public sandbox under another spelling (its issuer or its key host). */
export function isPublicSandbox(client: Pick<TrustedClient, "iss" | "jwksUrl">): boolean {
  const host = (url: string) => {
    try {
      return new URL(url).hostname.toLowerCase();
    } catch {
      return "";
    }
  };
  return host(client.iss) === "sandbox.cds-hooks.org" || host(client.jwksUrl) === "sandbox.cds-hooks.org";
}

/** The configuration with the sandbox as its only client; refused when real clients are configured. */
export function trustPublicSandbox(config: CdsConfig): CdsConfig {
  if (config.clients.length > 0) {
    throw new Error("--trust-public-sandbox-for-testing needs a configuration that trusts no other client: the sandbox's signing key is public");
  }
  return { ...config, clients: [{ iss: PUBLIC_SANDBOX_ISS, jwksUrl: PUBLIC_SANDBOX_JWKS_URL, fhirServers: [...PUBLIC_SANDBOX_FHIR_SERVERS] }] };
}
