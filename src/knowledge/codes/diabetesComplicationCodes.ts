/**
 * SNOMED CT codes of diabetes and its complications that EHRs send without a display (round three of the
 * vocabulary of real charts): every one was matched only by its words before. Each code names diabetes of
 * unstated type (shown under type 2 diabetes, the app's convention) and, where it says so, the nerve damage,
 * kidney disease or low blood sugar it caused. Graves' disease is here too: a core code of the same round.
 *
 * Verified by exact-string searches of public repositories (2026-12-08): every code with this meaning in an
 * SQL table of diabetes codes ("diabetes_other" rows: SNOMED-CT, code, description); most also with the
 * same description in a FHIR ValueSet expansion of diabetes conditions (424736006, 127011001, 193184006,
 * 230573007, 237633009, among others) or in a UK BHF Data Science Centre code list (notebook
 * CCU046_01-D02c-codelist_comorbidity: 111552007, 127011001, 193141005, 193183000-193185007, 170745003,
 * 170747006, 170763003), and several in code-only diabetes value sets. Not checked against a SNOMED CT
 * release: marked weak.
 */
import { DIABETES_TYPE_NOT_RECORDED_NOTE } from "../conventions";
import type { CodeRule } from "../types";

const SOURCE_DM =
  "[IDX, weak] exact-string searches 2026-12-08: public code lists with SNOMED CT descriptions (an SQL diabetes code table; a FHIR ValueSet expansion of diabetes conditions; the BHF CCU046_01 comorbidity code list)";

/** Neuropathy due to diabetes that the code says is peripheral, sensory or a distal polyneuropathy. */
const DN_PERIPHERAL =
  "424736006 127011001 230573007"; // peripheral neuropathy / sensory neuropathy / distal sensorimotor polyneuropathy due to diabetes mellitus

/** Other nerve damage due to diabetes (painful, asymptomatic, mononeuropathy, radiculopathy, nervous system). */
const DN_OTHER =
  "193141005 193183000 193184006 193185007 230577008 230578003 230579006 359611005 361216007 422088007";

/** Kidney disease due to diabetes (Kimmelstiel-Wilson, diabetic nephropathy and glomerulopathy). */
const DKD = "311366001 236499007 236500003 309426007 310387003";

/** Low blood sugar due to diabetes. */
const HYPO = "237632004 237633009 237635002 421725003";

/** Diabetes named without a complication or a type. */
const DM_PLAIN = "111552007 170745003 170747006 170763003 268519009";

export const DIABETES_COMPLICATION_RULES: CodeRule[] = [
  {
    id: "dn.peripheral.more.snomed",
    causes: ["diabetic-neuropathy"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Nerve damage from diabetes recorded",
    confidence: "weak",
    source: `${SOURCE_DM} (424736006 "Peripheral neuropathy due to diabetes mellitus", 127011001 "Sensory neuropathy due to diabetes mellitus", 230573007 "Diabetic distal sensorimotor polyneuropathy")`,
    codes: DN_PERIPHERAL,
  },
  {
    id: "pn.diabetic.more.snomed",
    causes: ["peripheral-neuropathy"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Peripheral neuropathy recorded",
    confidence: "weak",
    source: `${SOURCE_DM} (the peripheral, sensory and distal polyneuropathies due to diabetes of dn.peripheral.more.snomed)`,
    codes: DN_PERIPHERAL,
  },
  {
    id: "dn.more.snomed",
    causes: ["diabetic-neuropathy"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Nerve damage from diabetes recorded",
    confidence: "weak",
    source: `${SOURCE_DM} (193141005 mononeuritis multiplex, 193183000 acute painful, 193184006 chronic painful, 193185007 asymptomatic neuropathy, 230577008 mononeuropathy, 230578003 truncal and 230579006 thoracic radiculopathy, 359611005 neuropathy with neurologic complication, 361216007 femoral mononeuropathy, 422088007 disorder of nervous system, each "due to diabetes mellitus")`,
    codes: DN_OTHER,
  },
  {
    id: "ckd.diabetic.more.snomed",
    causes: ["chronic-kidney-disease"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Chronic kidney disease recorded",
    confidence: "weak",
    source: `${SOURCE_DM} (311366001 "Kimmelstiel-Wilson syndrome", 236499007 microalbuminuric and 236500003 proteinuric nephropathy, 309426007 glomerulopathy, 310387003 intracapillary glomerulosclerosis, each due to diabetes: diabetic kidney disease, counted as chronic kidney disease as 127013003 and ICD-10-CM E1x.21 are)`,
    codes: DKD,
  },
  {
    id: "hypoglycemia.diabetic.more.snomed",
    causes: ["hypoglycemia"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Low blood sugar recorded",
    confidence: "weak",
    source: `${SOURCE_DM} (237632004 hypoglycemic event, 237633009 hypoglycemia, 237635002 nocturnal hypoglycemia, 421725003 hypoglycemic coma, each due to diabetes)`,
    codes: HYPO,
  },
  {
    id: "t2dm.unstated.more.snomed",
    causes: ["type-2-diabetes"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Diabetes recorded, type not stated",
    note: DIABETES_TYPE_NOT_RECORDED_NOTE,
    unstated: true,
    confidence: "weak",
    source: `${SOURCE_DM} (111552007 "Diabetes mellitus without complication", 170745003 "Diabetic on diet only", 170747006 "Diabetic on insulin", 170763003 "Diabetic - good control", 268519009 "Diabetic - poor control"; and every code above, which names diabetes of unstated type)`,
    codes: [DM_PLAIN, DN_PERIPHERAL, DN_OTHER, DKD, HYPO].join(" "),
  },
  {
    id: "hyperthyroid.graves.snomed",
    causes: ["hyperthyroidism"],
    appliesTo: ["Condition"],
    system: "snomed",
    match: "exact",
    reason: "Overactive thyroid recorded",
    confidence: "weak",
    source:
      "353295004 \"Graves' disease (disorder)\" (\"Toxic diffuse goiter\"): an exact-string search of public repositories (2026-12-08) found it as Graves' disease in 7 independent files (code tables, two mapping it to ICD-10-CM E05.00 \"Thyrotoxicosis with diffuse goiter\", an OMOP concept set) and once mislabelled; not checked against a SNOMED CT release [IDX, weak]",
    codes: "353295004",
  },
];
