/** What changed in the knowledge base, newest first (docs/knowledge.md prints it; the app shows only the version). */
import type { ChangelogEntry } from "./types";

export const CHANGELOG: ChangelogEntry[] = [
  {
    version: "1.5.0",
    date: "2026-12-08",
    changes: [
      // vocabulary of real charts, round three (issue 20): conditions and procedures
      "Eponyms and problem-list shorthand for conditions, round three (a probe of the engine with 1,243 records, each as a problem-list entry and an encounter diagnosis): Parkinson and Addison without \"'s\" or \"disease\"; Guillain-Barré with its final accent; CMT1A and the other numbered Charcot-Marie-Tooth types, HNPP, AIDP (CMT alone is not read); hashitoxicosis; Kimmelstiel-Wilson as diabetes too. \"DM\" alone is diabetes of unstated type (dermatomyositis, myositis, myotonic dystrophy and prediabetes stay out); \"DM2 w neuropathy\", \"DM2 with PN\", diabetic autonomic, painful, mono- and radiculo-neuropathies are nerve damage from diabetes; every \"diabetic … neuropathy\" names diabetes too, and a type written after it (\"Diabetic neuropathy, type 2\") is read.",
      "Kidney: \"Stage 5 CKD\" and \"Stage V chronic kidney disease\" (stage written first) are kidney failure; \"On HD\" and \"On PD\" capitalised; contrast nephropathy is acute kidney injury; hypertensive CKD and HTN nephropathy are both hypertension and chronic kidney disease. PAD: \"s/p fem-pop\" (with or without \"bypass\", hyphen or space), SFA stenosis, occlusion, stent and angioplasty, ASPVD, CLI, atherosclerosis of the arteries of both legs. Dehydration: hypovolemic, volume depleted, fluid volume deficit. Cirrhosis: ESLD and end-stage liver disease. Spinal stenosis: LSS, the level written after \"stenosis\", laminectomy or decompression for stenosis. Pregnancy: gravida and para with the weeks (\"G2P1 at 20 wks\"; G3P2 alone is history). Anemia: sickle cell disease, thalassemia major and intermedia, HbSS (not \"SCD\", also sudden cardiac death). A second probe: \"Parkinsonism, idiopathic\", Addisonian, en dashes in Charcot–Marie–Tooth and Guillain–Barré, \"c/b\" and \"complicated by\" after diabetes, \"PN due to DM\", home HD, aortobifemoral bypass, iliac, femoral and tibial stents and angioplasty, peripheral angioplasty, \"G1 at 30 wks\", \"lack of regular exercise\"; DSM-5's \"Alcohol use disorder, severe, in sustained remission\" is in remission (the severity belongs to the name, so the specifier is read as the clause after it). Diabetes due to or secondary to another condition or a drug, pancreatogenic and type 3c diabetes, written in words, count for neither type (as E08, E09, E13); \"Home HD\" is dialysis, training for it is not, and HHD (hypertensive heart disease on a US list) is not read as home hemodialysis.",
      "High blood pressure of pregnancy in words reads as its codes do (O13–O16): pre-eclampsia, eclampsia, HELLP, gestational or pregnancy-induced hypertension (or HTN; not \"PIH\", also a skin finding) are hypertension and a current pregnancy while it lasts; spoken of in the past, after the birth or as a risk they name neither (hypertension does not end, so \"history of pre-eclampsia\" would otherwise keep it current).",
      "Core codes that worked only with a display now work alone (diabetesComplicationCodes.ts, weak, each found with its meaning in public code lists): SNOMED CT 424736006, 127011001, 230573007 (peripheral, sensory and distal polyneuropathy due to diabetes: nerve damage from diabetes and peripheral neuropathy), 193141005, 193183000–193185007, 230577008–230579006, 359611005, 361216007, 422088007 (other nerve damage due to diabetes), 311366001, 236499007, 236500003, 309426007, 310387003 (kidney disease due to diabetes), 237632004, 237633009, 237635002, 421725003 (hypoglycemia due to diabetes), 111552007, 170745003, 170747006, 170763003, 268519009 (diabetes, type not stated), 353295004 (Graves' disease). CPT 90999 (unlisted dialysis procedure) and 99512 (home visit for hemodialysis) are dialysis.",
    ],
  },
  {
    version: "1.4.0",
    date: "2026-12-07",
    changes: [
      // vocabulary of real charts (issue 20: items 1, 2, 3, 7, 8, 10)
      "A look-alike blocks only the cause it names: a record whose code is a look-alike (a pregnancy-end code, say) is still read by its words for every other cause. Codes that name an anemia and another cause count for both: O90.81 anemia of the puerperium, SNOMED CT 1801000119106 (no longer a look-alike), 707323002, 191270002, 444271000, 691401000119104, 691411000119101, 691421000119108 (anemia in chronic kidney disease), 86325007 (anemia due to alcoholism).",
      "Combination products count for every documented class they hold, by code, ATC group and brand: ATC C02L, C07B–C07D, C08G, C09BA, C09BX01, C09DA, C09DX01, C09DX03, C09XA52, C09XA54 (and, weak, C09BX03, C09DX06, C09DX07, C10BX13) hold a diuretic; C03EA, C10BX03, C10BX04 (and, weak, the newer C10BX statin combinations) a blood pressure medicine; US, EU and UK brands (Prinzide, Accuretic, Uniretic, Dutoprol, Inderide, Corzide, Clorpres, CoAprovel, Coversyl Plus, Caduet as a cholesterol medicine, and more) and lower-case \"hctz\" and \"HCT\".",
      "Eponyms and problem-list shorthand, read with the same negation, family-history and screening rules: Parkinson's, Addison's, Graves', Buerger's, Leriche, Charcot-Marie-Tooth, Guillain-Barré, CIDP (typographic apostrophes too); DM2, T2D, DM II, DM1, T1D; CKD3a, CKD IV, CKD5D, ESRD on HD or PD; ATN, prerenal azotemia, hepatorenal syndrome; small fiber and other named peripheral neuropathies; HTN, HBP, high BP (pulmonary, portal, ocular and intracranial HTN are not); IDA; diabetic nephropathy and hypertensive nephrosclerosis as chronic kidney disease; foraminal and level-named spinal stenosis.",
      "Core codes that needed a display now work alone: SNOMED CT 840580004 (peripheral arterial disease), 34486009, 18347007, 302226006 (weak); ICD-10-CM I1A.0, E16.A1–E16.A3, D60, D61 (not pancytopenia or myelophthisis), D46 refractory anemias, E02. Every system now reads alike: K76.7 hepatorenal syndrome is acute kidney failure (as O90.41), O14 pre-eclampsia and HELLP and O15 eclampsia are hypertension (as their SNOMED CT codes), E1x.21 and ICD-9-CM 250.4x diabetic nephropathy are chronic kidney disease (as SNOMED CT 127013003).",
      "Small rule errors fixed: a strength in percent no longer rules out a medicine given by mouth, injection or infusion (mannitol 20 % intravenous); OCP, BCP and \"oral contraceptive\" need no other form word; Hashimoto's thyroiditis alone is not hypothyroidism; one record coded both as type 1 and type 2 diabetes is one diabetes (its text decides, else type not recorded); niacin below 250 mg or in a multivitamin is a vitamin, not a cholesterol medicine; acetazolamide coded only with ATC S01EC01 counts when the record says a tablet, capsule or injection.",
      "A standard code says what the record is: N88 (disorders of the cervix of the uterus, N88.2 cervical stenosis) is never spinal stenosis, and uterine or arterial words rule the spinal-stenosis name out.",
      // record semantics (issue 19 items 1 and 9, issue 20 items 4-6)
      "Record semantics (knowledge-source.md, 2026-12-07): a coded condition's own text is read whole for each cause its code matched, with the free-text rules (negation, family history, screening, suspicion), not only at its start: I10 written \"Hypertension - resolved\" is past, \"Not well controlled hypertension\" is hypertension, \"Hypertension in mother\" is nothing. A kidney transplant the text says was done (\"ESRD s/p kidney transplant\") ends the kidney failure or dialysis it records (endingTreatments.ts), not chronic kidney disease short of failure.",
      "\"History of\", h/o, PMH and s/p make a past finding only for conditions that end (dehydration, acute kidney failure, hypoglycemia, pregnancy, hyperthyroidism, alcohol use disorder, dialysis, medicines…); a chronic condition that does not end (diabetes, hypertension, chronic kidney disease, PAD, Parkinson's disease, cirrhosis, spinal stenosis, hypothyroidism, neuropathy: CHRONIC_CONDITIONS in conventions.ts) stays that condition, the record's own status deciding. \"Resolved\" and \"in remission\" make any cause past. The SNOMED CT code \"H/O: chronic kidney disease\" is chronic kidney disease; the \"resolved\" codes stay past.",
      "Acute states (dehydration, hypoglycemia, acute kidney failure) recorded as an encounter diagnosis are current for 90 days from their date whatever their status says; on the problem list they follow their status, to be confirmed after a year.",
      "A condition with no clinical status (Epic's encounter diagnoses) is current when recorded within 12 months (90 days for acute states), shown as \"from a visit on <date>, status not recorded\"; older or undated, its status is unknown and it is not current.",
      "Medicines the patient takes at home: an active MedicationRequest with reportedBoolean true or a reportedReference counts whatever its intent (MEDITECH's proposal, Oracle Health's plan), shown as \"reported\"; an unreported proposal stays not started.",
      // lab results as real laboratories send them (issue 19 item 3, issue 20 item 9, issue 23 item 4)
      "Lab results as real laboratories send them (lab-results.md, \"What real laboratories send\"): LOINC under its OID urn:oid:2.16.840.1.113883.6.1 (HL7 THO); a code under a LOINC system is LOINC only in LOINC's form with a check digit LOINC's Mod 10 rule accepts (LOINC Users' Guide, appendix C), so local codes labelled as LOINC are counted as \"not a LOINC code\", never read; unit spellings gm/dL, mU/L, µU/mL, uU/mL, %{HbA1c} and \"% of total Hgb\"; an HbA1c of 3 to 20 with no unit read as %, saying so; a number written as text (\"15.0 g/dL\", \"<15\" with the unit in the reference range) read as the same quantity; race-specific eGFR pairs from one draw (48643-1/48642-3, 88293-6/88294-4) read once, the non-race-specific or lower value used.",
      "Values a test cannot take are flagged and never interpreted: hemoglobin 3–25 g/dL and HbA1c 20–195 mmol/mol (3.98–19.99 %) from the Exeter Diabetes team's EHR biomarker limits; eGFR, glucose and TSH above zero. Sandbox patient Neva Hyatt's HbA1c of 3.03 % is no longer charted: it is said next to the diabetes finding.",
      "Lab results are not read by their names when their code is not LOINC (a name does not say the specimen, method or challenge); they are counted, and when none of the results returned could be interpreted the lab section is incomplete.",
    ],
  },
  {
    version: "1.3.0",
    date: "2026-11-30",
    changes: [
      "Lab results are evidence (docs/spec/lab-results.md, rules in labRules.ts with a citation each): eGFR (KDIGO 2024: CKD, and kidney failure at G5 as a known cause), hemoglobin (WHO 2024 cut-offs by age, sex and pregnancy: anemia), HbA1c (ADA 2025, two results: diabetes, joined to a coded type 1 or type 2 diabetes, else type not recorded), glucose (level 2 hypoglycemia), TSH (hypothyroidism above 10, hyperthyroidism below 0.1). A finding resting on results alone says so and is never called a diagnosis.",
      "Sources: look-alikes cite the knowledge-source.md rule they restate (not only where their codes were verified); the SNOMED CT pregnancy findings' weeks cite ACOG Committee Opinion 579 (term, postterm); docs/knowledge.md lists the leg-cramp codes with the source of each list.",
    ],
  },
  {
    version: "1.2.0",
    date: "2026-11-30",
    changes: [
      "Kidney failure of unstated kind (N19, ICD-9-CM 586, SNOMED CT 42399005 and 49220004, \"renal failure\" in text) is a known cause, shown under chronic kidney disease and titled \"Kidney failure (kind not recorded)\".",
      "Strength comes from current evidence only: chronic kidney disease and dialysis are a known cause only while a current record says kidney failure; past records (resolved ESRD, a dialysis session long ago) keep the cause's own strength and say why.",
      "Free text is read in context: negation, family history, screening and tests, precursors, suspicions and readings make no finding; \"history of\" makes a past one. A coded record whose own words start that way is read the same way. Abbreviations (PAD, PVD, RLS, ESRD) are matched as written; \"PVD\" of the eye and lower-case \"pad\" are not PAD. ACE inhibitors and ARBs are named one by one (\"April\" is not a medicine). Neurogenic claudication is spinal stenosis; intermittent, vascular or unqualified claudication is PAD.",
      "Pregnancy: records of a pregnancy's end (O00–O08 incl. ectopic in both SNOMED CT and ICD-10-CM, O60–O77, O80–O82, O85–O92, O94–O97, childbirth and puerperium sub-codes, titles saying puerperium, postpartum or childbirth) are never a current pregnancy; in-pregnancy sub-codes inside those ranges are kept; weeks-of-gestation (Z3A), trimester codes and text date the start.",
      "Wrong groups fixed: menopausal hormone therapy is not a birth control pill; alcohol intoxication and F10.9x are not alcohol use disorder (remission codes are past); eye-drop beta blockers and minoxidil coded by ingredient count only when taken by mouth; borderline thyrotoxicosis and R03 readings are look-alikes.",
      "Gaps filled (each code verified and cited): PAD (I70.92, I73.1, I74.3/I74.4, Z95.820, Z98.62, ICD-9-CM 440.2x/443.1/443.9/444.22), CKD history/resolved codes never current and CKD G5A1–A3 escalated, ICD-9-CM for most sometimes-linked causes, O24.0/O24.1/O24.3 diabetes in pregnancy, eplerenone, guanfacine, ezetimibe and evolocumab codes; generic and brand names for blood pressure, cholesterol and birth control medicines.",
      "Record semantics: a MedicationRequest with intent proposal or option is not current; a MedicationStatement whose period ended is past; a dialysis Procedure in progress counts only when it started within 90 days.",
      "Diabetes whose type is not recorded is titled \"Diabetes, type not recorded\"; medicine evidence carries its dose as plain text.",
      "Wording: restless legs syndrome is \"sometimes\" confused with cramps; the RLS guide keeps only statements whose pages were read; the PAD note no longer claims a venous-insufficiency rule no document states.",
      "A clinical corpus (tests/clinical, docs/clinical-corpus.md) of real-world record shapes with the expected findings documents and tests all of the above.",
    ],
  },
  {
    version: "1.1.0",
    date: "2026-11-26",
    changes: [
      "The restless legs / night leg cramps comparison moved into the knowledge base, each statement with its source; statements without one were dropped.",
    ],
  },
  {
    version: "1.0.0",
    date: "2026-11-26",
    changes: [
      "First complete knowledge base: all 28 cause ids of knowledge-source.md, with code rules (SNOMED CT, ICD-10-CM, ICD-9-CM, RxNorm, ATC, CPT), look-alikes and last-resort name rules.",
      "Codes taken from the terminology reference (night_leg_cramps_codes.csv) with one cited source per code list; weakly verified lists are marked.",
    ],
  },
];
