/**
 * Dose-form and use words checked on a medicine's text (regular-expression fragments, case-insensitive,
 * between word boundaries), and the few raw patterns that are not words.
 */
import type { CauseId } from "./types";

/**
 * Words meaning the medicine is not systemic (eye/ear drops, skin, scalp), including the brands of eye-drop
 * beta blockers and topical minoxidil: never a diuretic or a blood pressure medicine (knowledge-source.md:
 * "Only systemic forms (no eye drops, no topical minoxidil)").
 */
const NOT_SYSTEMIC = [
  "ophthalmic",
  "ophth",
  "eye",
  "eyes",
  "eye drops?",
  "ocular",
  "intraocular",
  "drops?",
  "gtts?",
  "gel[- ]forming",
  "otic",
  "topical",
  "topically",
  "cutaneous",
  "transdermal foam",
  "shampoo",
  "scalp",
  // not "hair": oral minoxidil for hair loss is systemic (its rule requires a form taken by mouth); topical
  // minoxidil still says solution in percent, foam, topical or Rogaine (review of 1.5.0)
  "foam",
  "cream",
  "ointment",
  "lotion",
  // a gel on the skin or in the anus (diltiazem or nifedipine for an anal fissure), not a gel capsule
  "gel(?![- ]?cap)",
  "rectal",
  "rectally",
  "perianal",
  // an anal fissure is treated with a gel or ointment of diltiazem or nifedipine, not a tablet (review of 1.5.0)
  "fissures?",
  // injected into a lesion or around the spinal cord (verapamil for Peyronie's, clonidine for pain)
  "intralesional",
  "epidural",
  "intrathecal",
  // in the nose or the airways (inhaled mannitol is a bronchial challenge test or a mucus treatment, not a diuretic)
  "nasal",
  "intranasal",
  "inhal\\w*",
  "nebuli[sz]\\w*",
  "aridol",
  "bronchitol",
  "timoptic",
  "istalol",
  "betimol",
  "betoptic",
  "betagan",
  "ocupress",
  "optipranolol",
  "combigan",
  "cosopt",
  "rogaine",
];

/** Words saying a medicine is taken by mouth. */
const ORAL_ROUTE_WORDS = ["oral", "orally", "tablets?", "tabs?", "capsules?", "caps?", "by mouth", "PO"];

/** Oral forms too, for rules requiring one; not among the words that cancel the percent-strength veto (FORM_VETOES_RAW_UNLESS). */
const ORAL_PACK_WORDS = ["pills?", "pack", "chewable"];

/** Words saying a preparation is given by injection or infusion: a systemic medicine. */
const INJECTED_FORM_WORDS = [
  "intravenous(?:ly)?",
  "IV",
  "IVPB",
  "infusion",
  "injection",
  "injectable",
  "inj",
  "parenteral",
  "premix(?:ed)?",
  "vial",
];

/** Raw patterns (not wrapped in word boundaries) meaning a non-systemic preparation: a strength in percent. */
const NOT_SYSTEMIC_RAW = ["\\d(?:\\.\\d+)?\\s?%"];

/**
 * Niacin is a cholesterol medicine only at lipid doses (knowledge-source.md, Cholesterol medicines): a
 * niacin strength below 250 mg, or niacin inside a multivitamin, is a vitamin. Source of the lipid doses:
 * the niacin extended-release label (DailyMed, "Niacin tablet, extended release", setid
 * 44335547-b1a5-424a-b8a9-692aa26f02be: "Dose range: 500 mg to 2000 mg once daily", started at 500 mg).
 * The cut-off sits at half that lowest dose, so that immediate-release niacin started lower (250 mg, as
 * reported for Niacor; not verified here) still counts; vitamin B3 supplements hold well under it.
 * Raw patterns: "niacin 50 mg", "50 mg niacin", "niacin (vitamin B3) 100 MG", "B-complex with niacin".
 */
const NIACIN_VITAMIN_DOSE = "(?:[1-9]|[1-9]\\d|1\\d\\d|2[0-4]\\d)(?:\\.\\d+)?\\s?(?:mg|MG|milligrams?)\\b";
const NIACIN_NAME = "\\b(?:niacin|nicotinic acid)\\b";
const VITAMIN_NIACIN = [
  `${NIACIN_NAME}[^|/;]{0,30}?(?<![\\d.])${NIACIN_VITAMIN_DOSE}`,
  `(?<![\\d.])${NIACIN_VITAMIN_DOSE}[^|/;\\d]{0,12}?${NIACIN_NAME}`,
  `\\b(?:multi-?vitamins?|multiple vitamins?|MVI|b[- ]complex|vitamin b[- ]complex|prenatal vitamins?)\\b[^|]*${NIACIN_NAME}`,
  `${NIACIN_NAME}[^|]*\\b(?:multi-?vitamins?|multiple vitamins?|b[- ]complex)\\b`,
  // "flush-free" / "no-flush" niacin is inositol hexanicotinate, a supplement that contains no free nicotinic acid
  // (Meyers CD et al., "Varying cost and free nicotinic acid content in over-the-counter niacin preparations for
  // dyslipidemia", Ann Intern Med 2003;139(12):996–1002): not a lipid medicine
  `\\b(?:flush[- ]?free|no[- ]?flush|non[- ]?flush\\w*)\\b[^|]*${NIACIN_NAME}`,
  `${NIACIN_NAME}[^|]*\\b(?:flush[- ]?free|no[- ]?flush|non[- ]?flush\\w*)\\b`,
];

/** Words meaning a hormonal contraceptive is not a pill (or not a contraceptive at all). */
const NOT_PILL = [
  "implant",
  "intrauterine",
  "IUD",
  "IUS",
  "vaginal",
  "ring",
  "transdermal",
  "patch",
  "injection",
  "injectable",
  "syringe",
  "subdermal",
  "mirena",
  "kyleena",
  "liletta",
  "skyla",
  "nexplanon",
  "implanon",
  "nuvaring",
  "annovera",
  "xulane",
  "twirla",
  "ortho evra",
  "depo-?provera",
  "depo-subq",
];

/**
 * Menopausal hormone therapy is not birth control (knowledge-source.md, "Hormone therapy is not birth
 * control"): estradiol-based products (not ethinyl estradiol; estradiol valerate with dienogest is a pill,
 * Natazia), ethinyl estradiol 5 micrograms or less, norethindrone acetate 5 mg alone, and the hormone
 * therapy brands.
 */
const HORMONE_THERAPY = [
  "(?<!ethinyl )(?<!ethinyl)estradiol(?! valerate)",
  "ethinyl ?estradiol (?:0\\.00(?:[0-4]\\d*|50*)\\s*mg|(?:[1-4](?:\\.\\d+)?|5(?:\\.0+)?)\\s*(?:mcg|µg|ug|micrograms?))",
  "(?<!/ )(?<!ethinyl estradiol \\d\\.\\d{1,4} mg / )norethindrone acetate 5 ?mg",
  "conjugated estrogens",
  "esterified estrogens",
  "estrogens?, conjugated",
  "menopaus\\w*",
  "post-?menopausal",
  "hormone replacement",
  "HRT",
  "vasomotor",
  "femhrt",
  "jinteli",
  "fyavolv",
  "activella",
  "mimvey",
  "amabelz",
  "lopreeza",
  "angeliq",
  "prefest",
  "prempro",
  "premphase",
  "premarin",
  "bijuva",
  "climara",
  "combipatch",
  "duavee",
  "aygestin",
];

/** A medicine of these causes whose text contains one of these words does not count for the cause. */
export const FORM_VETOES: Partial<Record<CauseId, string[]>> = {
  diuretics: NOT_SYSTEMIC,
  "blood-pressure-medicines": NOT_SYSTEMIC,
  "birth-control-pills": [...NOT_PILL, ...HORMONE_THERAPY],
};

/** Raw-pattern vetoes (compiled as written, without word boundaries). */
export const FORM_VETOES_RAW: Partial<Record<CauseId, string[]>> = {
  diuretics: NOT_SYSTEMIC_RAW,
  "blood-pressure-medicines": NOT_SYSTEMIC_RAW,
  "cholesterol-medicines": VITAMIN_NIACIN,
};

/**
 * Words that cancel a cause's raw veto: a strength in percent does not make a medicine given by mouth,
 * injection or infusion an eye drop (mannitol 20 % intravenous, nicardipine in 0.86 % sodium chloride: a
 * systemic medicine is judged by its form, knowledge-source.md, Combination products). Mannitol (Osmitrol)
 * is named because it is never an eye drop. Matched between word boundaries, case-insensitive; one list
 * for both causes (compiled once).
 */
const NOT_EYE_DROPS = [...ORAL_ROUTE_WORDS, ...INJECTED_FORM_WORDS, "mannitol", "osmitrol"];

/**
 * A niacin combination's other lipid medicine (niacin with simvastatin or lovastatin: Simcor, Advicor) is a
 * cholesterol medicine whatever the niacin dose: "niacin-simvastatin 500-20 MG" is not a vitamin because its
 * statin strength is below 250 mg.
 */
const OTHER_LIPID_MEDICINES = ["\\w+vastatin", "ezetimibe", "fenofibr\\w*", "gemfibrozil", "simcor", "advicor", "tredaptive", "laropiprant"];

export const FORM_VETOES_RAW_UNLESS: Partial<Record<CauseId, readonly string[]>> = {
  diuretics: NOT_EYE_DROPS,
  "blood-pressure-medicines": NOT_EYE_DROPS,
  "cholesterol-medicines": OTHER_LIPID_MEDICINES,
};

/** A cause's raw veto is tried only when the text contains one of these (a cheap test first). */
export const FORM_VETOES_RAW_ONLY_WITH: Partial<Record<CauseId, string>> = {
  "cholesterol-medicines": "niacin|nicotinic",
};

/** What each raw veto means, in words (for the knowledge report). */
export const FORM_VETOES_RAW_MEANING: Partial<Record<CauseId, string>> = {
  diuretics: "a strength in percent (eye drops, skin) when nothing says by mouth, injection or infusion",
  "blood-pressure-medicines": "a strength in percent (eye drops, skin) when nothing says by mouth, injection or infusion",
  "cholesterol-medicines":
    "niacin at a vitamin dose (a strength below 250 mg, half the lowest lipid dose of the niacin extended-release label on DailyMed), inside a multivitamin, or \"flush-free\" (a supplement with no free nicotinic acid: Meyers et al., Ann Intern Med 2003)",
};

/** For rules with `requireForm: "oral"`: the text must contain one of these words. */
export const ORAL_FORM_WORDS = [...ORAL_ROUTE_WORDS, ...ORAL_PACK_WORDS];

/** For rules with `requireForm: "systemic"`: by mouth, or by injection or infusion. */
export const SYSTEMIC_ROUTE_WORDS = [...ORAL_FORM_WORDS, ...INJECTED_FORM_WORDS];
