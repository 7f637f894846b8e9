/**
 * Content-Security-Policy derived from the run-time configuration (smart-config.json).
 *
 * connect-src must list every FHIR and authorization origin the app may call, because the `iss` is
 * dynamic; it has to agree with the app's iss allowlist. frame-ancestors lists the EHR origins that
 * may embed the app (X-Frame-Options cannot allowlist, so it is never sent).
 *
 * The configuration is treated as untrusted input: a value that is not a plain http(s) origin is
 * skipped (and reported), so nothing from the file can add a directive or a wildcard to the policy.
 */
import type { AppConfig } from "../src/fhir/configTypes";
import { isRecord } from "../src/util/json";

/**
 * Loopback sources, added only when the server is told to (`loopbackCsp: true`: the demo and the browser
 * tests, whose FHIR server is on another loopback port; the app's loopback rule, panel-contract).
 * No "http://[::1]:*": CSP host-source grammar has no IPv6 literals; Chromium rejects the source with a
 * console error ("contains an invalid source") and ignores it, so it would only add noise. A FHIR server
 * on [::1] is therefore reachable only from a page that is itself on the same [::1] origin ('self').
 */
export const LOOPBACK_SOURCES: readonly string[] = ["http://localhost:*", "http://127.0.0.1:*"];

/** Host names that count as loopback: the app's own rule (src/fhir/config.ts), so the two cannot differ. */
import { isLoopbackHost } from "../src/fhir/config";
export { isLoopbackHost };

export interface CspOrigins {
  /** Origins for connect-src (besides 'self'): each server's iss / issPrefix origin, its authOrigins and styleOrigins. */
  connect: string[];
  /** Origins for frame-ancestors (besides 'self'). */
  frameAncestors: string[];
  /** One human-readable message per skipped (malformed) entry. */
  warnings: string[];
}

/** A DNS name or IPv4 address (letters, digits, dots, hyphens) or a bracketed IPv6 literal. */
const SAFE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * Parses `value` as an http(s) URL and returns its origin, or an error message.
 * With `originOnly`, the value must be an origin (an optional trailing "/" is allowed, nothing else).
 */
function toOrigin(value: unknown, originOnly: boolean, allowHttp = true): { origin: string } | { error: string } {
  if (typeof value !== "string" || value.trim() === "") return { error: "not a non-empty string" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: "not an absolute URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { error: "not an http(s) URL" };
  if (url.username !== "" || url.password !== "") return { error: "contains credentials" };
  if (url.protocol === "http:" && !allowHttp && !isLoopbackHost(url.hostname)) {
    return { error: 'plain http off loopback (the app refuses it unless the entry says "allowHttp": true)' };
  }
  if (!SAFE_HOST.test(url.hostname)) return { error: "host is not a plain host name or IP address" };
  if (originOnly && (url.pathname !== "/" || url.search !== "" || url.hash !== "" || /[?#]/.test(value))) {
    return { error: "not an origin (scheme://host[:port] only)" };
  }
  return { origin: url.origin };
}

/**
 * Collects the CSP origins named by the configuration, deduplicated in order of first appearance.
 * Malformed entries are skipped and described in `warnings`.
 */
export function cspOrigins(config: AppConfig): CspOrigins {
  const connect: string[] = [];
  const frameAncestors: string[] = [];
  const warnings: string[] = [];

  const add = (list: string[], where: string, value: unknown, originOnly: boolean, allowHttp = true): void => {
    const result = toOrigin(value, originOnly, allowHttp);
    if ("error" in result) {
      warnings.push(`smart-config.json: skipped ${where} ${JSON.stringify(value) ?? String(value)}: ${result.error}`);
    } else if (!list.includes(result.origin)) {
      list.push(result.origin);
    }
  };

  // The file is parsed JSON: check shapes at run time rather than trusting the static type.
  const servers: unknown = (config as { servers?: unknown }).servers;
  if (Array.isArray(servers)) {
    servers.forEach((server: unknown, i) => {
      if (!isRecord(server)) {
        warnings.push(`smart-config.json: skipped servers[${i}]: not an object`);
        return;
      }
      const allowHttp = server.allowHttp === true;
      for (const key of ["iss", "issPrefix"] as const) {
        if (server[key] !== undefined) add(connect, `servers[${i}].${key}`, server[key], false, allowHttp);
      }
      // authOrigins: authorization/token endpoints; styleOrigins: where smart_style_url may be read from.
      for (const key of ["authOrigins", "styleOrigins"] as const) {
        const list = server[key];
        if (Array.isArray(list)) {
          list.forEach((origin: unknown, j) => add(connect, `servers[${i}].${key}[${j}]`, origin, true, allowHttp));
        } else if (list !== undefined) {
          warnings.push(`smart-config.json: skipped servers[${i}].${key}: not an array`);
        }
      }
    });
  } else {
    warnings.push("smart-config.json: `servers` is not an array; no FHIR origin allowed");
  }

  const ancestors: unknown = (config as { frameAncestors?: unknown }).frameAncestors;
  if (Array.isArray(ancestors)) {
    ancestors.forEach((origin: unknown, i) => add(frameAncestors, `frameAncestors[${i}]`, origin, true));
  } else if (ancestors !== undefined) {
    warnings.push("smart-config.json: skipped frameAncestors: not an array");
  }

  return { connect, frameAncestors, warnings };
}

/**
 * The Content-Security-Policy header value for the app. Pure: the same config and options always give
 * the same string. `loopback` adds LOOPBACK_SOURCES to connect-src and frame-ancestors.
 */
export function buildCsp(config: AppConfig, opts: { loopback: boolean }): string {
  const { connect, frameAncestors } = cspOrigins(config);
  const extra = opts.loopback ? LOOPBACK_SOURCES : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'"],
    // React's `style` prop sets styles through the CSSOM, which style-src 'self' allows: no 'unsafe-inline'.
    ["style-src", "'self'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'none'"],
    ["connect-src", "'self'", ...connect, ...extra],
    ["frame-ancestors", "'self'", ...frameAncestors, ...extra],
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}
