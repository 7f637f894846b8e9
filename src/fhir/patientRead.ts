/**
 * What a Patient read answered. A read returns the Patient itself; some servers answer with a searchset
 * Bundle instead (documented for Veradigm's sandbox). A Bundle holding exactly one Patient, this one, is
 * accepted as that Patient; anything else is returned as it came, and load.ts calls it a mismatch.
 */
import { asArray, isRecord } from "../util/json";

export function patientFromAnswer(body: Record<string, unknown>, patientId: string): Record<string, unknown> {
  if (body.resourceType !== "Bundle") return body;
  const patients = asArray(body.entry)
    .map((e) => (isRecord(e) ? e.resource : undefined))
    .filter((r): r is Record<string, unknown> => isRecord(r) && r.resourceType === "Patient");
  return patients.length === 1 && patients[0]!.id === patientId ? patients[0]! : body;
}
