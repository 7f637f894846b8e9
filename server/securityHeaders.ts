/**
 * Headers sent on every response (files, errors, 405s alike).
 *
 * Deliberately absent: X-Frame-Options (it cannot allowlist the EHR; CSP frame-ancestors does) and
 * Cross-Origin-Opener-Policy (it can sever the window.opener link that popup launches rely on).
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
