/**
 * Small HTTP pieces of the exchange routes: the app's public origin, fetch-metadata and Origin checks,
 * cookies (parsed and written with `cookie`), JSON answers with no-store.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookies, serialize } from "cookie";
import { isLoopbackHost } from "../../src/fhir/config";

export interface CookiePolicy {
  /** "lax" (default): sent on the EHR's redirect back to the app; "none": also inside an EHR's frame on another site (then Secure and Partitioned). */
  sameSite: "lax" | "none";
}

/** The app's public origin: `publicUrl` when configured, else from the Host header (https unless it is loopback). */
export function publicOrigin(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = req.headers.host ?? "localhost";
  const hostname = new URL(`http://${host}`).hostname;
  return `${isLoopbackHost(hostname) ? "http" : "https"}://${host}`;
}

/** Cookies are Secure unless the app is served on loopback (plain http there). */
export function secureCookies(origin: string): boolean {
  return !isLoopbackHost(new URL(origin).hostname);
}

/**
 * Whether the request comes from the app's own pages: refuses a request that the browser says is
 * cross-site or same-site-but-other-origin (Sec-Fetch-Site), or whose Origin is another origin.
 * Requests without either header (old browsers, tools) pass here; state-changing routes also need
 * the CSRF header or a JSON body.
 */
export function fromOwnPages(req: IncomingMessage, origin: string): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return false;
  const from = req.headers.origin;
  return from === undefined || from === origin;
}

/** The request's cookies by name (none without a Cookie header). */
export function cookies(req: IncomingMessage): Record<string, string | undefined> {
  const header = req.headers.cookie;
  return header ? parseCookies(header) : {};
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  return cookies(req)[name];
}

/** Cookie names: `__Host-` prefixed when Secure (no Domain, Path=/, cannot be set by a sibling sub-domain). */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

export function setCookie(res: ServerResponse, name: string, value: string, maxAgeS: number, secure: boolean, policy: CookiePolicy): void {
  const none = policy.sameSite === "none" && secure;
  const header = serialize(name, value, {
    httpOnly: true,
    secure,
    sameSite: none ? "none" : "lax",
    ...(none ? { partitioned: true } : {}),
    path: "/",
    maxAge: Math.max(0, Math.floor(maxAgeS)),
  });
  res.appendHeader("Set-Cookie", header);
}

export function clearCookie(res: ServerResponse, name: string, secure: boolean, policy: CookiePolicy): void {
  setCookie(res, name, "", 0, secure, policy);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = "application/json; charset=utf-8"): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", String(Buffer.byteLength(text)));
  res.end(res.req.method === "HEAD" ? undefined : text);
}

/** A FHIR OperationOutcome answer (the data layer reads these like an EHR's own). */
export function sendOutcome(res: ServerResponse, status: number, code: string, diagnostics: string): void {
  sendJson(res, status, { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] }, "application/fhir+json; charset=utf-8");
}

export function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader("Location", location);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", "0");
  res.end();
}
