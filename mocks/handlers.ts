/**
 * The mock EHR as MSW 2 request handlers: a SMART authorization server plus a FHIR R4 server over the
 * demo patients. Used by Vitest through msw/node (node.ts) and served over HTTP (httpServer.ts).
 *
 * Endpoints (baseUrl e.g. "http://127.0.0.1:4010"):
 * - GET  <baseUrl>/fhir/.well-known/smart-configuration, GET <baseUrl>/fhir/metadata
 * - GET  <baseUrl>/auth/authorize, POST <baseUrl>/auth/token, GET <baseUrl>/smart-style.json
 * - GET  <baseUrl>/fhir/Patient/:id, /Medication/:id, /{Condition|MedicationRequest|MedicationStatement|Procedure|Observation}[/:id]
 * - the same FHIR routes under <baseUrl>/sim/<launch>/fhir (see launchContext.ts)
 * - OPTIONS <baseUrl>/* → 204 CORS preflight
 */
import { delay, http, type RequestHandler } from "msw";
import { authHandlers } from "./authHandlers";
import { createContext, type EhrHandlerOptions } from "./ehrContext";
import { fhirHandlers, refusesCors } from "./fhirHandlers";
import { DEMO_PATIENTS } from "./patients";
import { corsHeaders } from "./responses";

export type { EhrHandlerOptions } from "./ehrContext";

export function createEhrHandlers(options: EhrHandlerOptions): RequestHandler[] {
  const ctx = createContext(options, options.patients ?? DEMO_PATIENTS);
  // Server-wide latency applies to every EHR request, as on a real network: CORS preflights and the
  // authorization server too (FHIR data requests get theirs, or the launch's, in fhirHandlers' gate).
  const wait = async () => {
    if (ctx.latencyMs > 0) await delay(ctx.latencyMs);
  };
  return [
    http.options(`${ctx.baseUrl}/*`, async ({ request }) => {
      await wait();
      // A launch that refuses the app's origin refuses the preflight of its FHIR data requests too.
      const sim = /\/sim\/([A-Za-z0-9_-]+)\/fhir\/(?!\.well-known|metadata)/.exec(new URL(request.url).pathname);
      if (refusesCors(sim?.[1])) return new Response(null, { status: 403 });
      return new Response(null, { status: 204, headers: corsHeaders(request) });
    }),
    http.all(`${ctx.baseUrl}/auth/*`, wait), // falls through to the auth handlers
    ...authHandlers(ctx),
    ...fhirHandlers(ctx),
  ];
}
