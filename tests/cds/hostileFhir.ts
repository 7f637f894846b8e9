/**
 * A FHIR server over real HTTP on loopback (port 0) that answers like a small, valid EHR — a Patient, empty
 * searchsets, Medications — unless a test replaces the answer of one route with something hostile. Beside it,
 * "elsewhere": another server on another port that records every request reaching it (a redirect's or a
 * 201 Location's target, standing in for 169.254.169.254 or an attacker's host).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export interface HostileFhir {
  /** The FHIR base, e.g. http://127.0.0.1:41234/fhir */
  base: string;
  /** Another server's origin: anything that reaches it leaked. */
  elsewhere: string;
  /** Requests the FHIR server received (path with query, Authorization header). */
  requests: { path: string; authorization?: string }[];
  /** Requests that reached "elsewhere", with their Authorization header. */
  leaked: { path: string; authorization?: string }[];
  /** A hostile answer: return true when the route answered, false to fall back to the valid EHR. */
  use(route: Route): void;
  reset(): void;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export function fhirJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/fhir+json; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}

/** The valid EHR: a Patient, Medications by id, and empty searchsets for every search. */
function validAnswer(res: ServerResponse, path: string): void {
  const [route] = path.split("?");
  const parts = (route ?? "").split("/").filter(Boolean); // ["fhir", "Patient", "id"]
  if (parts[1] === "metadata") return fhirJson(res, { resourceType: "CapabilityStatement", fhirVersion: "4.0.1", status: "active", kind: "instance", format: ["json"] });
  if (parts[1] === "Patient" && parts[2]) return fhirJson(res, { resourceType: "Patient", id: parts[2], birthDate: "1950-01-01" });
  if (parts[1] === "Medication" && parts[2]) {
    return fhirJson(res, { resourceType: "Medication", id: parts[2], code: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "4603", display: "furosemide" }] } });
  }
  return fhirJson(res, { resourceType: "Bundle", type: "searchset", total: 0, entry: [] });
}

export async function startHostileFhir(): Promise<HostileFhir> {
  let route: Route | undefined;
  const requests: HostileFhir["requests"] = [];
  const leaked: HostileFhir["leaked"] = [];
  const fhir = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    if (route?.(req, res, path)) return;
    validAnswer(res, path);
  });
  const other = createServer((req, res) => {
    leaked.push({ path: req.url ?? "/", ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    validAnswer(res, req.url ?? "/");
  });
  const origin = await listen(fhir);
  const elsewhere = await listen(other);
  return {
    base: `${origin}/fhir`,
    elsewhere,
    requests,
    leaked,
    use: (r) => {
      route = r;
    },
    reset: () => {
      route = undefined;
      requests.length = 0;
      leaked.length = 0;
    },
    close: async () => {
      fhir.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([new Promise((r) => fhir.close(r)), new Promise((r) => other.close(r))]);
    },
  };
}
