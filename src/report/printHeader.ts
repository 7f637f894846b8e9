/**
 * The running header of a printout in words (panel-contract "Reading aids"): who, born when, printed when.
 * Never "not recorded" of a Patient resource that could not be read.
 */
import { formatDate, formatDateTime } from "./format";
import type { ReportPatient } from "./types";

export interface PrintHeaderWords {
  /** The patient's name, or that the details could not be read. */
  who: string;
  /** "born 2 May 1945", "born not recorded"; "" when the Patient resource could not be read. */
  born: string;
  /** "printed 7 Dec 2026, 10:30". */
  printed: string;
}

export function printHeaderWords(p: ReportPatient, printedAt: Date): PrintHeaderWords {
  return {
    who: p.read ? p.name : "Patient (details could not be read from the EHR)",
    born: p.read ? `born ${p.birthDate ? formatDate(p.birthDate) : "not recorded"}` : "",
    printed: `printed ${formatDateTime(printedAt)}`,
  };
}
