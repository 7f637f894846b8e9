/** From what a channel has after a read (Patient resource, engine result, sources) to the narrow Report. */
import type { Report, ReportInput } from "./types";
import { patientName, patientSex } from "./format";
import { withLabReading } from "./labStatus";

export function buildReport(input: ReportInput): Report {
  const { patient, result } = input;
  const read = input.sources.find((s) => s.source === "Patient")?.status === "read";
  const deceasedDate = result.patient.deceased ? (result.patient.deceasedDate ?? patient.deceasedDateTime) : undefined;
  return {
    findings: result.findings,
    patient: {
      ...result.patient,
      ...(deceasedDate ? { deceasedDate } : {}),
      read,
      name: patientName(patient),
      ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
      sex: patientSex(patient),
    },
    // Lab results none of which could be interpreted were not checked (labStatus.ts).
    sources: withLabReading(input.sources, result.labs),
    readAt: input.readAt,
    knowledge: input.knowledge,
    ...(result.labs ? { labs: result.labs } : {}),
    ...(input.legCramps ? { legCramps: input.legCramps } : {}),
  };
}
