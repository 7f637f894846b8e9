/**
 * Which FHIR requests the same-origin FHIR path forwards: reads of the launch's patient only, and nothing
 * but reads. Pure. What passes:
 * - `metadata` (the server's CapabilityStatement);
 * - `Patient/<the launch's patient>`;
 * - a search of one of the kinds the panel reads, with exactly one `patient` parameter naming the
 *   launch's patient; parameters are plain names (no chains, no `_has`, no `_revinclude`…), and
 *   `_include` only for a medicine's Medication;
 * - `Medication/<id>` (a medicine is not anybody's record; the panel resolves references with it);
 * - `_page/<token>`: a next-page link this proxy handed out for this session (the caller checks the store).
 * Everything else is refused: other patients, other kinds, reads by id of another kind, operations,
 * history, encoded separators and dot segments.
 */

const SEARCHED_TYPES: readonly string[] = ["Condition", "MedicationRequest", "MedicationStatement", "Procedure", "Observation"];
const INCLUDES: readonly string[] = ["MedicationRequest:medication", "MedicationStatement:medication"];
const ID = /^[A-Za-z0-9\-.]{1,128}$/;
const PLAIN_PARAM = /^[a-z][a-z0-9-]*$/;
const PAGE_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export type FhirRoute =
  | { kind: "upstream"; path: string }
  | { kind: "page"; token: string }
  | { kind: "refused"; reason: string };

/** `Patient/123` or `123` → `123`. */
function patientOf(value: string): string {
  return value.startsWith("Patient/") ? value.slice("Patient/".length) : value;
}

/**
 * Decides one request. `path` is what follows the session's FHIR base, still percent-encoded, without
 * its query; `query` is the raw query string (without "?").
 */
export function routeFhirRead(path: string, query: string, patient: string | undefined): FhirRoute {
  if (/%(?:2f|5c|2e|00)/i.test(path) || path.includes("\\") || /[^\x21-\x7e]/.test(path)) return { kind: "refused", reason: "encoded separators or unusual characters" };
  const segments = path.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return { kind: "refused", reason: "empty or dot segment" };
  const params = new URLSearchParams(query);
  const names = [...params.keys()];
  const [first, second, ...rest] = segments;
  if (rest.length > 0 || first === undefined) return { kind: "refused", reason: "not a read of a resource or a search" };

  if (first === "_page" && second !== undefined && PAGE_TOKEN.test(second) && names.length === 0) return { kind: "page", token: second };
  if (first === "metadata" && second === undefined) return names.every((n) => n === "_format") ? { kind: "upstream", path } : { kind: "refused", reason: "metadata with parameters" };
  if (second !== undefined) {
    if (!ID.test(second) || names.length > 0) return { kind: "refused", reason: "not a plain read" };
    if (first === "Medication") return { kind: "upstream", path };
    if (first === "Patient" && patient !== undefined && second === patient) return { kind: "upstream", path };
    return { kind: "refused", reason: "a read of another patient or kind" };
  }
  if (!SEARCHED_TYPES.includes(first)) return { kind: "refused", reason: "not a kind the panel reads" };
  if (patient === undefined) return { kind: "refused", reason: "the launch has no patient" };
  const patients = params.getAll("patient");
  if (patients.length !== 1 || patientOf(patients[0] ?? "") !== patient) return { kind: "refused", reason: "not exactly this launch's patient" };
  for (const name of names) {
    if (name === "_count") continue;
    if (name === "_include") {
      if (params.getAll("_include").every((v) => INCLUDES.includes(v))) continue;
      return { kind: "refused", reason: "an _include the panel does not use" };
    }
    if (!PLAIN_PARAM.test(name)) return { kind: "refused", reason: "a chained, modified or special parameter" };
  }
  return { kind: "upstream", path: `${path}?${query}` };
}
