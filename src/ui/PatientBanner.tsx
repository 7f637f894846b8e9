/** Who the panel is about, on one line: name, age, sex, date of birth, and death when recorded. */
import type { ReportPatient } from "../report/types";
import { formatDate, patientAge } from "../report/format";
import { Untrusted } from "./Untrusted";

export function PatientBanner({ patient: p, now }: { patient: ReportPatient; now: Date }) {
  if (!p.read) {
    // Never "not recorded" for a Patient resource that could not be read.
    return (
      <section className="nlc-banner" aria-label="Patient">
        <p>
          <span className="nlc-banner-name">Patient details could not be read</span>{" "}
          <span>Name, date of birth, age and sex are unknown here; check them in the EHR.</span>
        </p>
      </section>
    );
  }
  const age = patientAge(p, now);
  return (
    <section className="nlc-banner" aria-label="Patient">
      <p className="nlc-banner-name">
        <Untrusted text={p.name} max={120} />
      </p>
      <dl className="nlc-banner-facts">
        {age && (
          <div>
            <dt>Age</dt>
            <dd>{age}</dd>
          </div>
        )}
        <div>
          <dt>Sex</dt>
          <dd>{p.sex}</dd>
        </div>
        <div>
          <dt>Born</dt>
          <dd>{p.birthDate ? formatDate(p.birthDate) : "Not recorded"}</dd>
        </div>
        {p.deceased && (
          <div className="nlc-deceased">
            <dt>Deceased</dt>
            <dd>{p.deceasedDate ? formatDate(p.deceasedDate) : "Date not recorded"}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
