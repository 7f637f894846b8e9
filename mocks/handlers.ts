/**
 * The mock EHR as MSW 2 request handlers: a SMART authorization server plus a FHIR R4 server over the
 * demo patients. Used by Vitest through msw/node (node.ts) and served over HTTP (httpServer.ts).
 *
 * Endpoints (baseUrl e.g. "http://127.0.0.1:4010"):
 * - GET  <baseUrl>/fhir/.well-known/smart-configuration, GET <baseUrl>/fhir/metadata
 * - GET  <baseUrl>/auth/authorize, POST <baseUrl>/auth/token, GET <baseUrl>/smart-style.json
 * - GET  <baseUrl>/fhir/Patient/:id, /Medication/:id, /{Condition|MedicationRequest|MedicationStatement|Procedure}[/:id]
 * - the same FHIR routes under <baseUrl>/sim/<launch>/fhir (see launchContext.ts)
 * - OPTIONS <baseUrl>/* → 204 CORS preflight
 */
import { http, type RequestHandler } from "msw";
import { authHandlers } from "./authHandlers";
import { createContext, type EhrHandlerOptions } from "./ehrContext";
import { fhirHandlers } from "./fhirHandlers";
import { DEMO_PATIENTS } from "./patients";
import { corsHeaders } from "./responses";

export type { EhrHandlerOptions } from "./ehrContext";

export function createEhrHandlers(options: EhrHandlerOptions): RequestHandler[] {
  const ctx = createContext(options, options.patients ?? DEMO_PATIENTS);
  return [
    http.options(`${ctx.baseUrl}/*`, ({ request }) => new Response(null, { status: 204, headers: corsHeaders(request) })),
    ...authHandlers(ctx),
    ...fhirHandlers(ctx),
  ];
}
