import type { Resource } from "fhir/r4";
import type { ProfileName } from "../profiles";

/** One patient of the demo EHR. `resources(now)` includes the Patient itself. */
export interface DemoPatient {
  id: string;
  label: string;
  description: string;
  /** Every resource about the patient (and Medications they reference). `now` anchors relative dates. */
  resources(now: Date): Resource[];
  /**
   * Optional (mock addition): warnings the server adds as OperationOutcome entries (search.mode "outcome")
   * on the first page of every search of the given resource type for this patient.
   */
  searchWarnings?: Partial<Record<string, string[]>>;
  /** Optional (mock addition): the server ignores `_include` for this patient, like servers that do not support it. */
  ignoresInclude?: boolean;
  /** The behaviour profile whose EHR this patient's record comes from: the demo page lists it first under that profile. */
  profile?: ProfileName;
}
