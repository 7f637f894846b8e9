/**
 * The demo EHR as a CDS Hooks client. It holds an ES384 key pair and publishes its public key
 * (GET <ehr>/cds-client/jwks.json); opening a patient's chart (GET <ehr>/chart/<id>) calls the CDS service's
 * patient-view hook with a signed JWT (iss = the EHR's base URL, aud = the service endpoint, 60 s lifetime,
 * a fresh jti) and a prefetch built from the patient's records, and renders the cards beside the chart.
 * The chart's order composer (mocks/orderComposer.ts) calls order-select when a medicine is chosen
 * (GET <ehr>/chart/<id>?order=<key>) and order-sign when the draft is signed (POST <ehr>/chart/<id>,
 * order=<key>&action=sign), with the draft order in context.draftOrders and the patient and conditions as
 * prefetch. fhirServer plus an access token let the service read anything the prefetch lacks. Node only
 * (used by mocks/httpServer.ts).
 */
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { http, type HttpHandler } from "msw";
import type { BundleEntry, Medication, MedicationRequest, Resource } from "fhir/r4";
import { HOOK, ORDER_SELECT_ID, ORDER_SIGN_ID, SERVICE_ID, type ServiceId } from "../cds/discovery";
import { isReadLabResult } from "../src/fhir/sections";
import type { DemoPatient } from "./data/demoPatient";
import { chartPage, type ChartCds } from "./chartPage";
import { draftId, draftOrders, orderable, type Orderable } from "./orderComposer";
import { PatientStore } from "./patientStore";
import { html } from "./responses";
import { issue, nonce } from "./tokens";

export const CDS_CLIENT_JWKS_PATH = "/cds-client/jwks.json";
const SCOPE = "patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Medication.rs patient/Observation.rs";

export interface DemoCdsOptions {
  /** The CDS service's base URL (e.g. "http://127.0.0.1:4020"), known once it has started; undefined: no service. */
  serviceBase: () => string | undefined;
  /** Per-call timeout, ms (default 5000). */
  timeoutMs?: number;
}

/** The service configuration that trusts this demo EHR (cds-config.demo.json holds it for the default ports). */
export function demoCdsConfigJson(ehrBaseUrl: string, appLaunchUrl: string): { clients: { iss: string; jwksUrl: string }[]; appLaunchUrl: string } {
  return { clients: [{ iss: ehrBaseUrl, jwksUrl: `${ehrBaseUrl}${CDS_CLIENT_JWKS_PATH}` }], appLaunchUrl };
}

function searchset(resources: readonly Resource[], fhirBase: string, included: readonly Resource[] = []): Record<string, unknown> {
  const item = (resource: Resource, mode: "match" | "include"): BundleEntry => ({
    fullUrl: `${fhirBase}/${resource.resourceType}/${resource.id ?? ""}`,
    resource: resource as BundleEntry["resource"],
    search: { mode },
  });
  const entry = [...resources.map((r) => item(r, "match")), ...included.map((r) => item(r, "include"))];
  return { resourceType: "Bundle", type: "searchset", total: resources.length, ...(entry.length > 0 ? { entry } : {}) };
}

/** What the EHR would answer to the service's prefetch templates. */
export function demoPrefetch(resources: readonly Resource[], fhirBase: string, medication: (id: string) => Medication | undefined): Record<string, unknown> {
  const of = (type: string) => resources.filter((r) => r.resourceType === type);
  const requests = (of("MedicationRequest") as MedicationRequest[]).filter((r) => r.intent === "order" || r.intent === "plan");
  const medIds = new Set(requests.map((r) => /^Medication\/([^/]+)$/.exec(r.medicationReference?.reference ?? "")?.[1]).filter((id): id is string => !!id));
  const included = [...medIds].map(medication).filter((m): m is Medication => !!m);
  return {
    patient: of("Patient")[0] ?? null,
    conditions: searchset(of("Condition"), fhirBase),
    medicationRequests: searchset(requests, fhirBase, included),
    medicationStatements: searchset(of("MedicationStatement"), fhirBase),
    procedures: searchset(of("Procedure"), fhirBase),
    // The template searches the LOINC codes of docs/spec/lab-results.md: the lab results the app reads.
    observations: searchset(of("Observation").filter(isReadLabResult), fhirBase),
  };
}

export interface DemoCdsClient {
  jwks: { keys: JWK[] };
  /** The cards (or why there are none) for a patient's chart. */
  callPatientView(patientId: string): Promise<ChartCds>;
  /** The cards for a medicine chosen (order-select) or signed (order-sign) in the chart's order composer. */
  callOrder(patientId: string, hook: "order-select" | "order-sign", order: Orderable): Promise<ChartCds>;
  handlers: HttpHandler[];
}

export async function createDemoCdsClient(args: {
  baseUrl: string;
  fhirBaseUrl: string;
  appLaunchUrl: string;
  patients: readonly DemoPatient[];
  now: () => Date;
  options: DemoCdsOptions;
}): Promise<DemoCdsClient> {
  const { baseUrl, fhirBaseUrl, now, options } = args;
  const kid = `demo-ehr-${randomUUID().slice(0, 8)}`;
  const { publicKey, privateKey } = await generateKeyPair("ES384");
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES384", use: "sig" }] };
  const store = new PatientStore(args.patients, now);

  /** One signed call of service `id` with `hook`, `context` and `prefetch` (fhirServer and a token beside them). */
  const call = async (id: ServiceId, hook: string, patientId: string, context: Record<string, unknown>, prefetch: Record<string, unknown>): Promise<ChartCds> => {
    const base = options.serviceBase();
    if (!base) return { state: "off" };
    const endpoint = `${base}/cds-services/${id}`;
    const iat = Math.floor(now().getTime() / 1000);
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: "ES384", typ: "JWT", kid, jku: `${baseUrl}${CDS_CLIENT_JWKS_PATH}` })
      .setIssuer(baseUrl)
      .setSubject("demo-ehr")
      .setAudience(endpoint)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .setJti(randomUUID())
      .sign(privateKey);
    const t = now().getTime();
    const accessToken = issue({ t: "access", p: patientId, s: SCOPE, c: "cds-service", l: {}, aud: fhirBaseUrl, iat: t, n: nonce(), exp: t + 300_000 });
    const body = {
      hook,
      hookInstance: randomUUID(),
      fhirServer: fhirBaseUrl,
      fhirAuthorization: { access_token: accessToken, token_type: "Bearer", expires_in: 300, scope: SCOPE, subject: "cds-service", patient: patientId },
      context: { userId: "Practitioner/demo", patientId, ...context },
      prefetch,
    };
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { Authorization: `Bearer ${jwt}`, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!res.ok) return { state: "error", message: `The CDS service answered HTTP ${res.status}.` };
      const answer = (await res.json()) as { cards?: unknown };
      return { state: "ok", cards: Array.isArray(answer.cards) ? answer.cards : [] };
    } catch {
      return { state: "error", message: "The CDS service did not answer." };
    }
  };

  const prefetchOf = (patientId: string) => demoPrefetch(store.resources(patientId) ?? [], fhirBaseUrl, (id) => store.medication(id));

  const callPatientView = (patientId: string): Promise<ChartCds> => call(SERVICE_ID, HOOK, patientId, {}, prefetchOf(patientId));

  const callOrder = (patientId: string, hook: "order-select" | "order-sign", order: Orderable): Promise<ChartCds> => {
    const { patient, conditions } = prefetchOf(patientId);
    const context = {
      encounterId: "demo-encounter",
      draftOrders: draftOrders(order, patientId, now()),
      ...(hook === "order-select" ? { selections: [`MedicationRequest/${draftId(order)}`] } : {}),
    };
    return call(hook === "order-select" ? ORDER_SELECT_ID : ORDER_SIGN_ID, hook, patientId, context, { patient, conditions });
  };

  /** The chart, with the composer's state: a medicine chosen (order-select) or signed (order-sign). */
  const chart = async (patientId: string, chosen: Orderable | undefined, signed: boolean): Promise<Response> => {
    const patient = store.patient(patientId);
    if (!patient) return html("<!doctype html><title>Not found</title><p>No such patient.</p>", 404);
    const [cds, orderCds] = await Promise.all([
      callPatientView(patient.id),
      chosen ? callOrder(patient.id, signed ? "order-sign" : "order-select", chosen) : Promise.resolve<ChartCds>({ state: "off" }),
    ]);
    return html(
      chartPage({
        patient,
        resources: store.resources(patient.id) ?? [],
        fhirBase: fhirBaseUrl,
        appLaunchUrl: args.appLaunchUrl,
        cds,
        now: now(),
        order: { state: { ...(chosen ? { chosen } : {}), signed }, cds: orderCds },
      }),
    );
  };

  const handlers: HttpHandler[] = [
    http.get(`${baseUrl}${CDS_CLIENT_JWKS_PATH}`, () => Response.json(jwks, { headers: { "Cache-Control": "max-age=300" } })),
    http.get(`${baseUrl}/chart/:id`, ({ params, request }) => chart(String(params.id), orderable(new URL(request.url).searchParams.get("order")), false)),
    http.post(`${baseUrl}/chart/:id`, async ({ params, request }) => {
      const form = await request.formData().catch(() => undefined);
      const chosen = orderable(form?.get("order")?.toString());
      return chart(String(params.id), chosen, chosen !== undefined && form?.get("action") === "sign");
    }),
  ];

  return { jwks, callPatientView, callOrder, handlers };
}
