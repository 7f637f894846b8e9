/**
 * One entry per documented cause (the 28 stable ids of knowledge-source.md): label, kind, strength,
 * a short description in the app's own words, and the citation. Order: as in knowledge-source.md.
 */
import { OLDER_AGE_THRESHOLD, SOURCE } from "./info";
import type { Cause, CauseId } from "./types";

const KIDNEY_FAILURE_NOTE =
  "Shown as a known cause because current records say kidney failure (stage 5, end-stage, on dialysis, or kidney failure of unstated kind): the source's known cause is kidney failure; chronic kidney disease short of failure is only sometimes linked.";

const KIDNEY_FAILURE_PAST_NOTE =
  "Kidney failure appears only in past records (resolved, or no longer current): shown as sometimes linked, the strength the source gives chronic kidney disease itself, not as a known cause today.";

export const CAUSES: readonly Cause[] = [
  {
    id: "acute-kidney-failure",
    label: "Acute kidney failure",
    kind: "condition",
    strength: "known-cause",
    description: "Sudden loss of kidney function (acute kidney injury). Kidney failure is named as a known cause of night leg cramps.",
    citation: SOURCE,
  },
  {
    id: "chronic-kidney-disease",
    label: "Chronic kidney disease",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Long-term kidney disease, any stage. Sometimes linked; when it has reached kidney failure it is a known cause.",
    citation: SOURCE,
    escalation: {
      to: "known-cause",
      note: KIDNEY_FAILURE_NOTE,
      pastNote: KIDNEY_FAILURE_PAST_NOTE,
      labNote:
        "Shown as a known cause because current lab results suggest kidney failure (eGFR below 15 mL/min/1.73 m², KDIGO category G5; see the results): the source's known cause is kidney failure. Not recorded as a diagnosis.",
    },
    unstated: {
      label: "Kidney failure (kind not recorded)",
      note: "The record says kidney failure without saying acute or chronic: shown under chronic kidney disease (the app's convention). Kidney failure is a known cause in the source.",
    },
  },
  {
    id: "diabetic-neuropathy",
    label: "Nerve damage from diabetes",
    kind: "condition",
    strength: "known-cause",
    description: "Nerve damage caused by diabetes (diabetic neuropathy), a known cause of night leg cramps.",
    citation: SOURCE,
  },
  {
    id: "peripheral-artery-disease",
    label: "Peripheral artery disease (blood flow to the legs)",
    kind: "condition",
    strength: "known-cause",
    description: "Narrowed arteries reducing blood flow to the legs. Problems with blood flow are a known cause.",
    citation: SOURCE,
    conventions: [
      "Heart failure, coronary disease and stroke are not counted here (knowledge-source.md, look-alikes); neurogenic claudication belongs to spinal stenosis.",
    ],
  },
  {
    id: "pregnancy",
    label: "Pregnancy",
    kind: "condition",
    strength: "raises-risk",
    description: "A current pregnancy raises the risk of night leg cramps.",
    citation: SOURCE,
    conventions: [
      "Current only when an active pregnancy record began within about 42 weeks; records of a pregnancy's end (miscarriage, ectopic, delivery, the puerperium) never count; a record of weeks of gestation or a trimester dates the start.",
    ],
  },
  {
    id: "older-age",
    label: "Older age",
    kind: "risk-factor",
    strength: "raises-risk",
    description: `The risk of night leg cramps grows with age. The app highlights age ${OLDER_AGE_THRESHOLD} and over (the app's convention: the source gives no cut-off).`,
    citation: SOURCE,
  },
  {
    id: "diuretics",
    label: "Diuretics (medicines that increase urine output)",
    kind: "medicine",
    strength: "possible",
    description: "Medicines that make the body pass more urine. Possibly linked; a direct link is not known.",
    citation: SOURCE,
    conventions: ["Eye drops (e.g. dorzolamide, brinzolamide) are not counted."],
  },
  {
    id: "adrenal-insufficiency",
    label: "Addison's disease (adrenal insufficiency)",
    kind: "condition",
    strength: "sometimes-linked",
    description: "The adrenal glands make too little of their hormones. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "alcohol-use-disorder",
    label: "Alcohol use disorder",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Harmful or dependent use of alcohol. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "anemia",
    label: "Anemia",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Too few healthy red blood cells. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "cirrhosis",
    label: "Cirrhosis of the liver",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Scarring of the liver. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "dehydration",
    label: "Dehydration",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Loss of body water or volume. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "dialysis",
    label: "Dialysis",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Treatment that filters the blood when the kidneys fail. Listed as sometimes linked; as a sign of kidney failure it is shown as a known cause.",
    citation: SOURCE,
    escalation: {
      to: "known-cause",
      note: "Shown as a known cause because current records say the patient is on dialysis, a treatment for kidney failure: the source's known cause is kidney failure (dialysis itself is listed as sometimes linked).",
      pastNote:
        "Dialysis appears only in past records (a session long ago, or a status no longer current): shown as sometimes linked, the strength the source gives dialysis itself.",
    },
  },
  {
    id: "hypertension",
    label: "High blood pressure",
    kind: "condition",
    strength: "sometimes-linked",
    description: "High blood pressure (hypertension). Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "hyperthyroidism",
    label: "Overactive thyroid",
    kind: "condition",
    strength: "sometimes-linked",
    description: "The thyroid makes too much hormone (hyperthyroidism). Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "hypoglycemia",
    label: "Low blood sugar (hypoglycemia)",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Blood sugar that drops too low. Sometimes linked. High blood sugar is not counted.",
    citation: SOURCE,
  },
  {
    id: "hypothyroidism",
    label: "Underactive thyroid",
    kind: "condition",
    strength: "sometimes-linked",
    description: "The thyroid makes too little hormone (hypothyroidism). Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "physical-inactivity",
    label: "Lack of physical activity",
    kind: "condition",
    strength: "sometimes-linked",
    description: "A sedentary lifestyle or lack of exercise recorded. Sometimes linked. Obesity alone is not counted.",
    citation: SOURCE,
  },
  {
    id: "muscle-fatigue",
    label: "Muscle fatigue",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Tired, overworked muscles. Sometimes linked. General tiredness is not counted.",
    citation: SOURCE,
  },
  {
    id: "parkinsons-disease",
    label: "Parkinson's disease",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Parkinson's disease. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "peripheral-neuropathy",
    label: "Peripheral neuropathy",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Damage to the nerves of the limbs, from any cause. Sometimes linked.",
    citation: SOURCE,
    conventions: [
      "A diabetic neuropathy counts here only when the record says peripheral or poly-neuropathy (the app's convention).",
    ],
  },
  {
    id: "spinal-stenosis",
    label: "Spinal stenosis",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Narrowing of the spinal canal. Sometimes linked. Other spinal cord problems are not counted.",
    citation: SOURCE,
  },
  {
    id: "type-1-diabetes",
    label: "Type 1 diabetes",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Type 1 diabetes. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "type-2-diabetes",
    label: "Type 2 diabetes",
    kind: "condition",
    strength: "sometimes-linked",
    description: "Type 2 diabetes. Sometimes linked. Prediabetes is not counted.",
    citation: SOURCE,
    conventions: [
      "Diabetes whose type the record does not state is shown here (the app's convention); diabetes due to another condition or a drug, and gestational diabetes, count for neither type.",
    ],
    unstated: {
      label: "Diabetes, type not recorded",
      note: "The record does not say which type of diabetes: shown under type 2 diabetes (the app's convention). The source lists type 1 and type 2 diabetes as sometimes linked.",
    },
  },
  {
    id: "blood-pressure-medicines",
    label: "Blood pressure medicines",
    kind: "medicine",
    strength: "sometimes-linked",
    description: "Medicines that treat high blood pressure. Sometimes linked.",
    citation: SOURCE,
    conventions: [
      "Thiazides count both as diuretics and blood pressure medicines; loop and potassium-sparing diuretics count as diuretics only. Eye drops, topical minoxidil and prostate-only alpha blockers (tamsulosin) are not counted; a beta blocker or minoxidil coded only by ingredient counts only when the record says it is taken by mouth.",
    ],
  },
  {
    id: "cholesterol-medicines",
    label: "Cholesterol medicines",
    kind: "medicine",
    strength: "sometimes-linked",
    description: "Medicines that lower cholesterol, such as statins. Sometimes linked.",
    citation: SOURCE,
  },
  {
    id: "birth-control-pills",
    label: "Birth control pills",
    kind: "medicine",
    strength: "sometimes-linked",
    description: "Hormonal contraceptives taken by mouth. Sometimes linked. Implants, IUDs, injections, rings and patches are not counted, nor is menopausal hormone therapy.",
    citation: SOURCE,
  },
  {
    id: "restless-legs-syndrome",
    label: "Restless legs syndrome",
    kind: "differential",
    strength: "differential",
    description: "A different condition: an urge to move the legs, usually painless and longer-lasting than a cramp; the source says it is sometimes confused with night leg cramps.",
    citation: SOURCE,
  },
];

const BY_ID = new Map<CauseId, Cause>(CAUSES.map((c) => [c.id, c]));

/** The cause entry for an id (every CauseId has one: checked by tests). */
export function causeById(id: CauseId): Cause {
  const cause = BY_ID.get(id);
  if (!cause) throw new Error(`Unknown cause id: ${id}`);
  return cause;
}
