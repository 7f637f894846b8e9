/**
 * Treatments that end a condition, when a record's own text says they were done (knowledge-source.md, free
 * text: "a code for end-stage kidney disease whose text says 's/p kidney transplant' … is judged by what the
 * text says, as a clinician would"; "Strength is raised only by evidence that still holds: a resolved
 * end-stage kidney disease (after a transplant, say) … stays in the record as past evidence").
 *
 * A liver transplant ends cirrhosis (the cirrhotic liver is removed), unless the text says it recurred in the graft.
 * A kidney transplant ends kidney failure and dialysis, not chronic kidney disease: the rule applies to
 * evidence of kidney failure (the escalating rules of chronic kidney disease: end-stage, stage 5, failure of
 * unstated kind) and to dialysis. Chronic kidney disease short of failure ("CKD stage 3 s/p kidney
 * transplant") and acute kidney failure ("AKI in a kidney transplant recipient") keep their status.
 *
 * Regular-expression fragments, case-insensitive, read anywhere in the record's own text (code.text; for a
 * record read by name, its whole text). Data only: the engine (src/engine/endedByTreatment.ts) applies them.
 */
import type { CauseId } from "./types";

export interface EndingTreatment {
  id: string;
  /** The causes whose evidence it ends; for causes in `escalatingOnly`, only evidence that escalates (kidney failure). */
  causes: readonly CauseId[];
  escalatingOnly: readonly CauseId[];
  /** The text says the treatment was done. */
  done: readonly string[];
  /** …unless it also says it failed, was rejected, or is only planned. */
  veto: readonly string[];
  /** The note shown with the evidence it makes past. */
  note: string;
  /** What says the treatment ends the condition (for reviewers and the knowledge report; not in the app's bundle). */
  source: string;
}

/** Words that say a transplant was not done, failed or is only planned: it ends nothing. */
const NOT_DONE = ["fail(?:ed|ing)", "(?:transplant|graft) failure", "reject\\w*", "await\\w*", "evaluat\\w*", "candidate", "wait[- ]?list\\w*", "pending", "planned", "referr\\w*"];

export const ENDING_TREATMENTS: readonly EndingTreatment[] = [
  {
    id: "kidney-transplant",
    causes: ["chronic-kidney-disease", "dialysis"],
    escalatingOnly: ["chronic-kidney-disease"],
    done: [
      "(?:s/p|status post|post|after|following|h/o|hx of|history of|with(?: a)?(?: functioning)?)[- ]+(?:(?:deceased|living)[- ]donor )?(?:(?:kidney|renal) (?:transplant|allograft|tx)|[DL][DR]KT|KTx?)",
      "(?:kidney|renal) (?:transplant|allograft) (?:recipient|status)",
      "(?:transplanted|functioning) (?:kidney|renal)",
    ],
    veto: [...NOT_DONE, "back on", "resumed"],
    note: "The record's words say a kidney transplant was done: this kidney failure or dialysis is past.",
    source: "docs/spec/knowledge-source.md, free text (\"a code for end-stage kidney disease whose text says 's/p kidney transplant' … is judged by what the text says\") and strength (\"a resolved end-stage kidney disease (after a transplant, say) … stays in the record as past evidence\")",
  },
  {
    // The cirrhotic liver is removed at a liver transplant: "Cirrhosis s/p OLT" is past cirrhosis, unless the
    // text says it came back in the new liver (recurrent disease in the graft) or the transplant is only planned.
    id: "liver-transplant",
    causes: ["cirrhosis"],
    escalatingOnly: [],
    done: [
      "(?:s/p|status post|post|after|following|h/o|hx of|history of|with(?: a)?)[- ]+(?:(?:deceased|living)[- ]donor )?(?:(?:orthotopic )?liver (?:transplant\\w*|allograft|tx)|OLT|OLTx|LTx)",
      "liver (?:transplant|allograft) (?:recipient|status)",
    ],
    veto: [...NOT_DONE, "recurr\\w*", "in (?:the )?(?:graft|allograft|transplant)", "graft cirrhosis", "listed"],
    note: "The record's words say a liver transplant was done: this cirrhosis is past.",
    source: "EASL Clinical Practice Guidelines: Liver transplantation (J Hepatol 2016;64(2):433–485): transplantation is the standard therapy for chronic liver failure; in the usual orthotopic technique the recipient's own (cirrhotic) liver is removed and replaced (StatPearls, Liver Transplantation, updated 2023); cirrhosis can recur in the graft (hence the veto)",
  },
];
