/**
 * Recognition rules for Procedure resources (dialysis treatment: SNOMED CT, CPT).
 * Code lists extracted from docs/terminology/night_leg_cramps_codes.csv (the project's terminology
 * reference) and curated by hand: every list cites where its codes were verified (source tags of the
 * reference's README). Codes are separated by single spaces. Data only: no logic here.
 */
import type { CodeRule } from "../types";

export const PROCEDURE_RULES: CodeRule[] = [
  {
    id: "dialysis.procedure.snomed",
    causes: ["dialysis"],
    appliesTo: ["Procedure"],
    system: "snomed",
    match: "exact",
    reason: "Dialysis treatment recorded",
    escalates: true,
    source: "[KT proc_dialysis_services.csv]; [SYN covid19/admission.json]; [SYN dialysis.json]",
    codes: "676002 11932001 14684005 34897002 57274006 67970008 68341005 71192002 108241001 225230008 225231007 233575001 233576000 233577009 233578004 233579007 233580005 233581009 233582002 233583007 233584001 233585000 233586004 233587008 233588003 233589006 233590002 238318009 238319001 238321006 238322004 238323009 265764009 288182009 302497006 427053002 428648006 698074000 708930002 708931003 708932005 708933000 708934006 714749008 715743002 895382009 1231768001",
  },
  {
    id: "dialysis.procedure.cpt",
    causes: ["dialysis"],
    appliesTo: ["Procedure"],
    system: "cpt",
    match: "exact",
    reason: "Dialysis treatment recorded",
    escalates: true,
    source: "[KT proc_dialysis_services.csv]; [VSAC 2.16.840.1.113883.3.526.3.1083 \"Hemodialysis\"]; [KT proc_dialysis_services.csv] (90999 \"Unlisted dialysis procedure, inpatient or outpatient\", 99512 \"Home visit for hemodialysis\"; 90997 hemoperfusion is not dialysis and stays out)",
    codes: "90999 99512 90935 90937 90945 90947 90951 90952 90953 90954 90955 90956 90957 90958 90959 90960 90961 90962 90963 90964 90965 90966 90967 90968 90969 90970",
  },
];
