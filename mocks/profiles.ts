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
import type { CodeableConcept, Condition, Medication, MedicationRequest, MedicationStatement, OperationOutcomeIssue, Patient, Resource } from "fhir/r4";

export type ProfileName = "plain" | "epic" | "oracle" | "meditech" | "athena" | "ecw" | "nextgen";
export const PROFILE_NAMES: readonly ProfileName[] = ["plain", "epic", "oracle", "meditech", "athena", "ecw", "nextgen"];

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
  /** CapabilityStatement `software` (name, version). */
  software: { name: string; version?: string };
  /**
   * Resource types whose CapabilityStatement entry lists `_count`; undefined = every searched type.
   * A type named here that the mock does not search gets a minimal entry of its own (MEDITECH lists
   * `_count` only on Location and Practitioner).
   */
  countListed?: readonly string[];
  /** CapabilityStatement `searchInclude` per type, instead of the standard `<Type>:medication` (MEDITECH's own spelling). */
  searchIncludes?: Partial<Record<string, readonly string[]>>;
  /** Issues added as OperationOutcome entries to the first page of every search of a type (Epic's `suppressed`). */
  searchOutcomes?: Partial<Record<string, readonly OperationOutcomeIssue[]>>;
  /** Longest query string (bytes after "?") the front end accepts; longer ones get an HTML 404 (Epic's IIS: 2,048). */
  maxQueryBytes?: number;
  /** Errors of the FHIR API come as plain text, not an OperationOutcome (MEDITECH's 2021 baseline). */
  textErrors: boolean;
  /** A search of the type without the parameter is refused with `status` and an OperationOutcome `required` (athenahealth: 403). */
  requiredParams?: Partial<Record<string, { param: string; status: number }>>;
  /** `_count` above this is refused with a 400 OperationOutcome (eClinicalWorks). */
  maxCount?: number;
  /** The server's largest page: `_count` is clamped to it (NextGen: 50). */
  pageSizeCap?: number;
  /** Next links spell the base path's "fhir" segment in upper case (NextGen: `/r4/` → `/R4/`). */
  nextLinkPathCase?: "upper";
  /** Types whose searches send their first page only: no next link, though `total` counts everything (NextGen). */
  stopsPaging?: readonly string[];
  /** Issue added to an empty searchset (Epic's "Resource request returns no results."). */
  noResultsIssue?: OperationOutcomeIssue;
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
  software: { name: "Demo EHR (mock)" },
  textErrors: false,
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

/**
 * Epic's `suppressed` outcome as its sandbox sends it on every search (mock-health/the-map, CC BY 4.0:
 * tests/golden/epic/phase-b-2026-04-26/condition-problems.json, medicationrequest.json, observation-lab.json).
 */
export function epicSuppressed(type: string, kind: string): OperationOutcomeIssue {
  const generic =
    "The authenticated client's search request applies to a sub-resource that the client is not authorized for. Results of this sub-type will not be returned.";
  return {
    severity: "warning",
    code: "suppressed",
    details: { coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369", code: "59204", display: generic }], text: generic },
    diagnostics: `Client not authorized for ${type} - ${kind}. Search results of this type have not been included.`,
  };
}

/** Epic's warning on an empty searchset (same source, observation-lab.json). */
export const EPIC_NO_RESULTS: OperationOutcomeIssue = {
  severity: "warning",
  code: "processing",
  details: {
    coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369", code: "4101", display: "Resource request returns no results." }],
    text: "Resource request returns no results.",
  },
};

/** Epic: conditions without a category are encounter diagnoses (Epic always categorises; Synthea's carry none). */
function epicCategorised(resources: readonly Resource[]): Resource[] {
  return resources.map((r) =>
    r.resourceType === "Condition" && !(r as Condition).category
      ? ({ ...r, category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "encounter-diagnosis" }] }] } as Condition)
      : r,
  );
}

const EPIC: EhrProfile = {
  ...PLAIN,
  name: "epic",
  label: "Epic-like",
  description:
    "CapabilityStatement software 'Epic'; scopes reported as 'Condition.read Condition.search'; 66-character Medication ids without display; _include ignored; " +
    "a warning/suppressed outcome on every search withholding outside records; active problems only unless a clinical status is asked for; " +
    "query strings over 2,048 bytes answered with an HTML 404; Observation search needs a category or code; no refresh token; need_patient_banner not sent.",
  reportScope: epicScope,
  shape: (resources) => epicShape(epicCategorised(resources)),
  ignoresInclude: true,
  activeOnlyConditions: true,
  observationNeedsFilter: true,
  refreshTokens: false,
  advertisesOnline: false,
  omitBannerFlag: true,
  software: { name: "Epic", version: "February 2026" },
  searchIncludes: { MedicationRequest: ["*"], MedicationStatement: ["*"] },
  searchOutcomes: {
    Condition: [epicSuppressed("Condition", "Outside Record Problems")],
    MedicationRequest: [epicSuppressed("MedicationRequest", "Outside Record")],
    Observation: [epicSuppressed("Observation", "Outside Record Results")],
  },
  maxQueryBytes: 2048,
  noResultsIssue: EPIC_NO_RESULTS,
};

/**
 * Oracle Health: home medicines are MedicationRequests with intent `plan` (the R4 API has no
 * MedicationStatement), each medicine a contained Medication coded on its ingredients.
 */
function oracleHomeMedicines(resources: readonly Resource[]): Resource[] {
  return resources.map((r) => {
    if (r.resourceType !== "MedicationStatement") return r;
    const st = r as MedicationStatement;
    const status: MedicationRequest["status"] =
      st.status === "active" || st.status === "completed" || st.status === "stopped" || st.status === "on-hold" || st.status === "entered-in-error" ? st.status : "unknown";
    const mr: MedicationRequest = {
      resourceType: "MedicationRequest",
      id: st.id ?? "",
      status,
      intent: "plan",
      reportedBoolean: true,
      subject: st.subject,
      ...(st.medicationCodeableConcept ? { medicationCodeableConcept: st.medicationCodeableConcept } : {}),
      ...(st.medicationReference ? { medicationReference: st.medicationReference } : {}),
      ...(st.contained ? { contained: st.contained } : {}),
      ...(st.effectivePeriod?.start ? { authoredOn: st.effectivePeriod.start } : st.dateAsserted ? { authoredOn: st.dateAsserted } : {}),
    };
    return mr;
  });
}

const ORACLE: EhrProfile = {
  ...PLAIN,
  name: "oracle",
  label: "Oracle Health-like",
  description:
    "No MedicationStatement (absent from the CapabilityStatement, 404): home medicines are MedicationRequests with intent 'plan'; contained Medications coded on their ingredients; " +
    "_count listed (and honoured) for MedicationRequest and Observation only, 400 elsewhere; 400 on _include (not listed); 570-second tokens, refresh only with online_access; " +
    "smart_style_url on another origin; scope reported trimmed, in the other SMART version.",
  software: { name: "Demo EHR (mock, Oracle Health-like profile)" },
  reportScope: oracleScope,
  shape: (resources) => oracleShape(oracleHomeMedicines(resources)),
  refusedParams: ["_include"],
  searchIncludes: {},
  countListed: ["MedicationRequest", "Observation"],
  notOffered: ["MedicationStatement"],
  expiresIn: 570,
  styleOnOtherOrigin: true,
};

/**
 * MEDITECH (Expanse, 2021 US Core baseline): no Medication type, so every medicine is inline; home
 * medicines (statements elsewhere) are MedicationRequests with intent `proposal` and reportedBoolean.
 */
function meditechShape(resources: readonly Resource[]): Resource[] {
  const meds = new Map(resources.filter((r): r is Medication => r.resourceType === "Medication" && !!r.id).map((m) => [`Medication/${m.id}`, m]));
  const out: Resource[] = [];
  for (const r of oracleHomeMedicines(resources)) {
    if (r.resourceType === "Medication") continue;
    if (r.resourceType !== "MedicationRequest") {
      out.push(r);
      continue;
    }
    const mr: MedicationRequest = { ...(r as MedicationRequest) };
    if (mr.intent === "plan" && mr.reportedBoolean) mr.intent = "proposal";
    const ref = mr.medicationReference?.reference;
    const med = ref?.startsWith("#") ? (mr.contained ?? []).find((c) => `#${c.id}` === ref) : ref ? meds.get(ref) : undefined;
    if (med?.resourceType === "Medication" && med.code) {
      delete mr.medicationReference;
      delete mr.contained;
      mr.medicationCodeableConcept = med.code;
    }
    out.push(mr);
  }
  return out;
}

const MEDITECH: EhrProfile = {
  ...PLAIN,
  name: "meditech",
  label: "MEDITECH-like (2021 baseline)",
  description:
    "CapabilityStatement of the 2021 US Core baseline: no Medication and no MedicationStatement, _count listed only for Location and Practitioner (400 elsewhere), " +
    "its own _include spelling 'MedicationRequest.medication' (the standard one refused); home medicines as intent 'proposal' with reportedBoolean; errors as plain text, not FHIR.",
  shape: meditechShape,
  software: { name: "Interoperability Services: US Core FHIR R4", version: "1.0.0" },
  notOffered: ["MedicationStatement", "Medication"],
  countListed: ["Location", "Practitioner"],
  searchIncludes: { MedicationRequest: ["MedicationRequest.medication"] },
  refusedParams: ["_include"],
  textErrors: true,
};

const ATHENA: EhrProfile = {
  ...PLAIN,
  name: "athena",
  label: "athenahealth-like",
  description:
    "A MedicationRequest search without intent is refused with 403 and an OperationOutcome saying the parameter is required; " +
    "local lab codes sent as if they were LOINC (its demo patient).",
  software: { name: "athenaOne" },
  requiredParams: { MedicationRequest: { param: "intent", status: 403 } },
};

/** eClinicalWorks: living patients carry deceasedDateTime 1899-12-30, a database's zero date. */
function ecwShape(resources: readonly Resource[]): Resource[] {
  return resources.map((r) => {
    if (r.resourceType !== "Patient") return r;
    const p = r as Patient;
    return p.deceasedDateTime || p.deceasedBoolean ? p : { ...p, deceasedDateTime: "1899-12-30" };
  });
}

const ECW: EhrProfile = {
  ...PLAIN,
  name: "ecw",
  label: "eClinicalWorks-like",
  description:
    "Living patients with deceasedDateTime 1899-12-30 (a zero date); _count over 100 refused with 400 though the CapabilityStatement lists it; " +
    "NDC-only Medications without display and lab values as text without units (its demo patient).",
  shape: ecwShape,
  software: { name: "eClinicalWorks" },
  maxCount: 100,
};

const NEXTGEN: EhrProfile = {
  ...PLAIN,
  name: "nextgen",
  label: "NextGen-like",
  description:
    "Pages of at most 50; next links spell the base path in another case ('/fhir/' → '/FHIR/'); Procedure searches stop after the first page though 'total' counts them all.",
  software: { name: "NextGen Enterprise FHIR API" },
  pageSizeCap: 50,
  nextLinkPathCase: "upper",
  stopsPaging: ["Procedure"],
};

export const PROFILES: Record<ProfileName, EhrProfile> = {
  plain: PLAIN,
  epic: EPIC,
  oracle: ORACLE,
  meditech: MEDITECH,
  athena: ATHENA,
  ecw: ECW,
  nextgen: NEXTGEN,
};

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
