/**
 * A medicine's dose as plain text, for the clinician: MedicationRequest.dosageInstruction[0] or
 * MedicationStatement.dosage[0] — its `text` when written, else built from the structured parts (dose,
 * frequency, route, as needed). Control characters are removed, whitespace collapsed, and the result
 * clipped (DOSE_TEXT_MAX). Never throws; undefined when nothing usable is recorded.
 */
import { DOSE_TEXT_MAX } from "../knowledge";
import { arr, field, isObj, str } from "./read";

// Control characters (C0, DEL, C1) and bidirectional overrides never reach the screen.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function clean(text: string): string | undefined {
  const out = text.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  if (!out) return undefined;
  return out.length > DOSE_TEXT_MAX ? `${out.slice(0, DOSE_TEXT_MAX - 1).trimEnd()}…` : out;
}

function num(x: unknown): string | undefined {
  return typeof x === "number" && Number.isFinite(x) ? String(x) : undefined;
}

function quantity(q: unknown): string | undefined {
  if (!isObj(q)) return undefined;
  const value = num(q.value);
  if (!value) return undefined;
  const unit = str(q.unit) ?? str(q.code);
  return unit ? `${value} ${unit}` : value;
}

function doseQuantity(dosage: Record<string, unknown>): string | undefined {
  for (const dr of arr(dosage.doseAndRate)) {
    if (!isObj(dr)) continue;
    const q = quantity(dr.doseQuantity);
    if (q) return q;
    const range = dr.doseRange;
    if (isObj(range)) {
      const low = quantity(range.low);
      const high = quantity(range.high);
      if (low && high) return `${low} to ${high}`;
    }
  }
  return undefined;
}

const PERIOD_UNIT: Readonly<Record<string, string>> = { s: "second", min: "minute", h: "hour", d: "day", wk: "week", mo: "month", a: "year" };

function timing(t: unknown): string | undefined {
  if (!isObj(t)) return undefined;
  const codeText = str(field(t.code, "text"));
  if (codeText) return codeText;
  const repeat = t.repeat;
  if (!isObj(repeat)) return undefined;
  const frequency = typeof repeat.frequency === "number" ? repeat.frequency : undefined;
  const period = typeof repeat.period === "number" ? repeat.period : undefined;
  const unit = str(repeat.periodUnit);
  const unitWord = unit ? PERIOD_UNIT[unit] : undefined;
  if (frequency === undefined || period === undefined || !unitWord) return undefined;
  const every = period === 1 ? unitWord : `${period} ${unitWord}s`;
  return `${frequency} time${frequency === 1 ? "" : "s"} every ${every}`;
}

/** The first dosage of a medicine record (dosageInstruction for a request, dosage for a statement). */
export function doseText(resource: Record<string, unknown>): string | undefined {
  const list = resource.resourceType === "MedicationStatement" ? resource.dosage : resource.dosageInstruction;
  const first = arr(list)[0];
  if (!isObj(first)) return undefined;
  const written = str(first.text);
  if (written) return clean(written);
  const parts: string[] = [];
  const dose = doseQuantity(first);
  if (dose) parts.push(dose);
  const when = timing(first.timing);
  if (when) parts.push(when);
  const route = str(field(first.route, "text")) ?? str(field(arr(field(first.route, "coding"))[0], "display"));
  if (route) parts.push(route);
  if (first.asNeededBoolean === true || isObj(first.asNeededCodeableConcept)) parts.push("as needed");
  return parts.length > 0 ? clean(parts.join(", ")) : undefined;
}
