/**
 * Behaviour profiles of the demo EHR: the same patients served the way Epic and Oracle Health are
 * documented to serve them (docs/ehr-guide.md), so the tests prove the app reads the same findings from
 * each. A profile is chosen per launch (`DemoLaunch.profile`), usually through a profile FHIR base
 * (`profileFhirBase`), because discovery requests carry no token.
 *
 * The scope a profile *reports* in the token response is kept apart from the scope it *enforces* (the
 * grant): real servers word the scope differently from what they check.
 */
import { createHash } from "node:crypto";
import type { CodeableConcept, Medication, MedicationRequest, MedicationStatement, Resource } from "fhir/r4";

export type ProfileName = "plain" | "epic" | "oracle";
export const PROFILE_NAMES: readonly ProfileName[] = ["plain", "epic", "oracle"];

export interface EhrProfile {
  name: ProfileName;
  label: string;
  /** One line for the demo page. */
  description: string;
  /** The token response's `scope`, given the enforced grant. */
  reportScope(granted: string): string;
  /** The patient's resources as this EHR shapes them (pure; the input is never changed). */
  shape(resources: readonly Resource[]): Resource[];
  /** `_include` is ignored (the Medications are not sent). */
  ignoresInclude: boolean;
  /** Parameters answered with 400 wherever they appear. */
  refusedParams: readonly string[];
  /** Resource types absent from the CapabilityStatement and answered 404. */
  notOffered: readonly string[];
  /** A Condition search without `clinical-status` returns active problems only. */
  activeOnlyConditions: boolean;
  /** An Observation search needs `category` or `code` (400 otherwise). */
  observationNeedsFilter: boolean;
  /** Resource types whose searches carry an error outcome ("may not contain the entire record"). */
  incompleteOutcome: readonly string[];
  /** A refresh token is issued when online_access/offline_access is granted. */
  refreshTokens: boolean;
  /** Discovery lists `permission-online`. */
  advertisesOnline: boolean;
  /** Token lifetime in seconds when the launch does not set one. */
  expiresIn?: number;
  /** need_patient_banner is left out of the token response. */
  omitBannerFlag: boolean;
  /** smart_style_url is sent, on another origin than the FHIR server. */
  styleOnOtherOrigin: boolean;
}

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.(read|write|\*|[cruds]+)(\?.*)?$/;

const PLAIN: EhrProfile = {
  name: "plain",
  label: "Plain (SMART sandbox-like)",
  description: "Standard behaviour: _include honoured, every resource type offered, the scope reported as granted.",
  reportScope: (granted) => granted,
  shape: (resources) => [...resources],
  ignoresInclude: false,
  refusedParams: [],
  notOffered: [],
  activeOnlyConditions: false,
  observationNeedsFilter: false,
  incompleteOutcome: [],
  refreshTokens: true,
  advertisesOnline: true,
  omitBannerFlag: false,
  styleOnOtherOrigin: false,
};

/** Epic-style scope strings: `Condition.read Condition.search` for `patient/Condition.rs`. */
export function epicScope(granted: string): string {
  const out: string[] = [];
  for (const token of granted.split(/\s+/).filter(Boolean)) {
    const m = RESOURCE_SCOPE.exec(token);
    if (!m) {
      out.push(token);
      continue;
    }
    const access = m[3]!;
    const read = access === "read" || access === "*" || access.includes("r");
    const search = access === "read" || access === "*" || access.includes("s");
    if (read) out.push(`${m[2]}.read`);
    if (search) out.push(`${m[2]}.search`);
  }
  return [...new Set(out)].join(" ");
}

/** Oracle-style trimmed scope: resource scopes in the other version (v2 `.rs` as v1 `.read`), launch scopes left out. */
export function oracleScope(granted: string): string {
  const out: string[] = [];
  for (const token of granted.split(/\s+/).filter(Boolean)) {
    if (token === "launch" || token.startsWith("launch/")) continue;
    const m = RESOURCE_SCOPE.exec(token);
    if (m && /^[cruds]+$/.test(m[3]!) && m[3]!.includes("r")) out.push(`${m[1]}/${m[2]}.read`);
    else out.push(token);
  }
  return [...new Set(out)].join(" ");
}

/** A 66-character Medication id like Epic's (longer than FHIR's 64), derived from the original. */
export function longMedicationId(key: string): string {
  return `e${createHash("sha256").update(key).digest("hex")}3`;
}

type MedRecord = MedicationRequest | MedicationStatement;
const isMedRecord = (r: Resource): r is MedRecord => r.resourceType === "MedicationRequest" || r.resourceType === "MedicationStatement";

/** Epic: every medicine is a reference, without display, to a Medication with a long id. */
function epicShape(resources: readonly Resource[]): Resource[] {
  const renamed = new Map<string, string>();
  const added = new Map<string, Medication>();
  const out: Resource[] = [];
  for (const r of resources) {
    if (r.resourceType === "Medication" && r.id) {
      const id = longMedicationId(`Medication/${r.id}`);
      renamed.set(`Medication/${r.id}`, id);
      out.push({ ...r, id });
    }
  }
  for (const r of resources) {
    if (r.resourceType === "Medication") continue;
    if (!isMedRecord(r)) {
      out.push(r);
      continue;
    }
    const copy: MedRecord = { ...r };
    if (copy.medicationCodeableConcept) {
      const id = longMedicationId(JSON.stringify(copy.medicationCodeableConcept));
      if (!added.has(id)) added.set(id, { resourceType: "Medication", id, code: copy.medicationCodeableConcept });
      delete copy.medicationCodeableConcept;
      copy.medicationReference = { reference: `Medication/${id}` };
    } else if (copy.medicationReference?.reference && renamed.has(copy.medicationReference.reference)) {
      copy.medicationReference = { reference: `Medication/${renamed.get(copy.medicationReference.reference)}` };
    }
    out.push(copy);
  }
  return [...out, ...added.values()];
}

/** Oracle: medicines as contained Medications whose RxNorm codes sit on the ingredients, `code` holding text only. */
function oracleShape(resources: readonly Resource[]): Resource[] {
  return resources.map((r) => {
    if (!isMedRecord(r)) return r;
    const concept: CodeableConcept | undefined =
      r.medicationCodeableConcept ??
      (r.medicationReference?.reference?.startsWith("#")
        ? (r.contained ?? []).find((c): c is Medication => c.resourceType === "Medication" && `#${c.id}` === r.medicationReference?.reference)?.code
        : undefined);
    if (!concept) return r;
    const copy: MedRecord = { ...r };
    delete copy.medicationCodeableConcept;
    const text = concept.text ?? concept.coding?.[0]?.display ?? "medication";
    const contained: Medication = {
      resourceType: "Medication",
      id: "med1",
      code: { text },
      ingredient: [{ itemCodeableConcept: concept, isActive: true }],
    };
    copy.contained = [contained];
    copy.medicationReference = { reference: "#med1" };
    return copy;
  });
}

const EPIC: EhrProfile = {
  ...PLAIN,
  name: "epic",
  label: "Epic-like",
  description:
    "Scopes reported as 'Condition.read Condition.search'; 66-character Medication ids without display; _include ignored; " +
    "an error outcome ('may not contain the entire record') in Condition searches; active problems only unless every clinical status is asked for; " +
    "Observation search needs a category or code; no refresh token; need_patient_banner not sent.",
  reportScope: epicScope,
  shape: epicShape,
  ignoresInclude: true,
  activeOnlyConditions: true,
  observationNeedsFilter: true,
  incompleteOutcome: ["Condition"],
  refreshTokens: false,
  advertisesOnline: false,
  omitBannerFlag: true,
};

const ORACLE: EhrProfile = {
  ...PLAIN,
  name: "oracle",
  label: "Oracle Health-like",
  description:
    "No MedicationStatement (absent from the CapabilityStatement, 404); contained Medications coded on their ingredients; " +
    "400 on _count and _include; 570-second tokens, refresh only with online_access; smart_style_url on another origin; " +
    "scope reported trimmed, in the other SMART version.",
  reportScope: oracleScope,
  shape: oracleShape,
  refusedParams: ["_count", "_include"],
  notOffered: ["MedicationStatement"],
  expiresIn: 570,
  styleOnOtherOrigin: true,
};

export const PROFILES: Record<ProfileName, EhrProfile> = { plain: PLAIN, epic: EPIC, oracle: ORACLE };

export function profileOf(name: string | undefined): EhrProfile {
  return PROFILES[(name ?? "plain") as ProfileName] ?? PLAIN;
}

export function isProfileName(v: unknown): v is ProfileName {
  return typeof v === "string" && (PROFILE_NAMES as readonly string[]).includes(v);
}

/** Error outcome text of the Epic profile. */
export const INCOMPLETE_RECORD = "This response may not contain the entire record. Some data may have been omitted.";

/** Same host on the other loopback name (127.0.0.1 <-> localhost): another origin served by the same mock. */
export function otherOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.hostname = url.hostname === "localhost" ? "127.0.0.1" : url.hostname === "127.0.0.1" ? "localhost" : `style.${url.hostname}`;
  return url.origin;
}
