/**
 * Last-resort name matching: used only when no coding on a record is recognised by any code rule or
 * look-alike. Patterns are regular-expression fragments matched case-insensitively between word
 * boundaries on the record's text (code.text and coding displays); abbreviations are matched as written
 * (upper case). Evidence found this way is flagged matchedBy "name".
 *
 * Every name found is then read in context (src/knowledge/textContext.ts, applied by the engine): a name
 * that is negated, about someone else, a screening or test, a precursor or a suspicion makes no
 * finding; "history of X" makes at most a past finding. Where no rule could be made safe the name is
 * simply not listed ("DM" is also dermatomyositis and myotonic dystrophy; "diabetic" alone is a diet or a
 * shoe): a missing "sometimes linked" is better than a false "known cause".
 */
import { DIABETES_TYPE_NOT_RECORDED_NOTE } from "./conventions";
import type { NameRule } from "./types";

const C = ["Condition"] as const;
const M = ["Medication"] as const;

/**
 * A medicine's words that say the patient does not take it: an allergy or intolerance (knowledge-source.md:
 * "Allergy and intolerance records never count as taking a medicine"; "an ACE-inhibitor allergy is not an ACE
 * inhibitor"), or a contraindication. Vetoes every medicine name rule.
 */
const NOT_TAKEN = [
  "allerg\\w*", "intoleran\\w*", "contraindicat\\w*",
  // declined, stopped or to be avoided, or the medicine's harm (review of the 1.5.0 vocabulary: "Statin declined",
  // "water pill discontinued", "Lisinopril (do not use)", "statin-induced myopathy")
  "declined", "refused", "discontinued", "stopped", "not taking", "not on(?! (the )?formulary)", "not tolerated", "not indicated",
  "do not (use|give)", "induced", "toxicity", "overdose", "poisoning",
];

/** A class named as advice or as an empty list entry ("Avoid beta blockers", "Statin: none"): no medicine taken. */
const NOT_A_CLASS_TAKEN = ["avoid\\w*", "none"];

const DIABETES_VETO = [
  "pre-?diabet\\w*",
  "borderline diabetes",
  "gestational",
  "insipidus",
  "steroid[- ]induced",
  "drug[- ]induced",
  "chemical[- ]induced",
  "due to (an )?underlying",
  // the risk of diabetes, or a programme to prevent it, is not diabetes ("DM risk", "Diabetes prevention program")
  "(diabetes( mellitus)?|DM) (risk|prevention)",
  // diabetes due to another condition or a drug (ICD-10-CM E08, E09, E13) counts for neither type
  "(diabetes( mellitus)?|DM) (due to|secondary to|caused by|induced by|d/t) (?!type)",
  "pancreatogenic",
  "pancreatic diabetes",
  "type 3c",
  "post-?pancreatectomy",
  "secondary diabetes",
  "MODY",
  "maturity[- ]onset diabetes of the young",
  "cystic fibrosis",
  "other specified diabetes",
  // monogenic diabetes (neonatal diabetes, MODY) and diabetes after organ transplantation are "specific types due to
  // other causes" (ADA Standards of Care, section 2, Classification): neither type 1 nor type 2
  "monogenic",
  "neonatal diabetes",
  "post-?transplant(ation)? (diabetes|DM)",
  "(diabetes( mellitus)?|DM) (after|following) (\\w+ )?transplant\\w*",
  "NODAT",
  "PTDM",
  // DM1 and DM2 are also the two types of myotonic dystrophy
  "myotonic",
  "dystroph\\w*",
  "PROMM",
];

/** Diabetes, written out or as clinicians shorten it, for "diabetes with neuropathy" and "neuropathy due to diabetes". */
const DIABETES_WORDS = "(?:diabetes(?: mellitus)?(?:,? type (?:1|2|I|II))?|type (?:1|2|I|II) (?:diabetes(?: mellitus)?|DM)|DM ?-?(?:1|2|I|II)?|T[12]DM?|N?IDDM)";

/** "with", as problem lists write it: "with", "w/", "w" (DM2 w neuropathy). */
const WITH = "(?:with|w/|w|c/b|complicated by)";

/** Kidney failure said to be acute, chronic or end-stage is read by the acute and chronic rules, not as "unstated". */
const KIDNEY_FAILURE_QUALIFIED = "(?<!acute[- ])(?<!acute-on-chronic[- ])(?<!acute on chronic[- ])(?<!chronic[- ])(?<!end[- ]stage[- ])(?<!postoperative[- ])(?<!post-operative[- ])(?<!prerenal[- ])(?<!pre-renal[- ])";

export const NAME_RULES: NameRule[] = [
  // ---- conditions ----
  {
    id: "name.akf",
    causes: ["acute-kidney-failure"],
    appliesTo: [...C],
    patterns: [
      "acute (kidney|renal) (failure|injury|insufficiency)",
      "acute[- ]on[- ]chronic (kidney|renal) (failure|injury|disease)",
      "(postoperative|post-operative|prerenal|pre-renal) (kidney|renal) (failure|injury)",
      "(kidney|renal) (failure|injury),? acute",
      "acute tubular necrosis",
      "pre-?renal azotemia",
      "contrast[- ](induced |associated )?(nephropathy|AKI|acute kidney injury)",
      "hepatorenal syndrome",
    ],
    abbreviations: ["AKI", "ATN"],
    // preventing it around a contrast study is not having it ("Contrast nephropathy prophylaxis")
    veto: ["prophyla\\w*", "prevent\\w*", "precautions?", "risk"],
    reason: "Acute kidney failure named in the record",
  },
  {
    id: "name.ckd.failure",
    causes: ["chronic-kidney-disease"],
    appliesTo: [...C],
    patterns: [
      "end[- ]stage (renal|kidney) (disease|failure)",
      "chronic kidney disease,? stage (5|V|G5)( ?D)?",
      "CKD,?[- ]?(stage[- ]?)?(5|V|G5)( ?D)?",
      "G5 ?A[123]",
      "stage (5|V|G5)( ?D)? (chronic kidney disease|CKD|chronic renal disease)",
      "chronic (renal|kidney) failure",
      "acute[- ]on[- ]chronic (kidney|renal) failure",
      "(kidney|renal) failure,? (chronic|end[- ]stage)",
    ],
    abbreviations: ["ESRD", "ESKD", "ESRF"],
    veto: ["pre-end", "pre-ESRD", "pre-ESKD"],
    reason: "Kidney failure (stage 5 / end-stage) named in the record",
    escalates: true,
  },
  {
    id: "name.kidney-failure-unstated",
    causes: ["chronic-kidney-disease"],
    appliesTo: [...C],
    patterns: [`${KIDNEY_FAILURE_QUALIFIED}(kidney|renal) failure`],
    veto: ["(kidney|renal) failure,? (acute|chronic|end[- ]stage)"],
    reason: "Kidney failure named in the record, kind (acute or chronic) not stated",
    note: "Kidney failure of unstated kind: shown under chronic kidney disease (the app's convention); the source names kidney failure as a known cause",
    escalates: true,
    unstated: true,
  },
  {
    id: "name.ckd",
    causes: ["chronic-kidney-disease"],
    appliesTo: [...C],
    patterns: [
      "chronic (kidney|renal) (disease|insufficiency|impairment)",
      "CKD",
      "CKD,?[- ]?(stage[- ]?)?([1-4]|I{1,3}|IV|G[1-4])[ab]?",
      "pre-?(ESRD|ESKD|end[- ]stage renal disease)",
      // diabetic kidney disease is chronic kidney disease (as ICD-10-CM E1x.21 and SNOMED CT 127013003 are read)
      "diabetic (nephropathy|kidney disease|renal disease)",
      "(nephropathy|kidney disease|renal disease) due to (type (1|2|I|II) )?diabetes( mellitus)?",
      "kimmelstiel[- ]wilson( disease| syndrome)?",
      "hypertensive (nephropathy|nephrosclerosis|kidney disease|renal disease|chronic kidney disease)",
      "(hypertensive|HTN) (CKD|nephropathy|nephrosclerosis)",
    ],
    abbreviations: ["DKD"],
    reason: "Chronic kidney disease named in the record",
  },
  {
    id: "name.dialysis",
    causes: ["dialysis"],
    appliesTo: ["Condition", "Procedure"],
    patterns: ["(renal |kidney )?dialysis", "ha?emodialysis", "peritoneal dialysis", "ha?emodiafiltration"],
    abbreviations: ["CAPD", "CCPD", "CRRT", "on HD", "on PD", "On HD", "On PD", "ON HD", "ON PD", "home HD", "Home HD", "on home HD", "on HHD", "on iHD", "HD-dependent", "HD dependent", "PD-dependent", "ESRD/HD", "ESRD/PD", "ESRD-HD", "ESKD/HD", "CKD5D", "CKD 5D", "CKD-5D", "CKD VD"],
    veto: [
      "catheter",
      "fistula",
      "graft",
      "access",
      "education",
      "counsel\\w*",
      "specimen",
      "assessment for",
      "evaluation for",
      "declined",
      "refused",
      "planning",
      "planned",
      "awaiting",
      "considering",
      "preparation for",
      "training",
      // PD is also Parkinson's disease ("On PD meds")
      "PD (meds?|medications?|medicines?|drugs?)", "levodopa", "carbidopa", "parkinson\\w*",
    ],
    reason: "Dialysis named in the record",
    escalates: true,
  },
  {
    id: "name.adrenal",
    causes: ["adrenal-insufficiency"],
    appliesTo: [...C],
    patterns: [
      "addison(['’]s|s)?( disease)?",
      "adrenal insufficiency",
      "adrenocortical insufficiency",
      "adrenal (failure|hypofunction)",
      "hypoadrenalism",
      "hypocortisolism",
      "glucocorticoid deficiency",
      "adrenal crisis",
      "addisonian( crisis)?",
      "waterhouse[- ]friderichsen( syndrome)?",
    ],
    veto: ["addison(['’]?s?|ian) ana?emia", "addison[- ]biermer", "pigment\\w*", "features"],
    reason: "Adrenal insufficiency named in the record",
  },
  {
    id: "name.alcohol",
    causes: ["alcohol-use-disorder"],
    appliesTo: [...C],
    patterns: [
      // DSM-5 writes the severity before the remission specifier ("Alcohol use disorder, mild, in early remission"):
      // the severity belongs to the name, so that the specifier is read as the clause after it
      "(alcohol|etoh|ethanol) use disorder(,? (mild|moderate|severe))?",
      "(alcohol|etoh|ethanol) (dependence|dependency|abuse|misuse|addiction|withdrawal)",
      "alcoholism",
    ],
    abbreviations: ["AUD"],
    reason: "Alcohol use disorder named in the record",
  },
  {
    id: "name.anemia",
    causes: ["anemia"],
    appliesTo: [...C],
    patterns: [
      "ana?emi(a|c)",
      // hemolytic anemias named without the word (ICD-10-CM D56, D57.0–D57.2, D57.4–D57.8 are in the anemia list)
      "sickle[- ]cell (disease|disorder|crisis)",
      "(beta |β-?|alpha |α-?)?thalassa?emia (major|intermedia)",
      "hemoglobin SS( disease)?",
    ],
    // not "SCD": also sudden cardiac death and sequential compression devices
    abbreviations: ["IDA", "HbSS", "Hb SS"],
    veto: ["trait", "carriers?", "fetal", "fetus", "foetal"],
    reason: "Anemia named in the record",
  },
  {
    id: "name.cirrhosis",
    causes: ["cirrhosis"],
    appliesTo: [...C],
    patterns: ["cirrhosis", "cirrhotic liver", "cirrhotic", "end[- ]stage liver disease"],
    abbreviations: ["ESLD"],
    reason: "Cirrhosis named in the record",
  },
  {
    id: "name.dehydration",
    causes: ["dehydration"],
    appliesTo: [...C],
    patterns: ["dehydration", "dehydrated", // hypovolemic shock (R57.1) is excluded from volume depletion (E86)
      "hypovola?emi(a|c)(?! shock)", "volume depletion", "volume depleted", "(fluid|extracellular fluid) volume deficit", "intravascular volume depletion"],
    reason: "Dehydration named in the record",
  },
  {
    id: "name.hypertension",
    causes: ["hypertension"],
    appliesTo: [...C],
    patterns: [
      "hypertension",
      "hypertensive (disease|disorder|heart disease|kidney disease|chronic kidney disease|nephropathy|nephrosclerosis|urgency|emergency|crisis|encephalopathy|retinopathy|cardiomyopathy|cardiovascular disease)",
      "high blood pressure",
      "high BP",
      "HTN",
      "(hypertensive|HTN) (CKD|nephropathy|nephrosclerosis)",
    ],
    abbreviations: ["HBP"],
    veto: [
      "pulmonary (arterial )?(hypertension|HTN)",
      "ocular (hypertension|HTN)",
      "intracranial (hypertension|HTN)",
      "portal (hypertension|HTN)",
      "venous (hypertension|HTN)",
      "(hypertension|HTN),? (pulmonary|ocular|intracranial|portal|venous)",
      "PAH",
      "IIH",
      "white[- ]coat",
      // Hypertension of pregnancy ends with it: not the chronic condition ("history of" it is no hypertension).
      "gestational (hypertension|HTN)",
      "pregnancy[- ]induced (hypertension|HTN)",
      "reading",
      "without (a )?diagnosis",
      "elevated (blood[- ]pressure|BP)",
    ],
    reason: "High blood pressure named in the record",
  },
  {
    // The hypertensive disorders of pregnancy are high blood pressure while the pregnancy lasts, as their
    // codes are read (ICD-10-CM O13, O14, O15, O16; SNOMED CT pre-eclampsia, HELLP): both causes. They end
    // with the pregnancy, so a record that speaks of them in the past, or after the birth, names neither
    // (hypertension is a chronic condition: "history of" would otherwise keep it current).
    id: "name.hypertension.pregnancy",
    causes: ["hypertension", "pregnancy"],
    appliesTo: [...C],
    patterns: [
      "(severe |mild |superimposed )?pre-?eclampsia",
      "eclampsia",
      "HELLP( syndrome)?",
      "gestational (hypertension|HTN)",
      "pregnancy[- ]induced (hypertension|HTN)",
      "hypertension (in|of|complicating) pregnancy",
      "HTN (in|of|complicating) pregnancy",
    ],
    // not "PIH": on a problem list it is as often post-inflammatory hyperpigmentation
    abbreviations: ["gHTN"],
    veto: [
      "history",
      "hx",
      "h/o",
      "PMHx?",
      "prior",
      "previous",
      "past",
      "former",
      "s/p",
      "status post",
      "remote",
      "resolved",
      "post-?partum",
      "puerper\\w*",
      "delivered",
      "after (delivery|childbirth)",
      "following (delivery|childbirth)",
      "risk",
      // its prevention, or watching for it, is not the disorder ("Aspirin for preeclampsia prevention")
      "prevent\\w*",
      "prophyla\\w*",
      "precautions?",
      "labs?",
      "signs",
      "symptoms",
      "surveillance",
      "monitor\\w*",
    ],
    reason: "High blood pressure of pregnancy named in the record",
    // It ends with the pregnancy: current only while the record dates a current pregnancy.
    endsWithPregnancy: true,
  },
  {
    id: "name.hyperthyroidism",
    causes: ["hyperthyroidism"],
    appliesTo: [...C],
    patterns: [
      "hyperthyroidism",
      "hyperthyroid",
      "thyrotoxicosis",
      "graves(['’]s)?( disease)?",
      "graves disease",
      "basedow(['’]?s)? disease",
      "plummer(['’]?s)? disease",
      "overactive thyroid",
      "toxic (multi|uni)?nodular goit(er|re)",
      "toxic (thyroid )?(adenoma|nodule)",
      "thyroid storm",
      "hashitoxicosis",
    ],
    reason: "Overactive thyroid named in the record",
  },
  {
    id: "name.hypoglycemia",
    causes: ["hypoglycemia"],
    appliesTo: [...C],
    patterns: ["hypoglyca?emi(a|c)", "low blood (sugar|glucose)", "neuroglycopenia"],
    reason: "Low blood sugar named in the record",
  },
  {
    id: "name.hypothyroidism",
    causes: ["hypothyroidism"],
    appliesTo: [...C],
    // Hashimoto's thyroiditis alone is not named here: the disease is not hypothyroidism until the thyroid fails
    // ("Hashimoto's hypothyroidism" is read by its last word).
    // myxedema (US) and myxoedema (UK) are hypothyroidism (ICD-10-CM E03.9 "Myxedema NOS", E03.5 myxedema coma);
    // pretibial myxedema is Graves' dermopathy, a skin sign, not an underactive thyroid
    patterns: ["hypothyroidism", "hypothyroid", "underactive thyroid", "low thyroid", "(?<!pre-?tibial )myxo?e?dema"],
    reason: "Underactive thyroid named in the record",
  },
  {
    id: "name.inactivity",
    causes: ["physical-inactivity"],
    appliesTo: [...C],
    patterns: ["sedentary( lifestyle| behaviou?r)?", "lack of (regular |physical )*(exercise|activity)(?![- ](tolerance|intolerance|capacity|induced))", "physical inactivity", "physically inactive", "insufficient (physical )?(exercise|activity)"],
    reason: "Lack of physical activity named in the record",
  },
  {
    id: "name.muscle-fatigue",
    causes: ["muscle-fatigue"],
    appliesTo: [...C],
    patterns: ["muscle fatigue", "muscular fatigue", "fatigued muscles?", "muscle tiredness"],
    veto: ["respiratory muscle"],
    reason: "Muscle fatigue named in the record",
  },
  {
    id: "name.parkinson",
    causes: ["parkinsons-disease"],
    appliesTo: [...C],
    patterns: ["parkinson(['’]s|s)?( disease| dz)?", "paralysis agitans", "(idiopathic|primary) parkinsonism", "parkinsonism,? (idiopathic|primary)"],
    veto: ["parkinson(['’]?s)?[- ]plus", "wolff", "parkinson(['’]?s)?[- ]like", "(drug|neuroleptic|medication)[- ]induced"],
    reason: "Parkinson's disease named in the record",
  },
  {
    id: "name.pad",
    causes: ["peripheral-artery-disease"],
    appliesTo: [...C],
    patterns: [
      "peripheral arter(y|ial) (occlusive )?disease",
      "peripheral vascular disease",
      "peripheral arteriopathy",
      "(intermittent|vascular|arterial) claudication",
      "claudication",
      "critical limb isch(a)?emia",
      "chronic limb[- ]threatening isch(a)?emia",
      "chronic total occlusion of (the )?arter(y|ies) of (the )?(lower )?(extremit(y|ies)|limbs?|legs?)",
      "thromboangiitis obliterans",
      "buerger(['’]?s)?( disease)?",
      "peripheral (vascular|arterial) (angioplasty|bypass|stent)",
      "(peripheral )?arterial insufficiency (of|in) (the )?(both |bilateral )?(lower )?(extremit(y|ies)|limbs?|legs?)",
      "peripheral arterial insufficiency",
      "leriche(['’]?s)? syndrome",
      "aorto-?iliac occlusive disease",
      "ischa?emic rest pain",
      "(femoral|popliteal|femoropopliteal|fem-pop|iliac|tibial) (artery )?(angioplasty|bypass|stenosis|occlusion)",
      // a femoral-popliteal bypass is surgery for PAD: "s/p fem-pop" on a problem list is the disease, treated
      "fem[- ]?pop(liteal)?( artery)?( bypass| graft| BPG)?",
      "femoral[- ]popliteal( artery)? (bypass|graft)",
      "femoro-?popliteal (bypass|graft)",
      "(SFA|superficial femoral artery) (angioplasty|stent|stenosis|occlusion|disease)",
      "(iliac|femoral|popliteal|tibial|SFA)( artery)? (stent(ing)?|angioplasty|atherectomy|PTA)",
      "aorto-?(bi)?femoral (bypass|graft)",
      "ABF (bypass|graft)",
      "peripheral (arterial |artery |vascular )?(angioplasty|stent(ing)?|atherectomy|revascularization|intervention|PTA)",
      "atherosclerotic (peripheral vascular|peripheral arterial|peripheral artery) disease",
      "atherosclerosis of (the )?(native )?arteries of (the )?(both |bilateral |right |left )?(lower )?(extremities|limbs?|legs?)",
      "(arterial )?(embolism|thrombosis)( and thrombosis)? of (the )?arter(y|ies) of (the )?(both |bilateral |right |left )?(lower )?(extremit(y|ies)|limbs?|legs?)",
    ],
    // not PVOD: pulmonary veno-occlusive disease
    abbreviations: ["PAD", "PAOD", "PVD", "CLTI", "CLI", "ASPVD"],
    veto: [
      "neurogenic",
      "spinal",
      "pseudo-?claudication",
      "jaw",
      "venous claudication",
      "vitreous",
      "posterior vitreous",
      "retina\\w*",
      "eye",
      "ophth\\w*",
      "floaters",
      // a clot in the femoral and popliteal veins is not PAD ("Fem-pop DVT")
      "fem[- ]?pop(liteal)? (veins?|venous|DVT)",
      "DVT,? (of )?(the )?(left |right |L |R )?fem[- ]?pop",
      // an aneurysm repair, or a vein stent for May-Thurner syndrome, is not PAD ("Iliac stent graft (EVAR)")
      "EVAR", "stent[- ]grafts?", "endografts?", "for (an? )?(AAA|aneurysm\\w*)", "may[- ]thurner",
    ],
    reason: "Problem with blood flow to the legs named in the record",
  },
  {
    id: "name.diabetic-polyneuropathy",
    causes: ["diabetic-neuropathy", "peripheral-neuropathy"],
    appliesTo: [...C],
    patterns: [
      "diabetic (peripheral |sensory |sensorimotor )?polyneuropathy",
      "diabetic (peripheral|sensory|sensorimotor) neuropathy",
      "(peripheral |poly)neuropathy (due to|secondary to|from) (type (1|2|I|II) )?diabetes( mellitus)?",
      `(peripheral |poly)neuropathy (due to|secondary to|from) ${DIABETES_WORDS}`,
      `PN (due to|secondary to|from|d/t) ${DIABETES_WORDS}`,
      `${DIABETES_WORDS},? ${WITH} ?(diabetic )?(peripheral (poly)?neuropathy|polyneuropathy|PN|DPN)`,
    ],
    abbreviations: ["DPN", "DPNP"],
    reason: "Diabetic peripheral neuropathy named in the record",
  },
  {
    id: "name.diabetic-neuropathy",
    causes: ["diabetic-neuropathy"],
    appliesTo: [...C],
    patterns: [
      "diabetic neuropathy",
      "diabetic nerve damage",
      "neuropathy due to (type (1|2|I|II) )?diabetes( mellitus)?",
      `neuropathy (due to|secondary to|from) ${DIABETES_WORDS}`,
      `${DIABETES_WORDS},? ${WITH} ?(diabetic )?neuropathy`,
      // every kind of nerve damage diabetes causes: autonomic, focal and proximal as well as peripheral
      "diabetic (autonomic|painful|proximal|focal|motor|cranial|truncal|thoracic|lumbosacral radiculoplexus) (poly)?neuropathy",
      "diabetic (mono|radiculo|plexo)neuropathy",
    ],
    reason: "Nerve damage from diabetes named in the record",
  },
  {
    id: "name.peripheral-neuropathy",
    causes: ["peripheral-neuropathy"],
    appliesTo: [...C],
    patterns: [
      "peripheral neuropathy",
      "neuropathy,? peripheral",
      "polyneuropathy",
      "peripheral nerve (disease|damage|disorder)",
      "polyneuritis",
      "small[- ]fib(er|re) (sensory )?(poly)?neuropathy",
      "(sensory|sensorimotor|axonal|length[- ]dependent|idiopathic|alcoholic) (peripheral )?(poly)?neuropathy",
      "stocking[- ]glove (neuropathy|sensory loss)",
      "chemotherapy[- ]induced (peripheral )?(poly)?neuropathy",
      "(poly)?neuropathy (of|in|involving) (the )?(both |bilateral )?(feet|foot|legs?|lower (extremities|extremity|limbs?))",
      "(bilateral |B/L )?(lower extremity|lower limb|LE|leg|foot|feet) (peripheral )?(poly)?neuropathy",
      // "barr[eé]?" so that the word boundary can fall before a final "é" (not a word character for \b)
      "guillain[- –]barr[eé]?( syndrome)?",
      "charcot[- –]marie[- –]tooth( disease)?",
      "hereditary (motor and sensory |sensory and motor )?neuropathy",
    ],
    // CMT alone is also chiropractic manipulative treatment: only its numbered types (CMT1A, CMT2, CMTX) are read
    abbreviations: ["CIDP", "CIPN", "CMT[1-4][A-Z]?", "CMT-[1-4][A-Z]?", "CMT type [1-4][A-Z]?", "CMTX\\d?", "HNPP", "AIDP"],
    veto: ["polyneuritis cranialis"],
    reason: "Peripheral neuropathy named in the record",
  },
  {
    id: "name.pregnancy",
    causes: ["pregnancy"],
    appliesTo: [...C],
    patterns: [
      "pregnancy",
      "pregnant",
      "gravid",
      "intrauterine pregnancy",
      "IUP",
      // gravida/para with the weeks of a pregnancy now ("G2P1 at 20 wks"): gravida and para alone are the obstetric history
      "G\\d{1,2} ?P\\d{1,4}(-\\d{1,4}){0,3}( (at|@)|,)? ?\\d{1,2}(\\+\\d)? ?(weeks|wks|wk|w)( gestation| GA)?",
      "G\\d{1,2} (at|@) ?\\d{1,2}(\\+\\d)? ?(weeks|wks|wk|w)( gestation| GA)?",
    ],
    veto: [
      "not pregnant",
      "pregnancy test",
      "termination of pregnancy",
      "terminated",
      "miscarried",
      "(?<!(?:history of|h/o|hx of|previous|prior|recurrent|with) )(?:mis)?carriage",
      "(?<!(?:history of|h/o|hx of|previous|prior|recurrent|with) )abortion",
      "(?<!(?:history of|h/o|hx of|previous|prior|recurrent|with) )ectopic",
      "(?<!(?:history of|h/o|hx of|previous|prior|recurrent|with) )(?:molar|tubal) pregnancy",
      "(?<!(?:history of|h/o|hx of|previous|prior|recurrent|with) )(?:SAB|TAB|EAB|IUFD|fetal demise)",
      "postpartum",
      "post-partum",
      "puerper\\w*",
      "delivered",
      "after (delivery|childbirth)",
      "following (delivery|childbirth)",
      "childbirth",
      "prevention of pregnancy",
      "contracepti\\w*",
      "planning",
      "trying to conceive",
      "desires pregnancy",
    ],
    reason: "Pregnancy named in the record",
  },
  {
    id: "name.spinal-stenosis",
    causes: ["spinal-stenosis"],
    appliesTo: [...C],
    patterns: [
      "spinal stenosis",
      "(lumbar|cervical|thoracic) (spinal |canal |spine )?stenosis",
      "stenosis of (the )?(lumbar |cervical |thoracic )?spin(al|e)( canal)?",
      "spinal canal stenosis",
      "neurogenic claudication",
      "pseudo-?claudication",
      "(neural )?foraminal stenosis",
      "central (canal )?stenosis",
      "[LCT]\\d( ?-? ?[LCTS]?\\d)? (spinal |canal |central |foraminal )?stenosis",
      "stenosis (at |of )?[LCT]\\d( ?-? ?[LCTS]?\\d)?",
      "(laminectomy|decompression|laminotomy) for (lumbar |cervical |spinal |canal )*stenosis",
    ],
    abbreviations: ["LSS"],
    // Cervical stenosis of the uterus, and the stenosis of an artery in the neck, are not spinal stenosis.
    veto: ["uter\\w*", "cervix", "endocervical", "(cervical|internal|external) os", "gyn\\w*", "obstetric\\w*", "carotid", "vertebral arter\\w*",
      // the airway or gullet at a vertebral level ("Subglottic stenosis at C6"); LSS as long saphenous stripping
      "trache\\w*", "subglottic", "laryn\\w*", "o?esophag\\w*", "airway", "saphenous",
      // LSS is also the lumbosacral spine of an imaging order or a pain ("LSS X-ray", "MRI LSS")
      "LSS (x-?rays?|MRI|CT|films?|views?|pain|strain|sprain)", "(x-?rays?|MRI|CT) (of )?(the )?LSS"],
    reason: "Spinal stenosis named in the record",
  },
  {
    id: "name.type-1-diabetes",
    causes: ["type-1-diabetes"],
    appliesTo: [...C],
    patterns: ["type (1|I|one) (diabetes|DM)", "diabetes( mellitus)?( (in|of|complicating) pregnancy)?,? type (1|I)", "diabetic( \\w+){1,3},? type (1|I)", "DM,? type (1|I)", "insulin[- ]dependent diabetes", "juvenile diabetes"],
    abbreviations: ["T1DM", "T1D", "IDDM", "DM1", "DM-1", "DM 1", "DM I", "DM-I", "T1 DM"],
    veto: ["non-?insulin[- ]dependent", ...DIABETES_VETO],
    reason: "Type 1 diabetes named in the record",
  },
  {
    id: "name.type-2-diabetes",
    causes: ["type-2-diabetes"],
    appliesTo: [...C],
    patterns: ["type (2|II|two) (diabetes|DM)", "diabetes( mellitus)?( (in|of|complicating) pregnancy)?,? type (2|II)", "diabetic( \\w+){1,3},? type (2|II)", "DM,? type (2|II)", "non-?insulin[- ]dependent diabetes", "adult[- ]onset diabetes"],
    abbreviations: ["T2DM", "T2D", "NIDDM", "DM2", "DM-2", "DM 2", "DM II", "DMII", "DM-II", "T2 DM"],
    veto: DIABETES_VETO,
    reason: "Type 2 diabetes named in the record",
  },
  {
    id: "name.diabetes-unstated",
    causes: ["type-2-diabetes"],
    appliesTo: [...C],
    patterns: [
      "diabetes( mellitus)?",
      "diabetic (nephropathy|retinopathy|neuropathy|polyneuropathy|kidney disease|ketoacidosis|gastroparesis|foot ulcer|amyotrophy)",
      "diabetic (peripheral|sensory|sensorimotor|autonomic|painful|proximal|focal|motor) (poly)?neuropathy",
      "diabetic (mono|radiculo|plexo)neuropathy",
      "kimmelstiel[- ]wilson( disease| syndrome)?",
    ],
    // "DM" alone is diabetes mellitus on a US problem list; dermatomyositis and myotonic dystrophy are
    // vetoed by their own words (DIABETES_VETO, and the myositis words below).
    abbreviations: ["DM"],
    veto: [...DIABETES_VETO, "dermatomyositis", "myositis", "amyopathic", "juvenile DM", "JDM", "type (1|I|one|2|II|two)", "diabetes( mellitus)?,? type", "T[12]DM", "T[12]D", "N?IDDM", "DM ?-?(1|2|I|II)", "insulin[- ]dependent", "juvenile diabetes", "adult[- ]onset diabetes"],
    reason: "Diabetes named in the record, type not stated",
    note: DIABETES_TYPE_NOT_RECORDED_NOTE,
    unstated: true,
  },
  {
    id: "name.rls",
    causes: ["restless-legs-syndrome"],
    appliesTo: [...C],
    patterns: ["restless legs?( syndrome)?", "Willis-Ekbom( disease)?"],
    abbreviations: ["RLS"],
    reason: "Restless legs syndrome named in the record",
  },
  // ---- medicines (ingredient and brand names; combination products match each ingredient) ----
  {
    id: "name.diuretic.loop",
    causes: ["diuretics"],
    appliesTo: [...M],
    patterns: [
      // "furosemid", "torasemid": the spelling of German and Nordic medication lists
      "furosemide?", "frusemide", "bumetanide", "torsemide", "torasemide?", "ethacrynic acid", "etacrynic acid", "piretanide",
      "lasix", "bumex", "demadex", "soaanz", "edecrin", "furoscix", "burinex",
      // furosemide with a potassium-sparing diuretic (UK and EU)
      "lasilactone", "frumil", "co-?amilofruse", "frusene", "lasikal", "diumide-?k",
    ],
    veto: NOT_TAKEN,
    reason: "Loop diuretic named in the medicine",
  },
  {
    id: "name.diuretic.thiazide",
    causes: ["diuretics", "blood-pressure-medicines"],
    appliesTo: [...M],
    patterns: [
      // "hydrochlorthiazide" (a common misspelling) and "hydrochlorothiazid", "indapamid", "xipamid" (German and Nordic spellings)
      "hydrochloro?thiazide?", "hctz?", "chlorthalidone", "chlortalidone", "indapamide?", "metolazone", "chlorothiazide", "bendroflumethiazide",
      "bendrofluazide", "hydroflumethiazide", "trichlormethiazide", "cyclopenthiazide", "polythiazide", "methyclothiazide", "xipamide?",
      "clopamide", "quinethazone", "benzthiazide", "cyclothiazide", "mefruside",
      // HCTZ with its dose written on, as typed on medication lists ("HCTZ12.5mg")
      "hctz\\d+(?:\\.\\d+)?(?:\\s?mg)?",
      "microzide", "hygroton", "thalitone", "zaroxolyn", "mykrox", "lozol", "diuril", "natrilix", "navidrex", "esidrix", "oretic", "hydrodiuril",
      "naturetin", "enduron",
      // a thiazide with a potassium-sparing diuretic
      "dyazide", "maxzide", "aldactazide", "moduretic", "co-?amilozide", "co-?triamterzide", "co-?flumactone", "aldactide", "dytide", "kalspare",
      "triam-?co", "navispare", "moducren",
      // ACE inhibitor with a thiazide (US, then EU and UK)
      "prinzide", "zestoretic", "vaseretic", "lotensin hct", "capozide", "monopril[- ]hct", "accuretic", "quinaretic", "uniretic",
      "carace plus", "co-?renitec", "accuzide", "inhibace plus", "co-?zidocapt", "coversyl( arginine)? plus", "preterax", "bi-?preterax", "noliprel",
      "triplixam", "delix plus",
      // angiotensin receptor blocker with a thiazide
      "hyzaar", "cozaar comp", "fortzaar", "diovan hct", "co-?diovan", "benicar hct", "olmetec plus", "micardis hct", "micardis ?plus",
      "pritor ?plus", "kinzalkomb", "avalide", "co-?aprovel", "karvezide", "atacand hct", "atacand plus", "blopress plus", "teveten hct",
      "teveten plus", "tribenzor", "sevikar hct", "exforge hct", "edarbyclor", "lorzaar plus", "tolucombi", "ifirmacombi",
      // beta blocker with a diuretic
      "ziac", "lodoz", "tenoretic", "co-?tenidone", "tenoret", "kalten", "lopressor hct", "dutoprol", "inderide", "corzide", "timolide",
      "nebilet plus", "concor plus", "prestim", "secadrex", "viskaldix", "trasidrex",
      // other blood pressure medicines with a diuretic
      "tekturna hct", "rasilez hct", "amturnide", "rasitrio", "clorpres", "combipres", "aldoril", "aldoclor", "apresazide", "natrixam", "minizide",
      // reserpine with a thiazide (older US brands)
      "ser-?ap-?es", "hydropres", "diupres", "salutensin", "(demi-)?regroton", "enduronyl",
      // "comp" after an ACE inhibitor, angiotensin receptor blocker or beta blocker names its combination with a thiazide
      // (EU and Nordic lists: "Ramipril comp", "Diovan Comp", "Emconcor Comp")
      "(?:benazepril|captopril|cilazapril|enalapril|fosinopril|lisinopril|moexipril|perindopril|quinapril|ramipril|candesartan|eprosartan|irbesartan|losartan|olmesartan|telmisartan|valsartan|atenolol|bisoprolol|metoprolol|nebivolol|diovan|cozaar|lorzaar|tritace|delix|emconcor|concor|atacand|blopress|aprovel|micardis|kinzal|olmetec|votum|renitec|accupro|coversum|zestril|carace|beloc|seloken|tenormin)[- ]comp",
    ],
    abbreviations: ["HCTZ", "HCT"],
    // HCT is also hematocrit and hydrocortisone
    veto: [...NOT_TAKEN, "hydrocortisone", "ha?ematocrit"],
    reason: "Thiazide (diuretic and blood pressure medicine) named in the medicine",
  },
  {
    id: "name.diuretic.other",
    causes: ["diuretics"],
    appliesTo: [...M],
    patterns: [
      "eplerenone", "amiloride", "triamterene", "finerenone", "canrenone", "potassium canrenoate", "acetazolamide",
      "methazolamide", "mannitol", "aldactone", "carospir", "inspra", "midamor", "dyrenium", "dytac", "diamox", "osmitrol",
      // German and Nordic spelling; finerenone's, methazolamide's and dichlorphenamide's (a systemic carbonic anhydrase inhibitor) brands
      "spironolactone?", "kerendia", "neptazane", "dichlorphenamide", "diclofenamide", "keveyis",
    ],
    // "spiro", as medication lists shorten spironolactone ("spiro 25 mg")
    abbreviations: ["spiro", "Spiro", "SPIRO"],
    veto: NOT_TAKEN,
    reason: "Diuretic named in the medicine",
  },
  {
    id: "name.bp",
    causes: ["blood-pressure-medicines"],
    appliesTo: [...M],
    patterns: [
      // ACE inhibitors and ARBs, named one by one ("\w+pril" matched "April")
      "benazepril", "captopril", "enalapril", "enalaprilat", "fosinopril", "lisinopril", "moexipril", "perindopril", "quinapril", "ramipril", "trandolapril",
      "cilazapril", "imidapril", "spirapril", "delapril", "temocapril", "zofenopril",
      "azilsartan", "candesartan", "eprosartan", "irbesartan", "losartan", "olmesartan", "telmisartan", "valsartan", "sacubitril",
      "atenolol", "metoprolol", "bisoprolol", "carvedilol", "propranolol", "nadolol", "nebivolol", "labetalol", "acebutolol", "pindolol", "esmolol", "sotalol",
      "celiprolol", "oxprenolol", "penbutolol", "bevantolol",
      // "amlodipin": German and Nordic spelling
      "amlodipine?", "levamlodipine", "nifedipine", "felodipine", "nicardipine", "isradipine", "nisoldipine", "nimodipine", "diltiazem", "verapamil",
      "lercanidipine", "lacidipine", "manidipine", "barnidipine", "nitrendipine", "benidipine", "cilnidipine", "nilvadipine", "clevidipine",
      "doxazosin", "prazosin", "terazosin", "urapidil", "indoramin",
      "clonidine", "methyldopa", "guanfacine", "guanabenz", "moxonidine", "rilmenidine",
      "hydralazine", "dihydralazine", "reserpine",
      "aliskiren",
      // brands
      "norvasc", "katerzia", "zestril", "prinivil", "qbrelis", "vasotec", "epaned", "lotensin", "altace", "accupril", "capoten", "mavik", "aceon", "univasc", "monopril",
      "cozaar", "diovan", "exforge", "benicar", "azor", "micardis", "twynsta", "avapro", "atacand", "edarbi", "teveten", "entresto",
      "tenormin", "lopressor", "toprol(?:[- ]xl)?", "kapspargo", "coreg", "bystolic", "inderal", "innopran", "zebeta", "corgard", "trandate", "sectral", "brevibloc",
      "cardizem", "tiazac", "cartia", "calan", "verelan", "isoptin", "procardia", "adalat", "plendil", "cardene", "sular", "dynacirc", "conjupri",
      "cardura", "minipress", "hytrin", "catapres", "kapvay", "tenex", "intuniv", "apresoline", "bidil", "tekturna", "lotrel", "tarka", "prestalia", "caduet",
      "byvalson", "tekamlo", "consensi", "valturna", "lexxel", "teczem", "aldomet", "wytensin", "prexxartan", "norliqva", "nexiclon",
      "dilt-?xr", "dilacor", "taztia", "matzim", "diltzac", "afeditab", "covera(?:-hs)?", "nymalize", "nimotop", "cleviprex", "betapace", "sotylize",
      "levatol", "blocadren", "hemangeol",
      // EU and UK brands
      "coversyl", "coversum", "tritace", "triatec", "renitec", "carace", "zofenil", "inhibace", "istin", "amias", "aprovel", "karvea", "blopress",
      "olmetec", "pritor", "kinzalmono", "sevikar", "rasilez", "emconcor", "cardicor", "concor", "nebilet", "betaloc", "seloken", "beloc",
      "zanidip", "lercadip", "physiotens", "ebrantil", "triveram", "trinomia", "copalia", "dafiro", "imprida", "coveram", "viacoram", "zanipress",
      "zaneril", "lercaprel", "coripren", "triapin", "unimax", "logimax", "rasilamlo", "neparvis", "tenif", "beta-?adalat",
    ],
    // shortened on medication lists ("amlo 5 mg", "metop succ 25 mg"), as written in lower or title case
    abbreviations: ["amlo", "Amlo", "AMLO", "metop", "Metop"],
    veto: NOT_TAKEN,
    reason: "Blood pressure medicine named in the medicine",
  },
  {
    id: "name.bp.oral-only",
    causes: ["blood-pressure-medicines"],
    appliesTo: [...M],
    patterns: ["timolol", "betaxolol", "levobunolol", "carteolol", "metipranolol", "minoxidil", "loniten", "kerlone"],
    requireForm: "oral",
    veto: NOT_TAKEN,
    reason: "Blood pressure medicine taken by mouth named in the medicine",
    note: "This medicine is mostly used as eye drops or on the scalp: counted only because the record says it is taken by mouth",
  },
  {
    id: "name.lipid",
    causes: ["cholesterol-medicines"],
    appliesTo: [...M],
    patterns: [
      "atorvastatin", "fluvastatin", "lovastatin", "pitavastatin", "pravastatin", "rosuvastatin", "simvastatin", "cerivastatin",
      "ezetimibe", "fenofibrate", "fenofibric acid", "gemfibrozil", "bezafibrate", "ciprofibrate", "niacin", "nicotinic acid",
      "colesevelam", "colestipol", "cholestyramine", "colestyramine", "evolocumab", "alirocumab", "inclisiran", "bempedoic acid",
      "lipitor", "crestor", "ezallor", "zocor", "flolipid", "pravachol", "lescol", "livalo", "zypitamag", "altoprev", "mevacor",
      "zetia", "vytorin", "roszet", "nexlizet", "nexletol", "tricor", "trilipix", "lopid", "antara", "fenoglide", "lipofen", "triglide", "fibricor",
      "niaspan", "niacor", "welchol", "colestid", "questran", "prevalite", "repatha", "praluent", "leqvio", "atorvaliq",
      // combinations: with amlodipine (Caduet), with other blood pressure medicines, with other lipid medicines
      "caduet", "triveram", "trinomia", "advicor", "simcor", "liptruzet", "juvisync",
      // EU and UK brands
      "ezetrol", "inegy", "atozet", "sortis", "tahor", "lipostat", "livazo", "lipanthyl", "supralip", "cholib", "pravafenix", "nilemdo",
      "nustendi", "tredaptive", "suvezen", "rosuzet", "pravigard", "lofibra", "lipantil", "bezalip", "modalim",
      // other lipid-lowering medicines (WHO ATC C10AX12 lomitapide, C10AX17 evinacumab)
      "lomitapide", "juxtapid", "evinacumab", "evkeeza",
      // a misspelling found in real and synthetic records (RxNorm 316672 is displayed "Simvistatin 10 MG" in Synthea)
      "simvistatin",
    ],
    // statins shortened on medication lists ("atorva 40 mg", "simva 20")
    abbreviations: ["atorva", "Atorva", "simva", "Simva", "rosuva", "Rosuva", "prava", "Prava"],
    veto: NOT_TAKEN,
    reason: "Cholesterol medicine named in the medicine",
  },
  {
    id: "name.bcp",
    causes: ["birth-control-pills"],
    appliesTo: [...M],
    patterns: [
      "norethindrone", "norethisterone", "levonorgestrel", "desogestrel", "norgestimate", "norgestrel", "drospirenone", "ethynodiol",
      "dienogest", "ethinyl ?estradiol", "mestranol",
    ],
    requireForm: "oral",
    veto: NOT_TAKEN,
    reason: "Hormonal contraceptive taken by mouth named in the medicine",
  },
  {
    // The words themselves say a pill: no other word for the form is needed.
    id: "name.bcp.pill-words",
    causes: ["birth-control-pills"],
    appliesTo: [...M],
    patterns: ["oral contraceptives?", "birth control pills?", "contraceptive pills?", "progestin[- ]only pills?", "mini-?pill", "combined oral contraceptive"],
    abbreviations: ["OCP", "OCPs", "BCP", "BCPs", "COCP", "COCPs"],
    veto: NOT_TAKEN,
    reason: "Birth control pill named in the medicine",
  },
  {
    id: "name.bcp.brand",
    causes: ["birth-control-pills"],
    appliesTo: [...M],
    patterns: [
      "yaz", "yasmin", "beyaz", "safyral", "ocella", "gianvi", "loryna", "nikki", "syeda", "zarah", "jasmiel", "lo loestrin", "loestrin", "junel", "microgestin",
      "blisovi", "larin", "taytulla", "minastrin", "generess", "ortho tri-cyclen", "tri-sprintec", "sprintec", "ortho-cyclen", "mononessa", "estarylla",
      "previfem", "tri-previfem", "ortho-novum", "necon", "nortrel", "norinyl", "tri-norinyl", "balziva", "ovcon", "femcon", "seasonique", "loseasonique",
      "seasonale", "quartette", "amethia", "camrese", "jolessa", "introvale", "levora", "portia", "altavera", "alesse", "aviane", "lessina", "lutera",
      "sronyx", "vienva", "falmina", "orsythia", "levlen", "nordette", "lybrel", "amethyst", "desogen", "apri", "reclipsen", "ortho-cept", "emoquette",
      "enskyce", "isibloom", "juleber", "kalliga", "cyred", "kariva", "mircette", "azurette", "viorele", "pimtrea", "bekyree", "cyclessa", "velivet",
      "caziant", "natazia", "slynd", "camila", "errin", "nora-be", "heather", "jolivette", "micronor", "jencycla", "deblitane", "sharobel", "lyza",
      "lyleq", "tulana", "incassia", "norlyda", "opill", "ogestrel", "cryselle", "low-ogestrel", "lo/ovral", "elinest", "zovia", "kelnor", "demulen",
      "nextstellis", "tyblume", "balcoltra", "layolis", "kaitlib", "estrostep",
    ],
    veto: NOT_TAKEN,
    reason: "Birth control pill named in the medicine (brand)",
  },
  // ---- medicines named by their class (patient-reported lists: "water pill", "statin", "BP meds") ----
  {
    id: "name.class.diuretic",
    causes: ["diuretics"],
    appliesTo: [...M],
    patterns: ["diuretics?", "water pills?", "water tablets?"],
    // an antidiuretic (desmopressin) does the opposite
    veto: [...NOT_TAKEN, ...NOT_A_CLASS_TAKEN, "anti-?diuretic\\w*"],
    reason: "Diuretic named by its class in the medicine",
  },
  {
    id: "name.class.thiazide",
    causes: ["diuretics", "blood-pressure-medicines"],
    appliesTo: [...M],
    patterns: ["thiazides?", "thiazide[- ]like diuretics?"],
    veto: [...NOT_TAKEN, ...NOT_A_CLASS_TAKEN],
    reason: "Thiazide (diuretic and blood pressure medicine) named by its class in the medicine",
  },
  {
    id: "name.class.bp",
    causes: ["blood-pressure-medicines"],
    appliesTo: [...M],
    patterns: [
      "beta[- ]blockers?",
      "ACE inhibitors?",
      "angiotensin[- ]converting enzyme inhibitors?",
      "angiotensin(?: II)? receptor (?:blockers?|antagonists?)",
      "calcium[- ]channel blockers?",
      "anti-?hypertensives?",
      "(?:blood pressure|BP) (?:medicines?|medications?|meds?|pills?|tablets?)",
    ],
    abbreviations: ["ACEI", "ACEi", "ARB", "ARBs", "CCB"],
    veto: [...NOT_TAKEN, ...NOT_A_CLASS_TAKEN],
    reason: "Blood pressure medicine named by its class in the medicine",
  },
  {
    id: "name.class.lipid",
    causes: ["cholesterol-medicines"],
    appliesTo: [...M],
    patterns: ["statins?", "HMG[- ]CoA reductase inhibitors?", "(?:cholesterol|lipid[- ]lowering) (?:medicines?|medications?|meds|pills?|tablets?|drugs?|therapy|agents?)"],
    veto: [...NOT_TAKEN, ...NOT_A_CLASS_TAKEN],
    reason: "Cholesterol medicine named by its class in the medicine",
  },
];
