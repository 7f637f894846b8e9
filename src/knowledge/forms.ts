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
  "hair",
  "foam",
  "cream",
  "ointment",
  "lotion",
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

/** Raw patterns (not wrapped in word boundaries) meaning a non-systemic preparation: a strength in percent. */
const NOT_SYSTEMIC_RAW = ["\\d(?:\\.\\d+)?\\s?%"];

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
};

/** For rules with `requireForm: "oral"`: the text must contain one of these words. */
export const ORAL_FORM_WORDS = ["oral", "orally", "tablets?", "tabs?", "pills?", "pack", "chewable", "capsules?", "caps?", "by mouth", "PO"];
