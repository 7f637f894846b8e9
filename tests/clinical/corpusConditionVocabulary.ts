/**
 * Clinical corpus, vocabulary of real charts for conditions and procedures, round three (issue 20): the
 * eponyms, the shorthand of a US problem list and the core codes a probe of the engine found missed or
 * misread, with the look-alikes each must not take in. Every row that expects a finding failed before this
 * round; the rows that expect nothing pin the look-alikes and the negation, family-history, screening and
 * history rules on the new names. Part of CORPUS (corpus.ts); same clock (CORPUS_NOW, 2026-11-26).
 */
import type { CauseId, Strength } from "../../src/engine/types";
import type { CorpusCase, ExpectedFinding } from "./corpus";
import { code, cond, proc, textCond } from "./records";

const KNOWN = "known-cause" as const;
const RISK = "raises-risk" as const;
const SOMETIMES = "sometimes-linked" as const;

const DIABETES_UNSTATED = "Diabetes, type not recorded";

const cur = (cause: CauseId, strength: Strength, label?: string): ExpectedFinding => ({ cause, current: true, strength, ...(label ? { label } : {}) });
const past = (cause: CauseId, strength: Strength): ExpectedFinding => ({ cause, current: false, strength });

const T2 = cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes");
const DM_UNSTATED = cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED);
const DN = cur("diabetic-neuropathy", KNOWN);
const PN = cur("peripheral-neuropathy", SOMETIMES);
const PAD = [cur("peripheral-artery-disease", KNOWN)];
const RECENT = { onset: "2026-10-20" };

export const CONDITION_VOCABULARY_CORPUS: CorpusCase[] = [
  // ---------------------------------------------------------------- eponyms
  { id: "v3-parkinson-bare", class: "eponyms-shorthand", records: [textCond("Parkinson")], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "The eponym alone, without \"'s\" or \"disease\", names Parkinson's disease on a problem list." },
  { id: "v3-addison-bare", class: "eponyms-shorthand", records: [textCond("Addison, on hydrocortisone and fludrocortisone")], expect: [cur("adrenal-insufficiency", SOMETIMES)], reason: "Addison alone names Addison's disease." },
  { id: "v3-guillain-barre-accent", class: "eponyms-shorthand", records: [textCond("Guillain-Barré")], expect: [PN], reason: "The accented eponym alone: the final \"é\" is not a word character, and the name must still be read." },
  { id: "v3-cmt1a", class: "eponyms-shorthand", records: [textCond("CMT1A")], expect: [PN], reason: "Charcot-Marie-Tooth type 1A, a hereditary peripheral neuropathy, by its usual shorthand." },
  { id: "v3-cmt-alone", class: "eponyms-shorthand", records: [textCond("CMT")], expect: [], reason: "CMT alone is also chiropractic manipulative treatment: only its numbered types are read." },
  { id: "v3-hashitoxicosis", class: "eponyms-shorthand", records: [textCond("Hashitoxicosis")], expect: [cur("hyperthyroidism", SOMETIMES)], reason: "The overactive phase of Hashimoto's thyroiditis is an overactive thyroid (Hashimoto's alone stays nothing)." },
  { id: "v3-kimmelstiel-wilson", class: "eponyms-shorthand", records: [textCond("Kimmelstiel-Wilson disease")], expect: [cur("chronic-kidney-disease", SOMETIMES), DM_UNSTATED], reason: "Diabetic glomerulosclerosis: chronic kidney disease, and diabetes of unstated type (as \"diabetic nephropathy\" is read)." },

  // ---------------------------------------------------------------- diabetes shorthand
  { id: "v3-dm-bare", class: "eponyms-shorthand", records: [textCond("DM")], expect: [DM_UNSTATED], reason: "DM alone is diabetes mellitus on a US problem list; its type is not recorded." },
  { id: "v3-dm-metformin", class: "eponyms-shorthand", records: [textCond("DM, on metformin")], expect: [DM_UNSTATED], reason: "The medicine does not state the type: diabetes, type not recorded." },
  { id: "v3-dm-dermatomyositis", class: "eponyms-shorthand", records: [textCond("DM (dermatomyositis)")], expect: [], reason: "Here DM is dermatomyositis, as the record says." },
  { id: "v3-dm-amyopathic", class: "eponyms-shorthand", records: [textCond("Amyopathic DM")], expect: [], reason: "Amyopathic dermatomyositis." },
  { id: "v3-dm-fh", class: "eponyms-shorthand", records: [textCond("FH of DM")], expect: [], reason: "Family history, as any name." },
  { id: "v3-dm-no", class: "eponyms-shorthand", records: [textCond("No DM")], expect: [], reason: "Negated, as any name." },
  { id: "v3-dm-pre", class: "eponyms-shorthand", records: [textCond("Pre-DM")], expect: [], reason: "Prediabetes is not diabetes." },
  { id: "v3-pmh-dm-htn", class: "history-chronic", records: [textCond("PMH: DM, HTN")], expect: [DM_UNSTATED, cur("hypertension", SOMETIMES)], reason: "Diabetes and hypertension do not end: a past medical history lists conditions the patient still has." },
  { id: "v3-dm2-w-neuropathy", class: "eponyms-shorthand", records: [textCond("DM2 w neuropathy")], expect: [T2, DN], reason: "\"w\" is \"with\" on a problem list: nerve damage from diabetes." },
  { id: "v3-dm2-with-pn", class: "eponyms-shorthand", records: [textCond("DM2 with PN")], expect: [T2, DN, PN], reason: "PN after diabetes is its peripheral neuropathy: all three." },
  { id: "v3-dm-w-pn", class: "eponyms-shorthand", records: [textCond("DM w/ PN")], expect: [DM_UNSTATED, DN, PN], reason: "The same with diabetes of unstated type." },
  { id: "v3-diabetic-autonomic", class: "eponyms-shorthand", records: [textCond("Diabetic autonomic neuropathy")], expect: [DN, DM_UNSTATED], reason: "Nerve damage from diabetes of any kind is the known cause (as E11.43 is read); peripheral is not stated." },
  { id: "v3-diabetic-peripheral-dm", class: "eponyms-shorthand", records: [textCond("Diabetic peripheral neuropathy")], expect: [DN, PN, DM_UNSTATED], reason: "A diabetic complication names diabetes too, as \"diabetic polyneuropathy\" and \"diabetic neuropathy\" are read." },
  { id: "v3-diabetic-neuropathy-type-2", class: "eponyms-shorthand", records: [textCond("Diabetic neuropathy, type 2")], expect: [DN, T2], reason: "The type written after the complication is read." },

  // ---------------------------------------------------------------- kidney
  { id: "v3-stage-5-ckd", class: "eponyms-shorthand", records: [textCond("Stage 5 CKD")], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "The stage written first: stage 5 is kidney failure, a known cause." },
  { id: "v3-stage-v-ckd", class: "eponyms-shorthand", records: [textCond("Stage V chronic kidney disease")], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Roman numeral, written first." },
  { id: "v3-stage-4-ckd", class: "eponyms-shorthand", records: [textCond("Stage 4 CKD")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Stage 4 is not failure." },
  { id: "v3-on-hd-capital", class: "eponyms-shorthand", records: [textCond("On HD")], expect: [cur("dialysis", KNOWN)], reason: "On hemodialysis, with the capital a problem list gives it." },
  { id: "v3-hd-alone", class: "eponyms-shorthand", records: [textCond("HD")], expect: [], reason: "HD alone is also Huntington's disease: not read." },
  { id: "v3-contrast-nephropathy", class: "eponyms-shorthand", records: [textCond("Contrast nephropathy", RECENT)], expect: [cur("acute-kidney-failure", KNOWN)], reason: "Contrast nephropathy is acute kidney injury after contrast." },
  { id: "v3-history-contrast-nephropathy", class: "history-chronic", records: [textCond("History of contrast nephropathy")], expect: [past("acute-kidney-failure", KNOWN)], reason: "Acute kidney failure ends: history of it is past." },
  { id: "v3-hypertensive-ckd", class: "eponyms-shorthand", records: [textCond("Hypertensive CKD")], expect: [cur("hypertension", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "Kidney disease from high blood pressure: both (as ICD-10-CM I12)." },
  { id: "v3-htn-nephropathy", class: "eponyms-shorthand", records: [textCond("HTN nephropathy")], expect: [cur("hypertension", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "The same, shortened." },

  // ---------------------------------------------------------------- problems with blood flow to the legs
  { id: "v3-sp-fem-pop", class: "history-chronic", records: [textCond("s/p fem-pop")], expect: PAD, reason: "A femoral-popliteal bypass treats PAD; the disease remains." },
  { id: "v3-sp-fem-pop-space", class: "history-chronic", records: [textCond("s/p fem pop bypass R leg")], expect: PAD, reason: "Written with a space." },
  { id: "v3-sfa-occlusion", class: "eponyms-shorthand", records: [textCond("SFA occlusion")], expect: PAD, reason: "Occlusion of the superficial femoral artery is PAD." },
  { id: "v3-sp-sfa-stent", class: "history-chronic", records: [textCond("s/p SFA stent")], expect: PAD, reason: "A stent in the superficial femoral artery treats PAD." },
  { id: "v3-aspvd", class: "eponyms-shorthand", records: [textCond("ASPVD")], expect: PAD, reason: "Atherosclerotic peripheral vascular disease." },
  { id: "v3-cli", class: "eponyms-shorthand", records: [textCond("CLI")], expect: PAD, reason: "Critical limb ischemia." },
  { id: "v3-athero-both-legs", class: "eponyms-shorthand", records: [textCond("Atherosclerosis of native arteries of both legs")], expect: PAD, reason: "The ICD-10-CM wording, with \"both\"." },
  { id: "v3-fat-pad", class: "eponyms-shorthand", records: [textCond("Fat pad syndrome, left heel")], expect: [], reason: "A heel pad is not PAD." },
  { id: "v3-fh-fem-pop", class: "eponyms-shorthand", records: [textCond("Father s/p fem-pop bypass")], expect: [], reason: "About the patient's father." },

  // ---------------------------------------------------------------- high blood pressure of pregnancy
  { id: "v3-preeclampsia", class: "pregnancy", records: [textCond("Preeclampsia", RECENT)], expect: [cur("hypertension", SOMETIMES), cur("pregnancy", RISK)], reason: "Pre-eclampsia is high blood pressure of a current pregnancy, as ICD-10-CM O14 is read." },
  { id: "v3-gestational-htn", class: "pregnancy", records: [textCond("Gestational HTN", RECENT)], expect: [cur("hypertension", SOMETIMES), cur("pregnancy", RISK)], reason: "Gestational hypertension, abbreviated, as O13 is read: high blood pressure while the pregnancy lasts." },
  { id: "v3-pregnancy-induced-htn", class: "pregnancy", records: [textCond("Pregnancy-induced hypertension", RECENT)], expect: [cur("hypertension", SOMETIMES), cur("pregnancy", RISK)], reason: "Pregnancy-induced hypertension, as O13 is read." },
  { id: "v3-pih-skin", class: "eponyms-shorthand", records: [textCond("PIH (post-inflammatory hyperpigmentation)")], expect: [], reason: "PIH on a problem list is as often a skin finding: not read." },
  { id: "v3-scd-cardiac", class: "eponyms-shorthand", records: [textCond("Aborted SCD, s/p ICD")], expect: [], reason: "SCD is also sudden cardiac death: not read as sickle cell disease." },
  { id: "v3-history-preeclampsia", class: "history-chronic", records: [textCond("History of preeclampsia")], expect: [], reason: "Pre-eclampsia ends with the pregnancy: not hypertension, not a current pregnancy." },
  // High blood pressure of pregnancy ends with it: current only while the record dates a current pregnancy.
  { id: "v3-preeclampsia-years-ago", class: "pregnancy", records: [textCond("Preeclampsia", { onset: "2018-03-01" })], expect: [past("hypertension", SOMETIMES), past("pregnancy", RISK)], reason: "Pre-eclampsia left active on the list since 2018 is neither today's pregnancy nor today's high blood pressure: both stale, to confirm." },
  { id: "v3-o14-years-ago", class: "pregnancy", records: [cond(code("icd10", "O14.90", "Unspecified pre-eclampsia, unspecified trimester"), { onset: "2018-03-01" })], expect: [past("hypertension", SOMETIMES), past("pregnancy", RISK)], reason: "The code O14 reads as the text does: an old pre-eclampsia still marked active is not current hypertension." },
  { id: "v3-o13-code-only-years-ago", class: "pregnancy", records: [cond(code("icd10", "O13.9"), { onset: "2019-07-15" })], expect: [past("hypertension", SOMETIMES), past("pregnancy", RISK)], reason: "Gestational hypertension, code only, from 2019: it ended with that pregnancy." },
  { id: "v3-sct-preeclampsia-recent", class: "pregnancy", records: [cond(code("snomed", "398254007"), RECENT)], expect: [cur("hypertension", SOMETIMES), cur("pregnancy", RISK)], reason: "Pre-eclampsia recorded a month ago: a current pregnancy, and its high blood pressure is current with it." },
  { id: "v3-o10-pre-existing-old", class: "pregnancy", records: [cond(code("icd10", "O10.919", "Unspecified pre-existing hypertension complicating pregnancy, unspecified trimester"), { onset: "2018-03-01" })], expect: [cur("hypertension", SOMETIMES), past("pregnancy", RISK)], reason: "High blood pressure that was there before the pregnancy does not end with it: still current hypertension, while the pregnancy is long over." },
  { id: "v3-postpartum-preeclampsia", class: "pregnancy", records: [textCond("Postpartum preeclampsia", RECENT)], expect: [], reason: "After the birth: no current pregnancy, and hypertension of pregnancy is not the chronic condition." },

  // ---------------------------------------------------------------- dehydration, cirrhosis, spinal stenosis
  { id: "v3-volume-depleted", class: "eponyms-shorthand", records: [textCond("Volume depleted")], expect: [cur("dehydration", SOMETIMES)], reason: "Volume depletion, as an adjective." },
  { id: "v3-hypovolemic", class: "eponyms-shorthand", records: [textCond("Hypovolemic")], expect: [cur("dehydration", SOMETIMES)], reason: "Hypovolemia, as an adjective." },
  { id: "v3-fluid-volume-deficit", class: "eponyms-shorthand", records: [textCond("Fluid volume deficit")], expect: [cur("dehydration", SOMETIMES)], reason: "The nursing diagnosis for volume depletion." },
  { id: "v3-esld", class: "eponyms-shorthand", records: [textCond("ESLD")], expect: [cur("cirrhosis", SOMETIMES)], reason: "End-stage liver disease is, on a problem list, decompensated cirrhosis." },
  { id: "v3-end-stage-liver", class: "eponyms-shorthand", records: [textCond("End-stage liver disease due to NASH")], expect: [cur("cirrhosis", SOMETIMES)], reason: "Written out." },
  { id: "v3-fh-esld", class: "eponyms-shorthand", records: [textCond("FH: ESLD")], expect: [], reason: "Family history." },
  { id: "v3-cirrhosis-sp-olt", class: "history-chronic", records: [cond(code("icd10", "K74.60", "Unspecified cirrhosis of liver"), { text: "Cirrhosis s/p OLT 2019" })], expect: [past("cirrhosis", SOMETIMES)], reason: "A liver transplant removed the cirrhotic liver: the record's words make this cirrhosis past (as a kidney transplant ends kidney failure)." },
  { id: "v3-esld-sp-liver-transplant", class: "history-chronic", records: [textCond("ESLD s/p liver transplant")], expect: [past("cirrhosis", SOMETIMES)], reason: "End-stage liver disease treated by a transplant: past." },
  { id: "v3-cirrhosis-recurrent-graft", class: "history-chronic", records: [textCond("Recurrent HCV cirrhosis s/p liver transplant")], expect: [cur("cirrhosis", SOMETIMES)], reason: "Cirrhosis that came back in the new liver is current." },
  { id: "v3-cirrhosis-transplant-candidate", class: "history-chronic", records: [textCond("Cirrhosis, listed for liver transplant")], expect: [cur("cirrhosis", SOMETIMES)], reason: "A transplant only planned does not end it." },
  { id: "v3-cirrhosis-sp-lt-knee", class: "history-chronic", records: [textCond("Cirrhosis; s/p LT knee arthroscopy")], expect: [cur("cirrhosis", SOMETIMES)], reason: "\"LT\" is also left: not read as a liver transplant." },
  { id: "v3-lss", class: "eponyms-shorthand", records: [textCond("LSS")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Lumbar spinal stenosis, shortened." },
  { id: "v3-stenosis-l3-l4", class: "eponyms-shorthand", records: [textCond("Stenosis L3-L4")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "The level written after \"stenosis\"." },
  { id: "v3-sp-laminectomy-stenosis", class: "history-chronic", records: [textCond("s/p lumbar laminectomy for stenosis")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Surgery for spinal stenosis: a chronic condition, still that condition." },

  // ---------------------------------------------------------------- pregnancy shorthand
  { id: "v3-g2p1-20-wks", class: "pregnancy", records: [textCond("G2P1 at 20 wks", RECENT)], expect: [cur("pregnancy", RISK)], reason: "Gravida 2 para 1 at 20 weeks: a current pregnancy." },
  { id: "v3-g1p0-32w", class: "pregnancy", records: [textCond("G1P0 @ 32w", RECENT)], expect: [cur("pregnancy", RISK)], reason: "Written with \"@\" and \"w\"." },
  { id: "v3-g3p2-alone", class: "pregnancy", records: [textCond("G3P2")], expect: [], reason: "Gravida and para alone are the obstetric history, not a current pregnancy." },

  // ---------------------------------------------------------------- anemia named without the word
  { id: "v3-sickle-cell-disease", class: "eponyms-shorthand", records: [textCond("Sickle cell disease")], expect: [cur("anemia", SOMETIMES)], reason: "A hemolytic anemia (ICD-10-CM D57), named without the word." },
  { id: "v3-thalassemia-major", class: "eponyms-shorthand", records: [textCond("Beta thalassemia major")], expect: [cur("anemia", SOMETIMES)], reason: "Thalassemia major is a severe anemia (D56)." },
  { id: "v3-sickle-trait", class: "eponyms-shorthand", records: [textCond("Sickle cell trait")], expect: [], reason: "A carrier state, not anemia." },

  // ---------------------------------------------------------------- core codes sent without a display
  { id: "v3-snomed-424736006", class: "core-codes", records: [cond(code("snomed", "424736006"))], expect: [DN, PN, DM_UNSTATED], reason: "Peripheral neuropathy due to diabetes mellitus, by code alone." },
  { id: "v3-snomed-111552007", class: "core-codes", records: [cond(code("snomed", "111552007"))], expect: [DM_UNSTATED], reason: "Diabetes mellitus without complication, by code alone." },
  { id: "v3-snomed-193184006", class: "core-codes", records: [cond(code("snomed", "193184006"))], expect: [DN, DM_UNSTATED], reason: "Chronic painful diabetic neuropathy: nerve damage from diabetes." },
  { id: "v3-snomed-311366001", class: "core-codes", records: [cond(code("snomed", "311366001"))], expect: [cur("chronic-kidney-disease", SOMETIMES), DM_UNSTATED], reason: "Kimmelstiel-Wilson syndrome, by code alone." },
  { id: "v3-snomed-237633009", class: "core-codes", records: [cond(code("snomed", "237633009"), RECENT)], expect: [cur("hypoglycemia", SOMETIMES), DM_UNSTATED], reason: "Hypoglycemia due to diabetes mellitus." },
  { id: "v3-snomed-353295004", class: "core-codes", records: [cond(code("snomed", "353295004"))], expect: [cur("hyperthyroidism", SOMETIMES)], reason: "Graves' disease, by code alone." },
  { id: "v3-cpt-90999", class: "core-codes", records: [proc(code("cpt", "90999"), "completed", { performed: "2026-11-20" })], expect: [cur("dialysis", KNOWN)], reason: "An unlisted dialysis procedure last week: on dialysis." },
  { id: "v3-cpt-99512", class: "core-codes", records: [proc(code("cpt", "99512"), "completed", { performed: "2026-11-20" })], expect: [cur("dialysis", KNOWN)], reason: "A home visit for hemodialysis last week: on dialysis." },
  // ---------------------------------------------------------------- second probe: more of the same classes
  { id: "v3-parkinsonism-idiopathic", class: "eponyms-shorthand", records: [textCond("Parkinsonism, idiopathic")], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "Idiopathic parkinsonism, the qualifier written after." },
  { id: "v3-addisonian-anemia", class: "eponyms-shorthand", records: [textCond("Addisonian anemia")], expect: [cur("anemia", SOMETIMES)], reason: "Addisonian anemia is pernicious anemia, not adrenal insufficiency." },
  { id: "v3-cmt-en-dash", class: "eponyms-shorthand", records: [textCond("Charcot–Marie–Tooth")], expect: [PN], reason: "The eponym written with en dashes, as word processors set it." },
  { id: "v3-t2dm-cb-pn", class: "eponyms-shorthand", records: [textCond("T2DM c/b peripheral neuropathy")], expect: [T2, DN, PN], reason: "\"c/b\" (complicated by): diabetes with its peripheral neuropathy." },
  { id: "v3-pn-due-to-dm", class: "eponyms-shorthand", records: [textCond("PN due to DM")], expect: [DM_UNSTATED, DN, PN], reason: "Peripheral neuropathy due to diabetes, both shortened." },
  { id: "v3-eskd-home-hd", class: "eponyms-shorthand", records: [textCond("ESKD on home HD")], expect: [cur("chronic-kidney-disease", KNOWN), cur("dialysis", KNOWN)], reason: "Home hemodialysis is dialysis." },
  { id: "v3-sp-aortobifemoral", class: "history-chronic", records: [textCond("s/p aortobifemoral bypass")], expect: PAD, reason: "Surgery for aortoiliac occlusive disease: PAD remains." },
  { id: "v3-sp-iliac-stent", class: "history-chronic", records: [textCond("s/p iliac stent")], expect: PAD, reason: "An iliac artery stent treats PAD." },
  { id: "v3-sp-peripheral-angioplasty", class: "history-chronic", records: [textCond("s/p peripheral angioplasty")], expect: PAD, reason: "Peripheral angioplasty treats PAD." },
  { id: "v3-g1-at-30-wks", class: "pregnancy", records: [textCond("G1 at 30 wks", RECENT)], expect: [cur("pregnancy", RISK)], reason: "A first pregnancy at 30 weeks, without the para." },
  { id: "v3-aud-dsm5-remission", class: "eponyms-shorthand", records: [textCond("Alcohol use disorder, severe, in sustained remission")], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "DSM-5 writes the severity before the remission specifier: in remission, not current." },
  { id: "v3-aud-dsm5-moderate", class: "eponyms-shorthand", records: [textCond("Alcohol use disorder, moderate")], expect: [cur("alcohol-use-disorder", SOMETIMES)], reason: "The severity alone: current." },
  { id: "v3-lack-regular-exercise", class: "eponyms-shorthand", records: [textCond("Lack of regular exercise")], expect: [cur("physical-inactivity", SOMETIMES)], reason: "Lack of exercise, qualified." },
  { id: "v3-dm-due-to-pancreatitis", class: "eponyms-shorthand", records: [textCond("Diabetes due to chronic pancreatitis")], expect: [], reason: "Diabetes due to another condition (E08) counts for neither type." },
  { id: "v3-dm-secondary-steroids", class: "eponyms-shorthand", records: [textCond("DM secondary to steroids")], expect: [], reason: "Drug-induced diabetes (E09) counts for neither type." },
  { id: "v3-type-3c-diabetes", class: "eponyms-shorthand", records: [textCond("Type 3c diabetes")], expect: [], reason: "Pancreatogenic diabetes is diabetes due to another condition." },
  { id: "v3-home-hd", class: "eponyms-shorthand", records: [textCond("Home HD 5x/week")], expect: [cur("dialysis", KNOWN)], reason: "Home hemodialysis, capitalised." },
  { id: "v3-home-hd-training", class: "eponyms-shorthand", records: [textCond("Home HD training")], expect: [], reason: "Training for dialysis is preparation, not treatment." },
  { id: "v3-hhd-hypertensive", class: "eponyms-shorthand", records: [textCond("HHD (hypertensive heart disease)")], expect: [cur("hypertension", SOMETIMES)], reason: "HHD on a US problem list is hypertensive heart disease, not home hemodialysis." },
  { id: "v3-cmt-type-2a", class: "eponyms-shorthand", records: [textCond("CMT type 2A")], expect: [PN], reason: "Charcot-Marie-Tooth type 2A, written with \"type\"." },
  { id: "v3-hypovolemic-shock", class: "eponyms-shorthand", records: [textCond("Hypovolemic shock")], expect: [], reason: "Hypovolemic shock (R57.1, often from bleeding) is excluded from volume depletion (E86)." },
  { id: "v3-dm2-without-neuropathy", class: "eponyms-shorthand", records: [textCond("DM2 w/o neuropathy")], expect: [T2], reason: "\"w/o\" is without: the neuropathy is not read as \"w\" (with)." },
  // ---------------------------------------------------------------- review of the 1.5.0 vocabulary: look-alikes
  { id: "v3-subglottic-stenosis-c6", class: "eponyms-shorthand", records: [textCond("Subglottic stenosis at C6")], expect: [], reason: "A narrowing of the airway at a vertebral level is not spinal stenosis." },
  { id: "v3-lss-saphenous", class: "eponyms-shorthand", records: [textCond("LSS (long saphenous stripping)")], expect: [], reason: "LSS is also long saphenous vein stripping, as the record says." },
  { id: "v3-fem-pop-dvt", class: "eponyms-shorthand", records: [textCond("Fem-pop DVT")], expect: [], reason: "A clot in the femoral and popliteal veins is not PAD." },
  { id: "v3-preeclampsia-prevention", class: "pregnancy", records: [textCond("Aspirin for preeclampsia prevention", RECENT)], expect: [], reason: "Preventing pre-eclampsia is not having it (nor is it a record of the pregnancy)." },
  { id: "v3-preeclampsia-labs", class: "pregnancy", records: [textCond("Preeclampsia labs", RECENT)], expect: [], reason: "Tests for pre-eclampsia are not the disorder." },
  { id: "v3-sickle-cell-carrier", class: "eponyms-shorthand", records: [textCond("Sickle cell disease carrier")], expect: [], reason: "A carrier has the trait, not the disease." },
  { id: "v3-lack-exercise-tolerance", class: "eponyms-shorthand", records: [textCond("Lack of exercise tolerance")], expect: [], reason: "Exercise intolerance is a symptom (of the heart or lungs), not lack of physical activity." },
  { id: "v3-addisonian-pigmentation", class: "eponyms-shorthand", records: [textCond("Addisonian pigmentation")], expect: [], reason: "A pattern of skin darkening, seen in other conditions too: not a diagnosis of adrenal insufficiency." },
  { id: "v3-dm-risk", class: "eponyms-shorthand", records: [textCond("DM risk")], expect: [], reason: "The risk of diabetes is not diabetes." },
  { id: "v3-dm-prevention-program", class: "eponyms-shorthand", records: [textCond("Diabetes prevention program")], expect: [], reason: "A programme to prevent diabetes is for people who do not have it." },
  { id: "v3-g1p0-sab", class: "pregnancy", records: [textCond("G1P0 at 8 wks, SAB", RECENT)], expect: [], reason: "A spontaneous abortion ended the pregnancy." },
  { id: "v3-g2p1-hx-sab", class: "pregnancy", records: [textCond("G2P1 at 20 wks, h/o SAB", RECENT)], expect: [cur("pregnancy", RISK)], reason: "A past miscarriage does not end the pregnancy now." },
  { id: "v3-pvod", class: "eponyms-shorthand", records: [textCond("PVOD")], expect: [], reason: "PVOD is pulmonary veno-occlusive disease, a cause of pulmonary hypertension: not PAD." },
  { id: "v3-lss-xray", class: "eponyms-shorthand", records: [textCond("LSS X-ray")], expect: [], reason: "LSS on an imaging order is the lumbosacral spine." },
  { id: "v3-on-pd-meds", class: "eponyms-shorthand", records: [textCond("On PD meds")], expect: [], reason: "PD is also Parkinson's disease: medicines for it are not peritoneal dialysis." },
  { id: "v3-parkinson-like", class: "eponyms-shorthand", records: [textCond("Parkinson-like tremor")], expect: [], reason: "A tremor like Parkinson's is not Parkinson's disease." },
  { id: "v3-contrast-nephropathy-prophylaxis", class: "eponyms-shorthand", records: [textCond("Contrast nephropathy prophylaxis", RECENT)], expect: [], reason: "Preventing kidney injury from contrast is not having it." },
  { id: "v3-evar-stent-graft", class: "eponyms-shorthand", records: [textCond("Iliac stent graft (EVAR)")], expect: [], reason: "An endovascular aneurysm repair, not PAD." },
  { id: "v3-iliac-stent-may-thurner", class: "eponyms-shorthand", records: [textCond("Left iliac stent for May-Thurner")], expect: [], reason: "A vein stent for May-Thurner syndrome, not an artery." },
  { id: "v3-pad-and-aaa", class: "eponyms-shorthand", records: [textCond("PAD and AAA")], expect: PAD, reason: "An aneurysm beside PAD does not veto PAD." },
  { id: "v3-g1p0-tab", class: "pregnancy", records: [textCond("G1P0 at 18 wks - TAB", RECENT)], expect: [], reason: "A termination ended the pregnancy." },

  // ---------------------------------------------------------------- found by the whole-chart review (corpusCharts.ts)
  { id: "v3-myxedema-us", class: "eponyms-shorthand", records: [textCond("Myxedema")], expect: [cur("hypothyroidism", SOMETIMES)], reason: "Myxedema (US spelling; ICD-10-CM E03.9 \"Myxedema NOS\") is an underactive thyroid." },
  { id: "v3-myxedema-coma", class: "eponyms-shorthand", records: [textCond("Myxedema coma", { category: "encounter-diagnosis", ...RECENT })], expect: [cur("hypothyroidism", SOMETIMES)], reason: "Myxedema coma (E03.5) is severe hypothyroidism." },
  { id: "v3-pretibial-myxoedema", class: "eponyms-shorthand", records: [textCond("Pretibial myxoedema")], expect: [], reason: "Pretibial myxoedema is Graves' dermopathy, a skin sign, not an underactive thyroid." },
  { id: "v3-post-transplant-dm", class: "eponyms-shorthand", records: [textCond("Post-transplant diabetes mellitus")], expect: [], reason: "Diabetes after organ transplantation is a specific type due to another cause (ADA: drug-induced), neither type 1 nor type 2." },
  { id: "v3-dm-after-transplant", class: "eponyms-shorthand", records: [textCond("Diabetes mellitus after kidney transplant")], expect: [], reason: "The same, in words." },
  { id: "v3-monogenic-dm", class: "eponyms-shorthand", records: [textCond("Monogenic diabetes")], expect: [], reason: "Monogenic diabetes (MODY, neonatal diabetes) is neither type 1 nor type 2." },
  { id: "v3-neonatal-dm", class: "eponyms-shorthand", records: [textCond("Neonatal diabetes")], expect: [], reason: "Neonatal diabetes is monogenic." },
  { id: "v3-dm-sp-transplant", class: "eponyms-shorthand", records: [textCond("Diabetes mellitus, s/p kidney transplant")], expect: [DM_UNSTATED], reason: "A transplant beside diabetes does not make it post-transplant diabetes: the type is just not recorded." },
  { id: "v3-z331-miscarriage-text", class: "pregnancy", records: [cond(code("icd10", "Z33.1", "Pregnant state, incidental"), { text: "Pregnant - miscarriage 10/2026", onset: "2026-09-05" })], expect: [], reason: "The pregnancy code's own words say it ended in a miscarriage." },
  { id: "v3-snomed-pregnancy-postpartum-text", class: "pregnancy", records: [cond(code("snomed", "77386006", "Pregnancy"), { text: "Pregnancy, postpartum", onset: "2026-03-01" })], expect: [], reason: "The record's own words say the pregnancy is over: postpartum." },
  { id: "v3-snomed-postpartum-pih-not-pregnancy", class: "pregnancy", records: [cond(code("snomed", "77386006", "Pregnancy"), { text: "Pregnancy; postpartum hemorrhage risk discussed", onset: "2026-09-05" })], expect: [cur("pregnancy", RISK)], reason: "A plan about after the birth, written in a current pregnancy's record, does not end it." },
  { id: "v3-snomed-pregnancy-sab-text", class: "pregnancy", records: [cond(code("snomed", "77386006", "Pregnancy"), { text: "Pregnancy - SAB 10/2026", onset: "2026-09-05" })], expect: [], reason: "SAB (spontaneous abortion) in the record's own words ends it." },
  { id: "v3-pregnancy-terminated", class: "pregnancy", records: [textCond("Pregnancy - terminated", RECENT)], expect: [], reason: "A terminated pregnancy is not current." },
  { id: "v3-pregnancy-ho-sab", class: "pregnancy", records: [cond(code("icd10", "Z33.1", "Pregnant state, incidental"), { text: "Pregnancy, 12 weeks, h/o SAB x2", ...RECENT })], expect: [cur("pregnancy", RISK)], reason: "Past miscarriages do not end this pregnancy." },
  { id: "v3-threatened-abortion", class: "pregnancy", records: [cond(code("icd10", "O20.0", "Threatened abortion"), RECENT)], expect: [cur("pregnancy", RISK)], reason: "A threatened miscarriage is a pregnancy still going on." },
];
