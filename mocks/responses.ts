/** Response helpers shared by the mock's handlers: FHIR JSON, OperationOutcome, OAuth errors, CORS, HTML. */
import type { OperationOutcome } from "fhir/r4";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_JSON, ...headers } });
}

export function outcome(
  severity: "fatal" | "error" | "warning" | "information",
  code: string,
  diagnostics: string,
): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics }] };
}

export function fhirError(status: number, code: string, diagnostics: string, headers: Record<string, string> = {}): Response {
  return fhirJson(outcome("error", code, diagnostics), status, headers);
}

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export function oauthJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE },
  });
}

export function oauthError(status: number, error: string, description: string): Response {
  return oauthJson({ error, error_description: description }, status);
}

export function html(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...NO_STORE } });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * CORS for every response: the mock accepts any origin (it echoes Origin, or answers "*"). Real servers
 * restrict the token endpoint and FHIR API to registered origins (SMART App Launch §CORS).
 */
export function corsHeaders(request: Request): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": request.headers.get("Origin") ?? "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Prefer",
    "Access-Control-Expose-Headers": "Location, Retry-After, WWW-Authenticate, Content-Location",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}

/** Internal marker: the response must go out without CORS headers (a refused origin); stripped by withCors. */
export const REFUSE_CORS = "x-demo-refuse-cors";

export function withCors(request: Request, response: Response): Response {
  if (response.type === "error") return response;
  const headers = new Headers(response.headers);
  if (headers.has(REFUSE_CORS)) {
    headers.delete(REFUSE_CORS);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  for (const [name, value] of Object.entries(corsHeaders(request))) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
