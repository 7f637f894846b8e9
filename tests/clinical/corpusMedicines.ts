/**
 * Clinical corpus, medicines of real charts (issue 20, round three): combination brands of the US, EU and
 * UK markets that keep every class they hold, the shorthand, spellings and display styles of real medication
 * lists, medicines named by their class, and look-alikes that must give nothing (a gel in the anus, an
 * inhaled challenge test, a flush-free supplement, an allergy). Each row: the record, the findings a
 * clinician expects (cause, currency, strength) and the clinical reason. Part of VOCABULARY_CORPUS
 * (corpusVocabulary.ts); same clock.
 */
import type { CauseId, Strength } from "../../src/engine/types";
import type { CorpusCase, ExpectedFinding } from "./corpus";
import { code, med, textMed } from "./records";

const POSSIBLE = "possible" as const;
const SOMETIMES = "sometimes-linked" as const;

const cur = (cause: CauseId, strength: Strength): ExpectedFinding => ({ cause, current: true, strength });
const past = (cause: CauseId, strength: Strength): ExpectedFinding => ({ cause, current: false, strength });

const DIURETIC = [cur("diuretics", POSSIBLE)];
const BP = [cur("blood-pressure-medicines", SOMETIMES)];
const LIPID = [cur("cholesterol-medicines", SOMETIMES)];
const DIURETIC_AND_BP = [cur("diuretics", POSSIBLE), cur("blood-pressure-medicines", SOMETIMES)];
const BP_AND_LIPID = [cur("blood-pressure-medicines", SOMETIMES), cur("cholesterol-medicines", SOMETIMES)];

/** Brands of a combination that holds a diuretic with a blood pressure medicine (or a thiazide alone). */
const DIURETIC_BP_BRANDS: [string, string][] = [
  ["Aldoclor 250 tablet", "methyldopa with chlorothiazide (US)"],
  ["Combipres 0.1 mg tablet", "clonidine with chlorthalidone (US)"],
  ["Minizide 1 capsule", "prazosin with polythiazide (US)"],
  ["Ser-Ap-Es tablet", "reserpine, hydralazine and hydrochlorothiazide (US)"],
  ["Hydropres 50 tablet", "reserpine with hydrochlorothiazide (US)"],
  ["Demi-Regroton tablet", "reserpine with chlorthalidone (US)"],
  ["Rasitrio 300/10/25 mg film-coated tablet", "aliskiren, amlodipine and hydrochlorothiazide (EU)"],
  ["Tolucombi 80 mg/12.5 mg tablet", "telmisartan with hydrochlorothiazide (EU)"],
  ["Ifirmacombi 150 mg/12.5 mg tablet", "irbesartan with hydrochlorothiazide (EU)"],
  ["Lorzaar plus 50/12.5 mg", "losartan with hydrochlorothiazide (EU)"],
  ["Concor Plus 5/12.5 mg", "bisoprolol with hydrochlorothiazide (EU)"],
  ["Delix plus 5/25 mg", "ramipril with hydrochlorothiazide (EU)"],
  ["Coversyl Arginine Plus 5 mg/1.25 mg tablet", "perindopril arginine with indapamide (UK)"],
  ["Diovan Comp 160/12.5 mg", "valsartan with hydrochlorothiazide (EU): \"comp\" names the thiazide"],
  ["Tritace Comp 5/25 mg", "ramipril with hydrochlorothiazide (EU)"],
  ["Ramipril comp. 5 mg/25 mg tablet", "a generic ACE inhibitor \"comp\": with hydrochlorothiazide"],
  ["Navispare tablet", "amiloride with cyclopenthiazide (UK)"],
  ["Moducren tablet", "timolol, amiloride and hydrochlorothiazide (UK)"],
  ["Prestim tablet", "timolol with bendroflumethiazide (UK)"],
  ["Secadrex 200 mg/12.5 mg tablet", "acebutolol with hydrochlorothiazide (UK)"],
  ["Viskaldix tablet", "pindolol with clopamide (UK)"],
  ["Trasidrex tablet", "oxprenolol with cyclopenthiazide (UK)"],
  ["Aldactide 50 tablet", "spironolactone with hydroflumethiazide (UK)"],
  ["Dytide capsule", "triamterene with benzthiazide (UK)"],
  ["Kalspare tablet", "triamterene with chlorthalidone (UK)"],
  ["Triam-Co tablet", "triamterene with hydrochlorothiazide (UK)"],
  ["benzthiazide 25 mg / triamterene 50 mg capsule", "benzthiazide, a thiazide, named in a generic"],
  ["Esidrix 25 mg tablet", "hydrochlorothiazide by an older US brand"],
  ["Oretic 50 mg tablet", "hydrochlorothiazide by an older US brand"],
  ["Naturetin 5 mg tablet", "bendroflumethiazide by its US brand"],
  ["Enduron 5 mg tablet", "methyclothiazide by its US brand"],
  ["Mykrox 0.5 mg tablet", "metolazone by its rapid-acting brand"],
];

/** Brands of a combination of blood pressure medicines with no diuretic, or of a class the list missed. */
const BP_BRANDS: [string, string][] = [
  ["Valturna 150/160 mg tablet", "aliskiren with valsartan (US)"],
  ["Lexxel 5-5 mg extended-release tablet", "enalapril with felodipine (US)"],
  ["Teczem 5/180 mg tablet", "enalapril with diltiazem (US)"],
  ["Copalia 5 mg/160 mg film-coated tablet", "amlodipine with valsartan (EU)"],
  ["Dafiro 5 mg/80 mg film-coated tablet", "amlodipine with valsartan (EU)"],
  ["Imprida 5 mg/160 mg tablet", "amlodipine with valsartan (EU)"],
  ["Coveram 5 mg/5 mg tablet", "perindopril with amlodipine (EU)"],
  ["Viacoram 3.5 mg/2.5 mg tablet", "perindopril with amlodipine (EU)"],
  ["Zanipress 10 mg/10 mg film-coated tablet", "enalapril with lercanidipine (EU)"],
  ["Lercaprel 10 mg/10 mg tablet", "enalapril with lercanidipine (EU)"],
  ["Triapin 5 mg/5 mg prolonged-release tablet", "ramipril with felodipine (EU)"],
  ["Logimax 5 mg/47.5 mg prolonged-release tablet", "felodipine with metoprolol (EU)"],
  ["Rasilamlo 150 mg/5 mg film-coated tablet", "aliskiren with amlodipine (EU)"],
  ["Neparvis 49 mg/51 mg film-coated tablet", "sacubitril with valsartan (EU, as Entresto)"],
  ["Tenif capsule", "atenolol with nifedipine (UK)"],
  ["Aldomet 250 mg tablet", "methyldopa by its brand"],
  ["guanabenz 4 mg tablet", "a central alpha agonist, as clonidine"],
  ["Betapace 80 mg tablet", "sotalol by its brand (a beta blocker)"],
  ["Levatol 20 mg tablet", "penbutolol by its brand"],
  ["Dilt-XR 240 mg capsule", "diltiazem extended-release by its brand"],
  ["Taztia XT 120 mg capsule", "diltiazem by its brand"],
  ["Matzim LA 180 mg tablet", "diltiazem by its brand"],
  ["Afeditab CR 30 mg tablet", "nifedipine extended-release by its brand"],
  ["Nymalize 60 mg/10 mL oral solution", "nimodipine by its brand"],
  ["Cleviprex 0.5 mg/mL infusion", "clevidipine by its brand"],
  ["Prexxartan 20 mg/5 mL oral solution", "valsartan oral solution by its brand"],
  ["Norliqva 1 mg/mL oral solution", "amlodipine oral solution by its brand"],
];

const LIPID_BRANDS: [string, string][] = [
  ["Pravigard PAC", "buffered aspirin with pravastatin (US)"],
  ["Suvezen 10 mg/10 mg tablet", "rosuvastatin with ezetimibe (EU)"],
  ["Rosuzet 10 mg/10 mg composite pack", "rosuvastatin with ezetimibe (EU)"],
  ["Lofibra 160 mg tablet", "fenofibrate by its US brand"],
  ["Lipantil Micro 200 mg capsule", "fenofibrate by its UK brand"],
  ["Bezalip Mono 400 mg tablet", "bezafibrate by its brand"],
  ["Modalim 100 mg tablet", "ciprofibrate by its brand"],
  ["lomitapide (JUXTAPID) 5 mg capsule", "lomitapide for familial hypercholesterolaemia (WHO ATC C10AX12)"],
  ["Evkeeza 345 mg/2.3 mL infusion", "evinacumab for familial hypercholesterolaemia (WHO ATC C10AX17)"],
];

const brandRows = (prefix: string, rows: [string, string][], expect: ExpectedFinding[], what: string): CorpusCase[] =>
  rows.map(([text, about], i) => ({
    id: `${prefix}-${i + 1}`,
    class: "combination-products",
    records: [textMed(text)],
    expect,
    reason: `${about}: ${what}.`,
  }));

export const MEDICINE_VOCABULARY_CORPUS: CorpusCase[] = [
  // ---------------------------------------------------------------- combination brands and brands the lists missed
  ...brandRows("mb-diuretic-bp", DIURETIC_BP_BRANDS, DIURETIC_AND_BP, "a diuretic and a blood pressure medicine, by name"),
  ...brandRows("mb-bp", BP_BRANDS, BP, "a blood pressure medicine, by name, and no diuretic"),
  ...brandRows("mb-lipid", LIPID_BRANDS, LIPID, "a cholesterol medicine, by name"),
  { id: "mb-lasikal", class: "combination-products", records: [textMed("Lasikal tablet")], expect: DIURETIC, reason: "Furosemide with potassium chloride (UK): a loop diuretic, no thiazide." },
  { id: "mb-kerendia", class: "combination-products", records: [textMed("Kerendia 10 mg tablet")], expect: DIURETIC, reason: "Finerenone by its brand: the knowledge base counts finerenone with the potassium-sparing diuretics." },
  { id: "mb-keveyis", class: "combination-products", records: [textMed("dichlorphenamide (KEVEYIS) 50 mg tablet")], expect: DIURETIC, reason: "Dichlorphenamide taken by mouth is a systemic carbonic anhydrase inhibitor." },
  { id: "mb-neptazane", class: "combination-products", records: [textMed("Neptazane 50 mg tablet")], expect: DIURETIC, reason: "Methazolamide by its brand: a carbonic anhydrase inhibitor taken by mouth." },
  { id: "mb-atc-c10bx17", class: "combination-products", records: [med(code("atc", "C10BX17"))], expect: BP_AND_LIPID, reason: "ATC C10BX17 rosuvastatin and ramipril: a cholesterol and a blood pressure medicine." },
  { id: "mb-atc-c10bx18", class: "combination-products", records: [med(code("atc", "C10BX18", "atorvastatin, amlodipine and ramipril"))], expect: BP_AND_LIPID, reason: "A statin with two blood pressure medicines, none of them a diuretic." },
  { id: "mb-atc-c10bx22", class: "combination-products", records: [med(code("atc", "C10BX22"))], expect: BP_AND_LIPID, reason: "ATC C10BX22 rosuvastatin and nebivolol: a statin with a beta blocker." },
  { id: "mb-atc-c09dx08", class: "combination-products", records: [med(code("atc", "C09DX08"))], expect: DIURETIC_AND_BP, reason: "ATC C09DX08 telmisartan, amlodipine and hydrochlorothiazide: it holds a diuretic." },
  { id: "mb-atc-c09bx06", class: "combination-products", records: [med(code("atc", "C09BX06", "perindopril, bisoprolol, amlodipine and indapamide"))], expect: DIURETIC_AND_BP, reason: "Four blood pressure medicines, one of them the thiazide-like indapamide." },
  { id: "mb-simcor-epic", class: "combination-products", records: [textMed("niacin-simvastatin (SIMCOR) 500-20 MG per tablet")], expect: LIPID, reason: "Niacin with simvastatin in Epic's display: the statin's 20 mg is not a vitamin dose of niacin, and both are cholesterol medicines." },
  { id: "mb-advicor-epic", class: "combination-products", records: [textMed("niacin ER-lovastatin (ADVICOR) 1000-20 MG tablet")], expect: LIPID, reason: "Lipid-dose niacin with lovastatin: a cholesterol medicine." },
  { id: "mb-rxnorm-clopamide-pindolol", class: "combination-products", records: [med(code("rxnorm", "199717", "clopamide 5 MG / pindolol 10 MG Oral Tablet"))], expect: DIURETIC_AND_BP, reason: "By RxNorm code: pindolol with clopamide, a thiazide-like diuretic, keeps both classes." },

  // ---------------------------------------------------------------- shorthand, spellings and display styles of medication lists
  { id: "ms-amlo", class: "medicine-shorthand", records: [textMed("amlo 5 mg daily")], expect: BP, reason: "\"amlo\" is how lists shorten amlodipine." },
  { id: "ms-atorva", class: "medicine-shorthand", records: [textMed("atorva 40 mg qhs")], expect: LIPID, reason: "\"atorva\" is atorvastatin." },
  { id: "ms-simva", class: "medicine-shorthand", records: [textMed("Simva 20 mg")], expect: LIPID, reason: "\"Simva\" is simvastatin." },
  { id: "ms-rosuva", class: "medicine-shorthand", records: [textMed("rosuva 10 mg")], expect: LIPID, reason: "\"rosuva\" is rosuvastatin." },
  { id: "ms-metop-succ", class: "medicine-shorthand", records: [textMed("metop succ 25 mg")], expect: BP, reason: "\"metop succ\" is metoprolol succinate." },
  { id: "ms-spiro", class: "medicine-shorthand", records: [textMed("spiro 25 mg daily")], expect: DIURETIC, reason: "\"spiro\" is spironolactone, a potassium-sparing diuretic." },
  { id: "ms-spirometry", class: "medicine-shorthand", records: [textMed("Spiriva 18 mcg inhalation capsule")], expect: [], reason: "Tiotropium is not spironolactone: \"spiro\" is matched as a whole word only." },
  { id: "ms-hctz-glued-dose", class: "medicine-shorthand", records: [textMed("HCTZ12.5mg daily")], expect: DIURETIC_AND_BP, reason: "HCTZ with its dose typed on is still hydrochlorothiazide." },
  { id: "ms-hydrochlorthiazide", class: "medicine-shorthand", records: [textMed("hydrochlorthiazide 25 mg tablet")], expect: DIURETIC_AND_BP, reason: "A common misspelling of hydrochlorothiazide." },
  { id: "ms-simvistatin", class: "medicine-shorthand", records: [textMed("Simvistatin 10 MG")], expect: LIPID, reason: "A misspelling of simvastatin found in real and synthetic records." },
  { id: "ms-furosemid", class: "medicine-shorthand", records: [textMed("Furosemid 40 mg Tablette")], expect: DIURETIC, reason: "The German and Nordic spelling of furosemide." },
  { id: "ms-torasemid", class: "medicine-shorthand", records: [textMed("Torasemid 10 mg")], expect: DIURETIC, reason: "The German spelling of torasemide." },
  { id: "ms-spironolacton", class: "medicine-shorthand", records: [textMed("Spironolacton 25 mg")], expect: DIURETIC, reason: "The German and Dutch spelling of spironolactone." },
  { id: "ms-amlodipin", class: "medicine-shorthand", records: [textMed("Amlodipin 5 mg")], expect: BP, reason: "The German and Nordic spelling of amlodipine." },
  { id: "ms-hydrochlorothiazid", class: "medicine-shorthand", records: [textMed("Candesartan/Hydrochlorothiazid 16/12,5 mg")], expect: DIURETIC_AND_BP, reason: "The German spelling of hydrochlorothiazide, in a combination." },
  { id: "ms-indapamid", class: "medicine-shorthand", records: [textMed("Indapamid 1,5 mg Retardtablette")], expect: DIURETIC_AND_BP, reason: "The German spelling of indapamide, a thiazide-like diuretic." },
  { id: "ms-class-statin", class: "medicine-shorthand", records: [textMed("Statin (patient unsure which)", { kind: "statement" })], expect: LIPID, reason: "A patient-reported statin whose name is not known is still a statin." },
  { id: "ms-class-water-pill", class: "medicine-shorthand", records: [textMed("water pill daily", { kind: "statement" })], expect: DIURETIC, reason: "\"Water pill\" is a diuretic." },
  { id: "ms-class-thiazide", class: "medicine-shorthand", records: [textMed("thiazide diuretic", { kind: "statement" })], expect: DIURETIC_AND_BP, reason: "A thiazide is a diuretic and a blood pressure medicine." },
  { id: "ms-class-beta-blocker", class: "medicine-shorthand", records: [textMed("beta blocker, dose unknown", { kind: "statement" })], expect: BP, reason: "A beta blocker is a blood pressure medicine." },
  { id: "ms-class-bp-med", class: "medicine-shorthand", records: [textMed("BP med from outside doctor", { kind: "statement" })], expect: BP, reason: "\"BP med\" is a blood pressure medicine." },
  { id: "ms-class-arb", class: "medicine-shorthand", records: [textMed("ARB", { kind: "statement" })], expect: BP, reason: "An angiotensin receptor blocker." },
  { id: "ms-class-history", class: "medicine-shorthand", records: [textMed("h/o statin", { kind: "statement" })], expect: [past("cholesterol-medicines", SOMETIMES)], reason: "History of a medicine makes at most a past finding, as for other medicine text." },
  { id: "ms-class-negated", class: "medicine-shorthand", records: [textMed("no statin", { kind: "statement" })], expect: [], reason: "Negated, as any name." },

  // ---------------------------------------------------------------- look-alikes that must give nothing
  { id: "ml-diltiazem-gel", class: "medicine-look-alikes", records: [textMed("diltiazem gel, apply to anal fissure")], expect: [], reason: "Diltiazem gel treats an anal fissure where it is applied: not a blood pressure medicine." },
  { id: "ml-nifedipine-rectal", class: "medicine-look-alikes", records: [textMed("nifedipine compounded, apply rectally twice daily")], expect: [], reason: "Compounded nifedipine for a fissure, applied rectally." },
  { id: "ml-nifedipine-gel-cap", class: "medicine-look-alikes", records: [textMed("NIFEdipine 10 mg gel capsule")], expect: BP, reason: "A gel capsule is taken by mouth: the gel veto spares it." },
  { id: "ml-aridol", class: "medicine-look-alikes", records: [textMed("mannitol inhalation powder (ARIDOL) bronchial challenge kit")], expect: [], reason: "Inhaled mannitol is a bronchial challenge test, not a diuretic." },
  { id: "ml-bronchitol", class: "medicine-look-alikes", records: [textMed("mannitol (BRONCHITOL) 40 mg inhalation powder, hard capsules")], expect: [], reason: "Inhaled mannitol for cystic fibrosis mucus, not a diuretic." },
  { id: "ml-niacin-flush-free", class: "medicine-look-alikes", records: [textMed("Niacin flush free 500 mg capsule")], expect: [], reason: "\"Flush-free\" niacin is inositol hexanicotinate, a supplement that releases no nicotinic acid." },
  { id: "ml-no-flush-niacin", class: "medicine-look-alikes", records: [textMed("Niacin no-flush 500 mg capsule")], expect: [], reason: "The same supplement, with the word after the name." },
  { id: "ml-lisinopril-allergy", class: "medicine-look-alikes", records: [textMed("Lisinopril allergy (angioedema)", { kind: "statement" })], expect: [], reason: "An ACE-inhibitor allergy is not an ACE inhibitor (knowledge-source.md)." },
  { id: "ml-statin-intolerance", class: "medicine-look-alikes", records: [textMed("Statin intolerance - myalgia", { kind: "statement" })], expect: [], reason: "A statin the patient cannot take is not a statin taken." },
  { id: "ml-antidiuretic", class: "medicine-look-alikes", records: [textMed("desmopressin (anti-diuretic hormone) 0.1 mg tablet")], expect: [], reason: "An antidiuretic does the opposite of a diuretic." },
  { id: "ml-comp-other", class: "medicine-look-alikes", records: [textMed("Ciprofloxacin comp 500 mg")], expect: [], reason: "\"comp\" names a thiazide only after a blood pressure medicine." },
  { id: "ml-plus-conjunction", class: "medicine-look-alikes", records: [textMed("lisinopril plus amlodipine")], expect: BP, reason: "\"plus\" as a word joining two blood pressure medicines adds no diuretic." },
  // ---------------------------------------------------------------- review of the 1.5.0 vocabulary: a medicine not taken
  { id: "ml-statin-declined", class: "medicine-look-alikes", records: [textMed("Statin declined", { kind: "statement" })], expect: [], reason: "A statin the patient declined is not a statin taken." },
  { id: "ml-water-pill-discontinued", class: "medicine-look-alikes", records: [textMed("water pill discontinued", { kind: "statement" })], expect: [], reason: "A diuretic the text says was stopped is not taken now, whatever the record's status." },
  { id: "ml-metoprolol-not-taking", class: "medicine-look-alikes", records: [textMed("Metoprolol 25 mg (patient not taking)", { kind: "statement" })], expect: [], reason: "The patient does not take it." },
  { id: "ml-lisinopril-do-not-use", class: "medicine-look-alikes", records: [textMed("Lisinopril (angioedema, do not use)", { kind: "statement" })], expect: [], reason: "A medicine not to be used is not taken." },
  { id: "ml-statin-induced", class: "medicine-look-alikes", records: [textMed("Statin-induced myopathy", { kind: "statement" })], expect: [], reason: "The medicine's harm reported on a medicine list: an adverse reaction, not the medicine taken." },
  { id: "ml-ccb-toxicity", class: "medicine-look-alikes", records: [textMed("CCB toxicity", { kind: "statement" })], expect: [], reason: "Poisoning by a calcium channel blocker, not a medicine taken." },
  { id: "ml-avoid-beta-blockers", class: "medicine-look-alikes", records: [textMed("Avoid beta blockers (asthma)", { kind: "statement" })], expect: [], reason: "Advice to avoid a class names no medicine taken." },
  { id: "ml-bp-meds-none", class: "medicine-look-alikes", records: [textMed("BP meds: none", { kind: "statement" })], expect: [], reason: "An empty list entry." },
  { id: "ml-simvastatin-avoid-grapefruit", class: "medicine-look-alikes", records: [textMed("Simvastatin 20 mg - avoid grapefruit juice")], expect: LIPID, reason: "Advice in the instructions does not stop a named medicine counting." },
  { id: "ml-not-on-formulary", class: "medicine-look-alikes", records: [textMed("Amlodipine 5 mg (not on formulary, patient's own supply)")], expect: BP, reason: "Not on the hospital's formulary: the patient still takes it." },
  { id: "ml-nifedipine-fissure", class: "medicine-look-alikes", records: [textMed("Nifedipine for anal fissure")], expect: [], reason: "Nifedipine for an anal fissure is applied there (an ointment), not a blood pressure medicine." },
  { id: "ml-verapamil-intralesional", class: "medicine-look-alikes", records: [textMed("Verapamil intralesional injection for Peyronie's")], expect: [], reason: "Injected into a plaque of the penis: not systemic." },
  { id: "ml-hct-hydrocortisone", class: "medicine-look-alikes", records: [textMed("Hydrocortisone (HCT) 10 mg tablet")], expect: [], reason: "HCT is also hydrocortisone: not a thiazide." },
  // oral minoxidil for hair loss is systemic; topical minoxidil stays nothing (review of 1.5.0)
  { id: "ml-minoxidil-tablet-hair-loss", class: "medicine-look-alikes", records: [textMed("Minoxidil 2.5 mg tablet for hair loss")], expect: BP, reason: "Low-dose oral minoxidil for hair loss is still minoxidil taken by mouth, a direct vasodilator: what it treats does not make a tablet topical." },
  { id: "ml-spironolactone-tablet-hair-loss", class: "medicine-look-alikes", records: [textMed("Spironolactone 100 mg tablet for hair loss")], expect: DIURETIC, reason: "Spironolactone tablets for hair loss are the diuretic taken by mouth." },
  { id: "ml-minoxidil-solution-hair-loss", class: "medicine-look-alikes", records: [textMed("Minoxidil 5% solution for hair loss")], expect: [], reason: "A solution in percent for the scalp: topical." },
  { id: "ml-minoxidil-hair-regrowth", class: "medicine-look-alikes", records: [textMed("Minoxidil for hair regrowth")], expect: [], reason: "No form said: minoxidil counts only when the record says it is taken by mouth." },
];
