/** Who the panel is about: name, date of birth, age, sex, and death when recorded. */
import type { Patient } from "fhir/r4";
import type { PatientFacts } from "../engine/types";
import { ageAt, formatDate, localDate, patientName, patientSex } from "./format";
import { Untrusted } from "./Untrusted";

export function PatientBanner({ patient, facts, now, read = true }: { patient: Patient; facts: PatientFacts; now: Date; read?: boolean }) {
  if (!read) {
    // Never "not recorded" for a Patient resource that could not be read.
    return (
      <section className="nlc-banner" aria-label="Patient">
        <p className="nlc-banner-name">Patient details could not be read</p>
        <p>Name, date of birth, age and sex are unknown here; check them in the EHR.</p>
      </section>
    );
  }
  const age = facts.age ?? ageAt(patient.birthDate, localDate(now))?.min;
  const deceasedDate = facts.deceasedDate ?? patient.deceasedDateTime;
  return (
    <section className="nlc-banner" aria-label="Patient">
      <p className="nlc-banner-name">
        <Untrusted text={patientName(patient)} max={120} />
      </p>
      <dl className="nlc-banner-facts">
        <div>
          <dt>Born</dt>
          <dd>{patient.birthDate ? formatDate(patient.birthDate) : "Not recorded"}</dd>
        </div>
        {age !== undefined && (
          <div>
            <dt>Age</dt>
            <dd>{facts.ageAt === "death" ? `${age} at death` : age}</dd>
          </div>
        )}
        <div>
          <dt>Sex</dt>
          <dd>{patientSex(patient)}</dd>
        </div>
        {facts.deceased && (
          <div className="nlc-deceased">
            <dt>Deceased</dt>
            <dd>{deceasedDate ? formatDate(deceasedDate) : "Date not recorded"}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
