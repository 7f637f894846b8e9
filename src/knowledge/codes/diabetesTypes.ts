/**
 * How one record coded both as type 1 and as type 2 diabetes is read (knowledge-source.md, Diabetes): one
 * diabetes, not two. The record's own text decides when it names one type (the engine, src/engine/match.ts);
 * otherwise the type is not clear and the record is read as diabetes of unstated type, shown under type 2
 * diabetes. Data only: not a rule of its own (it is not one of CODE_RULES) but what replaces the words of the
 * type 2 code's rule on such a record; the code, its system and list stay that rule's.
 */
import type { CodeRule } from "../types";

export const DIABETES_TYPES_CONFLICT: Pick<CodeRule, "id" | "causes" | "reason" | "note" | "unstated" | "source"> = {
  id: "dm.types-conflict",
  causes: ["type-2-diabetes"],
  reason: "Diabetes recorded with both a type 1 and a type 2 code",
  note: "The record carries both a type 1 and a type 2 diabetes code and its text does not settle the type: shown once, under type 2 diabetes (the app's convention for diabetes whose type is not stated)",
  unstated: true,
  source: "knowledge-source.md, Diabetes (diabetes whose type the record does not state is shown under type 2 diabetes)",
};
