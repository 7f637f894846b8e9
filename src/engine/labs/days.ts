/**
 * Calendar days and ages for lab rules, from dates as written (src/engine/dates.ts reads them without
 * `new Date(string)`). A partial date covers a span of days: rules use its first or last day, whichever
 * claims less.
 */
import { type DateParts, dateParts, utcParts } from "../dates";

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1-12; a day past the month's end rolls over,
 * as Date.UTC does), in integer arithmetic: the "days from civil" algorithm (H. Hinnant).
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number (days since 1970-01-01) of the first day a date can be. */
export function firstDay(p: DateParts): number {
  return dayNumber(p.year, p.month ?? 1, p.day ?? 1);
}

/** Day number of the last day a date can be. */
export function lastDay(p: DateParts): number {
  if (p.day !== undefined) return dayNumber(p.year, p.month ?? 1, p.day);
  if (p.month !== undefined) return p.month === 12 ? dayNumber(p.year, 12, 31) : dayNumber(p.year, p.month + 1, 1) - 1;
  return dayNumber(p.year, 12, 31);
}

/** Today's day number (UTC), or NaN for an invalid clock. */
export function today(now: Date): number {
  const p = utcParts(now);
  return p ? firstDay(p) : Number.NaN;
}

/**
 * Whole months between a birth date and a date, both possibly partial: the youngest possible age (birth at
 * the end of its span, the date at the start of its span), like ageInYears in dates.ts.
 */
export function ageInMonths(birth: DateParts, at: DateParts): number {
  const bMonth = birth.month ?? 12;
  const bDay = birth.day ?? 31;
  const aMonth = at.month ?? 1;
  const aDay = at.day ?? 1;
  return (at.year - birth.year) * 12 + (aMonth - bMonth) - (aDay < bDay ? 1 : 0);
}

/** The date as YYYY-MM-DD (or YYYY-MM, YYYY) from its parts. */
export function writtenDay(p: DateParts): string {
  const mm = p.month === undefined ? "" : `-${String(p.month).padStart(2, "0")}`;
  const dd = p.day === undefined ? "" : `-${String(p.day).padStart(2, "0")}`;
  return `${String(p.year).padStart(4, "0")}${mm}${dd}`;
}

/**
 * dateParts of dates.ts, with the common full form (YYYY-MM-DD, alone or before a time) read without a
 * regular expression: lab histories are long. Anything else goes to dateParts itself; a test checks both
 * agree on every input.
 */
export function writtenDateParts(value: string): DateParts | undefined {
  if (value.length >= 10 && (value.length === 10 || value.charCodeAt(10) === 84) && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 2);
    const day = digits(value, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return { year, month, day };
  }
  return dateParts(value);
}

/** The number written by `length` ASCII digits at `start`, or -1. */
function digits(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
