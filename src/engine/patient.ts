/** Patient facts (age today or at death, deceased) and the older-age evidence. */
import { OLDER_AGE_THRESHOLD } from "../knowledge";
import { ageInYears, dateParts, utcParts, type DateParts } from "./dates";
import { FixedEvidenceItem, type EvidenceItem } from "./evidence";
import { isObj, str } from "./read";
import type { Evidence, EvidenceStatus, PatientFacts } from "./types";

/** A date as a sortable number, at the earliest or the latest day a partial date allows. */
function dayNumber(d: DateParts, edge: "earliest" | "latest"): number {
  const month = d.month ?? (edge === "earliest" ? 1 : 12);
  const day = d.day ?? (edge === "earliest" ? 1 : 31);
  return d.year * 10000 + month * 100 + day;
}

/**
 * On or before this day a death date is a database's zero date ("1899-12-30", "1900-01-01"), not a death.
 * A data-quality rule, not a clinical one: issue 19 (recorded eClinicalWorks sandbox traffic sends
 * `deceasedDateTime: 1899-12-30` for a patient born in 1989) states it as "a death date before the birth
 * date, or on or before 1900-01-01, is no death date"; docs/ehr-guide.md lists it with that source.
 */
const PLACEHOLDER_LAST_DAY = 19000101;

/**
 * Why a recorded death date is no death date, or undefined when it may be one: on or before 1900-01-01
 * (eClinicalWorks sends 1899-12-30, a database's zero date, for living patients), or before the birth date.
 */
export function deathDateProblem(death: string, birth: string | undefined): "placeholder" | "before-birth" | undefined {
  const d = dateParts(death);
  if (!d) return undefined;
  if (dayNumber(d, "latest") <= PLACEHOLDER_LAST_DAY) return "placeholder";
  const b = dateParts(birth);
  if (b && dayNumber(d, "latest") < dayNumber(b, "earliest")) return "before-birth";
  return undefined;
}

export function patientFacts(patient: unknown, now: Date): PatientFacts {
  if (!isObj(patient)) return { deceased: false };
  const id = str(patient.id);
  const recordedDeath = str(patient.deceasedDateTime);
  const problem = recordedDeath === undefined ? undefined : deathDateProblem(recordedDeath, str(patient.birthDate));
  const deceasedDate = problem ? undefined : recordedDeath;
  const deceased = patient.deceasedBoolean === true || deceasedDate !== undefined;
  const facts: PatientFacts = { deceased };
  if (id) facts.id = id;
  if (deceasedDate) facts.deceasedDate = deceasedDate;
  if (problem && recordedDeath) facts.ignoredDeathDate = { date: recordedDeath, reason: problem };
  const birth = dateParts(str(patient.birthDate));
  if (!birth) return facts;
  const at = deceased ? dateParts(deceasedDate) : utcParts(now);
  if (!at) return facts;
  const age = ageInYears(birth, at);
  if (age >= 0 && age < 150) {
    facts.age = age;
    facts.ageAt = deceased ? "death" : "today";
  }
  return facts;
}

export function olderAgeEvidence(patient: unknown, facts: PatientFacts): EvidenceItem[] {
  if (facts.age === undefined || facts.age < OLDER_AGE_THRESHOLD || !isObj(patient)) return [];
  const birthDate = str(patient.birthDate);
  const id = facts.id ?? "unknown";
  const ref = `Patient/${id}`;
  const when = facts.ageAt === "death" ? "at death" : "today";
  const status: EvidenceStatus = facts.deceased ? "deceased" : "current";
  const evidence: Evidence = {
    ref,
    resourceType: "Patient",
    text: `Age ${facts.age} ${when} (born ${birthDate ?? "unknown"})`,
    matched: { systemLabel: "Patient.birthDate", code: birthDate },
    matchedBy: "age",
    ruleId: "older-age.birth-date",
    reason: `Age ${facts.age} ${when}: at or over ${OLDER_AGE_THRESHOLD}, the age the app highlights (the source gives no cut-off)`,
    status,
    current: !facts.deceased,
    dates: {},
    ...(facts.deceased ? { notes: ["The patient is recorded as deceased: age at death."] } : {}),
  };
  return [
    new FixedEvidenceItem(
      {
        cause: "older-age",
        escalates: false,
        unstated: false,
        sortMs: Number.NEGATIVE_INFINITY,
        id,
        ref,
        resourceType: "Patient",
        ruleId: evidence.ruleId,
        status: evidence.status,
        current: evidence.current,
        text: evidence.text,
        recordStatus: undefined,
        primary: true,
        matchKey: "age",
      },
      evidence,
    ),
  ];
}
