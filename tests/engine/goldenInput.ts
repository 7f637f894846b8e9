/**
 * Deterministic, varied engine inputs for the golden-output guard (golden.test.ts): patients of every
 * shape with records of every kind (coded by every system, look-alikes, pregnancy dating codes, local
 * codes with free text wrapped in every context cue, every status, intent, date form, malformed entries)
 * and lab results (every test, code, unit spelling, comparator, status, date source, subject form). A
 * seeded generator: the same inputs on every run, so the engine's output can be compared byte for byte.
 */
import type {
  CodeableConcept,
  Coding,
  Condition,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
} from "fhir/r4";
import type { EngineInput, MedicationUse } from "../../src/engine/types";
import {
  CODE_RULES,
  LAB_TEST_CODES,
  LAB_TESTS,
  LOOK_ALIKES,
  NAME_RULES,
  PREGNANCY_DATING,
  SYSTEMS,
  type LabTestId,
  type ResourceKind,
  type SystemKey,
} from "../../src/knowledge";
import { CORPUS } from "../clinical/corpus";

export const GOLDEN_NOW = new Date("2026-11-26T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

/** A seeded generator (LCG): the same sequence on every run. */
export class Rng {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
    return this.seed / 2 ** 32;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- codings

/** Codes of the rules (and look-alikes) of a system, as EHRs write them: some with dots, lower case, spaces. */
function ruleCodings(rng: Rng, kind: ResourceKind): Coding[] {
  const out: Coding[] = [];
  const add = (system: SystemKey, match: "exact" | "prefix", codes: string) => {
    const list = codes.split(" ").filter(Boolean);
    // Every code of small lists, a sample of large ones (RxNorm and SNOMED CT lists run to hundreds).
    const chosen = list.length <= 12 ? list : Array.from({ length: 12 }, () => rng.pick(list));
    for (const code of chosen) {
      const uri = rng.chance(0.9) ? SYSTEMS[system].uris[0]! : rng.pick(SYSTEMS[system].uris);
      out.push({ system: uri, code, display: `${system} ${code}` });
      if (match === "prefix") {
        // Longer codes under the prefix, written with a dot, in lower case or with spaces.
        const longer = `${code}${rng.int(10)}${rng.chance(0.5) ? rng.int(10) : ""}`;
        const dotted = longer.length > 3 ? `${longer.slice(0, 3)}.${longer.slice(3)}` : longer;
        out.push({ system: uri, code: rng.chance(0.3) ? dotted.toLowerCase() : rng.chance(0.2) ? ` ${dotted} ` : dotted });
      }
    }
  };
  for (const rule of CODE_RULES) if (rule.appliesTo.includes(kind)) add(rule.system, rule.match, rule.codes);
  for (const la of LOOK_ALIKES) add(la.system, la.match, la.codes);
  return out;
}

/** Pregnancy codings: dating codes (Z3A, trimester, SNOMED CT weeks) and pregnancy rule codes. */
function pregnancyCodings(): Coding[] {
  const icd = SYSTEMS.icd10cm.uris[0]!;
  const snomed = SYSTEMS.snomed.uris[0]!;
  const out: Coding[] = [];
  for (const code of Object.keys(PREGNANCY_DATING.GESTATION_WEEKS_CODES)) out.push({ system: icd, code });
  for (const w of [8, 12, 20, 30, 36, 41, 42, 43, 7]) out.push({ system: icd, code: `Z3A.${String(w).padStart(2, "0")}` });
  for (const code of PREGNANCY_DATING.FIRST_TRIMESTER_CODES.slice(0, 6)) out.push({ system: icd, code, display: "Pregnancy, first trimester" });
  for (const code of PREGNANCY_DATING.SECOND_TRIMESTER_CODES.slice(0, 6)) out.push({ system: icd, code });
  for (const code of PREGNANCY_DATING.THIRD_TRIMESTER_CODES.slice(0, 6)) out.push({ system: icd, code, display: "Postpartum care" });
  for (const code of Object.keys(PREGNANCY_DATING.SNOMED_GESTATION_WEEKS)) out.push({ system: snomed, code });
  for (const rule of CODE_RULES) {
    if (!rule.causes.includes("pregnancy")) continue;
    for (const code of rule.codes.split(" ").slice(0, 15)) out.push({ system: SYSTEMS[rule.system].uris[0]!, code, display: "Pregnancy" });
  }
  out.push({ system: icd, code: "O80", display: "Encounter for full-term uncomplicated delivery" });
  out.push({ system: snomed, code: "72892002", display: "Normal pregnancy (finding)" });
  return out;
}

// ---------------------------------------------------------------- free text

/** Every text and display of the clinical corpus, the plain-word name patterns, and everyday entries. */
function baseTexts(): string[] {
  const out = new Set<string>([
    "Type 2 diabetes mellitus", "hydrochlorothiazide 25 MG Oral Tablet", "furosemide 40 MG", "atorvastatin 20 MG",
    "Essential hypertension", "Viral sinusitis", "Acute bronchitis", "Chronic kidney disease stage 3", "amoxicillin 500 MG",
    "Sprain of ankle", "levonorgestrel 0.15 MG / ethinyl estradiol Oral Tablet", "Restless legs", "Pregnancy, 36 weeks",
    "Pregnant, third trimester", "Intrauterine pregnancy 12+3 wks", "Pregnancy, delivered", "Postpartum state", "Pregnancy",
    "Timolol eye drops 0.5%", "Minoxidil 5% topical solution", "Estradiol patch", "Haemodialysis", "CKD stage 5 on dialysis",
  ]);
  for (const c of CORPUS) {
    for (const r of c.records) {
      if (r.text) out.add(r.text);
      for (const coding of r.codings ?? []) if (coding.display) out.add(coding.display);
    }
  }
  for (const rule of NAME_RULES) {
    for (const p of [...rule.patterns, ...(rule.abbreviations ?? [])]) if (/^[\w\s'-]+$/.test(p)) out.add(p);
  }
  return [...out].sort();
}

/** How a name is wrapped in a clinician's words: every context cue, before and after, and entry separators. */
const WRAPS: readonly [string, string][] = [
  ["", ""], ["", ""], ["", ""], ["", ""],
  ["No ", ""], ["Not ", ""], ["Negative for ", ""], ["Denies ", ""], ["", ", ruled out"], ["", " ruled out"],
  ["History of ", ""], ["H/O ", ""], ["PMH: ", ""], ["", ", in remission"], ["", " - resolved"], ["s/p ", ""],
  ["FH: ", ""], ["FHx ", ""], ["Mother: ", ""], ["Family history of ", ""], ["Rule out ", ""], ["Suspected ", ""],
  ["Possible ", ""], ["", "?"], ["Screening for ", ""], ["At risk for ", ""], ["Pre-", ""], ["Borderline ", ""],
  ["", ", not well controlled"], ["", " (confirmed)"], ["", "; but stable"], ["", ", 20 weeks"], ["", ", second trimester"],
  ["", " however improving"], ["[", "]"],
];

function wrapped(rng: Rng, texts: readonly string[]): string {
  const [before, after] = rng.pick(WRAPS);
  const base = rng.pick(texts);
  const text = `${before}${base}${after}`;
  // Sometimes two entries in one text, or odd case and spacing.
  if (rng.chance(0.08)) return `${text}, ${rng.pick(texts)}`;
  if (rng.chance(0.05)) return text.toUpperCase();
  if (rng.chance(0.03)) return `  ${text}  `;
  return text;
}

// ---------------------------------------------------------------- dates

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A FHIR date in every form: full, partial, with a time and zone, unreadable, or in the future. */
function anyDate(rng: Rng, maxDaysAgo = 6000): string {
  const ms = GOLDEN_NOW.getTime() - rng.int(maxDaysAgo) * DAY_MS;
  const day = isoDate(ms);
  const r = rng.next();
  if (r < 0.5) return day;
  if (r < 0.62) return `${day}T${String(rng.int(24)).padStart(2, "0")}:15:00Z`;
  if (r < 0.7) return `${day}T08:30:00+05:00`;
  if (r < 0.78) return day.slice(0, 7);
  if (r < 0.84) return day.slice(0, 4);
  if (r < 0.88) return isoDate(GOLDEN_NOW.getTime() + (1 + rng.int(400)) * DAY_MS);
  if (r < 0.91) return rng.pick(["2020-13-01", "yesterday", "2020/01/05", "", " 2019-04-02 "]);
  return isoDate(GOLDEN_NOW.getTime() - rng.int(60) * DAY_MS); // recent
}

// ---------------------------------------------------------------- records

interface Pools {
  condition: Coding[];
  medication: Coding[];
  procedure: Coding[];
  pregnancy: Coding[];
  texts: string[];
}

export function makePools(rng: Rng): Pools {
  return {
    condition: ruleCodings(rng, "Condition"),
    medication: ruleCodings(rng, "Medication"),
    procedure: ruleCodings(rng, "Procedure"),
    pregnancy: pregnancyCodings(),
    texts: baseTexts(),
  };
}

function localCoding(rng: Rng, prefix: string): Coding {
  return { system: rng.pick(["urn:oid:1.2.840.114350.1.13.0.1.7.2.696871", "http://example.org/local", "HTTP://SNOMED.INFO/SCT/"]), code: `${prefix}${rng.int(500)}` };
}

function concept(rng: Rng, pools: Pools, codings: Coding[]): CodeableConcept {
  const r = rng.next();
  if (r < 0.35) {
    // A local code with free text: name matching and the text's context decide.
    const cc: CodeableConcept = { coding: [localCoding(rng, "L")], text: wrapped(rng, pools.texts) };
    if (rng.chance(0.2)) cc.coding!.push({ system: "http://example.org/other", code: "x", display: wrapped(rng, pools.texts) });
    return cc;
  }
  const cc: CodeableConcept = { coding: [{ ...rng.pick(codings) }] };
  if (rng.chance(0.3)) cc.text = wrapped(rng, pools.texts);
  if (rng.chance(0.15)) cc.coding!.unshift(localCoding(rng, "E"));
  if (rng.chance(0.1)) cc.coding!.push({ ...rng.pick(codings) });
  if (rng.chance(0.03)) cc.coding!.push(null as unknown as Coding, { code: "123" } as Coding);
  if (r > 0.98) return { text: wrapped(rng, pools.texts) }; // text only
  return cc;
}

const CLINICAL = ["active", "active", "active", "recurrence", "relapse", "inactive", "remission", "resolved", undefined, "bogus"];
const VERIFICATION = ["confirmed", "confirmed", "confirmed", "unconfirmed", "provisional", "differential", "refuted", "entered-in-error", undefined];

function condition(rng: Rng, pools: Pools, id: string, patientRef: string): Condition {
  const pregnancy = rng.chance(0.12);
  const c: Condition = {
    resourceType: "Condition",
    id,
    subject: { reference: patientRef },
    code: pregnancy ? pregnancyConcept(rng, pools) : concept(rng, pools, pools.condition),
  };
  const clinical = rng.pick(CLINICAL);
  if (clinical) c.clinicalStatus = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: clinical }] };
  const verification = rng.pick(VERIFICATION);
  if (verification) c.verificationStatus = { coding: [{ code: verification }] };
  const r = rng.next();
  if (r < 0.6) c.onsetDateTime = pregnancy ? anyDate(rng, 500) : anyDate(rng);
  else if (r < 0.72) c.onsetPeriod = { start: anyDate(rng), ...(rng.chance(0.5) ? { end: anyDate(rng) } : {}) };
  if (rng.chance(0.4)) c.recordedDate = pregnancy ? anyDate(rng, 400) : anyDate(rng);
  const a = rng.next();
  if (a < 0.08) c.abatementDateTime = anyDate(rng);
  else if (a < 0.1) c.abatementPeriod = { start: anyDate(rng) };
  else if (a < 0.11) c.abatementString = "in childhood";
  else if (a < 0.12) (c as unknown as Record<string, unknown>).abatementBoolean = true; // not in R4: read anyway, as other EHR shapes
  else if (a < 0.125) c.abatementAge = { value: 40 };
  if (rng.chance(0.5)) c.category = [{ coding: [{ code: rng.pick(["problem-list-item", "encounter-diagnosis", "health-concern"]) }] }];
  if (rng.chance(0.02)) c.modifierExtension = [{ url: "http://example.org/negated", valueBoolean: true }];
  return c;
}

function pregnancyConcept(rng: Rng, pools: Pools): CodeableConcept {
  const cc: CodeableConcept = { coding: [{ ...rng.pick(pools.pregnancy) }] };
  if (rng.chance(0.3)) cc.coding!.push({ ...rng.pick(pools.pregnancy) });
  if (rng.chance(0.4)) cc.text = rng.pick(["Pregnancy, 36 weeks", "Pregnant, third trimester", "Intrauterine pregnancy 12+3 wks", "Pregnancy", "Pregnancy, delivered", "Postpartum state", "Pregnancy 50 weeks", "Pregnancy, first trimester"]);
  return cc;
}

const REQUEST_STATUS = ["active", "active", "on-hold", "completed", "stopped", "cancelled", "entered-in-error", "draft", "unknown", undefined];
const STATEMENT_STATUS = ["active", "active", "on-hold", "completed", "stopped", "entered-in-error", "not-taken", "intended", "unknown"];
const INTENTS = ["order", "order", "order", "plan", "proposal", "option", "original-order", undefined];

function medication(rng: Rng, pools: Pools, id: string, patientRef: string): MedicationUse {
  const cc = concept(rng, pools, pools.medication);
  const statement = rng.chance(0.3);
  let resource: MedicationRequest | MedicationStatement;
  if (statement) {
    const s = { resourceType: "MedicationStatement", id, subject: { reference: patientRef }, status: rng.pick(STATEMENT_STATUS) } as MedicationStatement;
    if (rng.chance(0.5)) s.effectivePeriod = { start: anyDate(rng), ...(rng.chance(0.6) ? { end: anyDate(rng, 900) } : {}) };
    else s.effectiveDateTime = anyDate(rng);
    if (rng.chance(0.3)) s.dateAsserted = anyDate(rng);
    if (rng.chance(0.3)) s.dosage = [{ text: rng.pick(["1 tablet by mouth daily", "two puffs\u0007 twice\u202e a day", "x".repeat(200)]) }];
    resource = s;
  } else {
    const m = { resourceType: "MedicationRequest", id, subject: { reference: patientRef }, status: rng.pick(REQUEST_STATUS) } as MedicationRequest;
    const intent = rng.pick(INTENTS);
    if (intent) m.intent = intent as MedicationRequest["intent"];
    if (rng.chance(0.85)) m.authoredOn = anyDate(rng);
    if (rng.chance(0.1)) m.dispenseRequest = { validityPeriod: { start: anyDate(rng), end: anyDate(rng) } };
    if (rng.chance(0.03)) m.doNotPerform = true;
    const d = rng.next();
    if (d < 0.2) m.dosageInstruction = [{ text: "Take 1 tablet at night" }];
    else if (d < 0.35) {
      m.dosageInstruction = [
        {
          doseAndRate: [rng.chance(0.5) ? { doseQuantity: { value: 25, unit: "mg" } } : { doseRange: { low: { value: 1 }, high: { value: 2, code: "tab" } } }],
          // "x" is not a unit: no timing text.
          timing: rng.chance(0.5) ? { repeat: { frequency: rng.int(3) + 1, period: rng.int(2) + 1, periodUnit: rng.pick(["d", "wk", "h", "x"]) as "d" } } : { code: { text: "at bedtime" } },
          route: rng.chance(0.5) ? { text: "oral" } : { coding: [{ display: "Oral route" }] },
          ...(rng.chance(0.3) ? { asNeededBoolean: true } : {}),
        },
      ];
    }
    if (rng.chance(0.05)) m.medicationReference = { reference: "Medication/x", display: wrapped(rng, pools.texts) };
    resource = m;
  }
  if (rng.chance(0.9)) (resource as MedicationRequest).medicationCodeableConcept = cc;
  if (rng.chance(0.02)) resource.modifierExtension = [{ url: "http://example.org/m", valueBoolean: true }];
  const use: MedicationUse = { resource };
  // The data layer's resolved concept: usually the inline one, sometimes a Medication's, sometimes none.
  const r = rng.next();
  if (r < 0.8) use.concept = (resource as MedicationRequest).medicationCodeableConcept ?? cc;
  else if (r < 0.9) {
    use.concept = cc;
    use.conceptSource = { kind: "included", reference: "Medication/x" };
  }
  return use;
}

const PROCEDURE_STATUS = ["completed", "completed", "in-progress", "in-progress", "stopped", "preparation", "not-done", "entered-in-error", "on-hold", undefined];

function procedure(rng: Rng, pools: Pools, id: string, patientRef: string): Procedure {
  const p = { resourceType: "Procedure", id, subject: { reference: patientRef }, code: concept(rng, pools, pools.procedure) } as Procedure;
  const status = rng.pick(PROCEDURE_STATUS);
  if (status) p.status = status as Procedure["status"];
  const r = rng.next();
  if (r < 0.5) p.performedDateTime = anyDate(rng, rng.chance(0.5) ? 120 : 4000);
  else if (r < 0.85) p.performedPeriod = { start: anyDate(rng, 200), ...(rng.chance(0.5) ? { end: anyDate(rng, 60) } : {}) };
  return p;
}

// ---------------------------------------------------------------- lab results

/** Per test, a value range (in the test's unit) around its cut-offs. */
const VALUE_RANGE: Record<LabTestId, [number, number]> = {
  egfr: [8, 75],
  hemoglobin: [9, 14],
  hba1c: [5.5, 7.5],
  glucose: [40, 80],
  tsh: [0.02, 14],
};

/** Every unit spelling the tests accept (as written and in other cases), plus units no rule reads. */
function unitSpellings(test: LabTestId): { text: string; scale: number }[] {
  const out: { text: string; scale: number }[] = [];
  for (const u of LAB_TESTS[test].units) {
    out.push({ text: u.label, scale: u.scale });
    for (const s of u.spellings) out.push({ text: s, scale: u.scale }, { text: s.toUpperCase(), scale: u.scale });
    if (u.prefix) out.push({ text: `${u.prefix}/{1.73_m2}`, scale: u.scale }, { text: "mL/min/1.73m2", scale: u.scale });
  }
  out.push({ text: "arbitrary units", scale: 1 }, { text: "", scale: 1 });
  return out;
}

const OBS_STATUS = ["final", "final", "final", "final", "amended", "corrected", "preliminary", "registered", "cancelled", "entered-in-error", "unknown", undefined];
const COMPARATORS = [undefined, undefined, undefined, undefined, undefined, undefined, "<", "<=", ">", ">=", "~"];

function observation(rng: Rng, id: string, patientId: string, now: number): Observation {
  const test = rng.pick(Object.keys(LAB_TEST_CODES) as LabTestId[]);
  const unit = rng.pick(unitSpellings(test));
  const [lo, hi] = VALUE_RANGE[test];
  const value = Math.round((lo + rng.next() * (hi - lo)) / unit.scale * 1000) / 1000;
  const o = { resourceType: "Observation", id, status: rng.pick(OBS_STATUS), code: { coding: [{ system: "http://loinc.org", code: rng.pick(LAB_TEST_CODES[test]) }] } } as Observation;
  if (rng.chance(0.1)) o.code.text = `${LAB_TESTS[test].label} result`;
  if (rng.chance(0.2)) o.code.coding![0]!.display = LAB_TESTS[test].label;
  if (rng.chance(0.02)) o.code.coding!.push({ system: "http://loinc.org", code: rng.pick(LAB_TEST_CODES[rng.pick(Object.keys(LAB_TEST_CODES) as LabTestId[])]) });
  const s = rng.next();
  if (s < 0.7) o.subject = { reference: `Patient/${patientId}` };
  else if (s < 0.8) o.subject = { reference: `https://ehr.example.org/fhir/Patient/${patientId}/_history/2` };
  else if (s < 0.83) o.subject = { reference: "Patient/someone-else" };
  const q: Record<string, unknown> = {};
  const v = rng.next();
  q.value = v < 0.95 ? value : v < 0.97 ? -1 : v < 0.98 ? "12" : Number.NaN;
  const form = rng.next();
  if (form < 0.6) Object.assign(q, { unit: unit.text, system: "http://unitsofmeasure.org", code: unit.text });
  else if (form < 0.75) q.unit = unit.text;
  else if (form < 0.85) Object.assign(q, { code: unit.text });
  else if (form < 0.95) Object.assign(q, { unit: unit.text, system: "http://example.org/units", code: "U1" });
  const comparator = rng.pick(COMPARATORS);
  if (comparator) q.comparator = comparator;
  if (rng.chance(0.97)) o.valueQuantity = q;
  const daysAgo = rng.chance(0.3) ? rng.int(120) : rng.int(3000);
  const date = new Date(now - daysAgo * DAY_MS);
  const d = rng.next();
  if (d < 0.55) o.effectiveDateTime = rng.chance(0.5) ? date.toISOString() : isoDate(date.getTime());
  else if (d < 0.65) o.effectivePeriod = { start: isoDate(date.getTime()) };
  else if (d < 0.72) o.effectiveInstant = date.toISOString();
  else if (d < 0.8) o.issued = date.toISOString();
  else if (d < 0.86) o.effectiveDateTime = isoDate(date.getTime()).slice(0, rng.chance(0.5) ? 7 : 4);
  else if (d < 0.9) o.effectiveDateTime = isoDate(now + (1 + rng.int(30)) * DAY_MS);
  else if (d < 0.92) o.effectiveDateTime = "not a date";
  else o.effectiveDateTime = isoDate(date.getTime());
  return o;
}

// ---------------------------------------------------------------- patients

function patientVariant(rng: Rng, i: number): Patient | undefined {
  const id = `gp${i}`;
  const p: Patient = { resourceType: "Patient", id };
  const birthYear = rng.pick([1930, 1948, 1956, 1962, 1975, 1988, 1995, 2004, 2012, 2024, 2026]);
  const b = rng.next();
  if (b < 0.7) p.birthDate = `${birthYear}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`;
  else if (b < 0.8) p.birthDate = `${birthYear}-0${1 + rng.int(9)}`;
  else if (b < 0.87) p.birthDate = String(birthYear);
  else if (b < 0.9) p.birthDate = "unknown";
  const g = rng.next();
  if (g < 0.55) p.gender = "female";
  else if (g < 0.85) p.gender = "male";
  else if (g < 0.92) p.gender = rng.pick(["other", "unknown"]);
  const d = rng.next();
  if (d < 0.06) p.deceasedBoolean = true;
  else if (d < 0.12) p.deceasedDateTime = anyDate(rng, 3000);
  else if (d < 0.14) p.deceasedBoolean = false;
  if (i % 29 === 28) return undefined; // no Patient resource at all
  return p;
}

/** One generated patient's engine input: `records` records of all kinds and `labs` lab results. */
export function generatedInput(rng: Rng, pools: Pools, i: number, records: number, labs: number): EngineInput {
  const patient = patientVariant(rng, i);
  const patientId = patient?.id ?? `gp${i}`;
  const ref = `Patient/${patientId}`;
  const input: EngineInput = { conditions: [], medications: [], procedures: [], observations: [] };
  if (patient) input.patient = patient;
  for (let n = 0; n < records; n++) {
    // Some ids repeat (the same record read twice, or across kinds) so folding and first-sight rules run.
    const id = rng.chance(0.04) ? `r${rng.int(n + 1)}` : `r${n}`;
    const k = rng.next();
    if (k < 0.45) input.conditions.push(condition(rng, pools, id, ref));
    else if (k < 0.85) input.medications.push(medication(rng, pools, id, ref));
    else input.procedures.push(procedure(rng, pools, id, ref));
    // A copy of the last record under another id: records that say the same thing fold together.
    if (rng.chance(0.1)) {
      if (k < 0.45) input.conditions.push({ ...input.conditions.at(-1)!, id: `${id}-copy` });
      else if (k < 0.85) {
        const last = input.medications.at(-1)!;
        input.medications.push({ ...last, resource: { ...last.resource, id: `${id}-copy` } });
      }
    }
  }
  if (rng.chance(0.2)) {
    // Malformed entries that must be skipped, never fatal.
    input.conditions.push(null as unknown as Condition, { resourceType: "Condition" } as Condition);
    input.medications.push({} as MedicationUse, { resource: null } as unknown as MedicationUse);
    input.procedures.push("x" as unknown as Procedure);
  }
  const now = GOLDEN_NOW.getTime();
  for (let n = 0; n < labs; n++) {
    const id = rng.chance(0.03) ? `o${rng.int(n + 1)}` : `o${n}`;
    input.observations!.push(observation(rng, id, patientId, now));
  }
  if (labs > 0 && rng.chance(0.2)) {
    input.observations!.push(null as unknown as Observation, { resourceType: "Condition" } as unknown as Observation, { resourceType: "Observation", code: { coding: [{ system: "http://loinc.org", code: "718-7" }] } } as Observation);
  }
  return input;
}
