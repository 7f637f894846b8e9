/**
 * FHIR date handling without local-time surprises: partial dates ("1950", "1950-04") are read as UTC
 * calendar parts, never through `new Date(string)` on a date-only value.
 */
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T.*)?)?)?$/;

export interface DateParts {
  year: number;
  month?: number; // 1-12
  day?: number; // 1-31
}

export function dateParts(value: string | undefined): DateParts | undefined {
  if (!value) return undefined;
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { year, month, day };
}

/** Milliseconds since the epoch for a FHIR date/dateTime; partial dates start at their first instant (UTC). */
export function toMillis(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const cached = MILLIS_CACHE.get(value);
  if (cached !== undefined || MILLIS_CACHE.has(value)) return cached;
  const result = parseMillis(value);
  if (MILLIS_CACHE.size >= 50_000) MILLIS_CACHE.clear();
  MILLIS_CACHE.set(value, result);
  return result;
}

/** Memo of parsed dates (pure: depends only on the string). */
const MILLIS_CACHE = new Map<string, number | undefined>();

function parseMillis(value: string): number | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  if (m[4]) {
    const t = Date.parse(value.trim());
    if (!Number.isNaN(t)) return t;
  }
  const p = dateParts(value);
  if (!p) return undefined;
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1);
}

/** Calendar parts of an instant, in UTC. */
export function utcParts(date: Date): DateParts | undefined {
  const t = date.getTime();
  if (Number.isNaN(t)) return undefined;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Whole years between a birth date and a reference date, both possibly partial. When a part is
 * missing the youngest possible age is returned (birth at the end of the period, reference at its
 * start), so a threshold is never reached by guesswork.
 */
export function ageInYears(birth: DateParts, at: DateParts): number {
  const bMonth = birth.month ?? 12;
  const bDay = birth.day ?? 31;
  const aMonth = at.month ?? 1;
  const aDay = at.day ?? 1;
  let age = at.year - birth.year;
  if (aMonth < bMonth || (aMonth === bMonth && aDay < bDay)) age -= 1;
  return age;
}

/** The calendar date (YYYY-MM-DD, UTC) of an instant, for notes. */
export function isoDay(date: Date): string {
  const p = utcParts(date);
  if (!p) return "unknown date";
  const mm = String(p.month).padStart(2, "0");
  const dd = String(p.day).padStart(2, "0");
  return `${p.year}-${mm}-${dd}`;
}

/**
 * The date a condition was recorded at a visit: its recorded date, else its onset (FHIR partial dates kept
 * as strings). Here, with no knowledge imported, so the report can word it without loading the engine.
 */
export function visitDateOf(dates: { recorded?: string; onset?: string }): string | undefined {
  return dates.recorded ?? dates.onset;
}
