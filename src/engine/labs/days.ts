/**
 * Calendar days and ages for lab rules, from dates as written (src/engine/dates.ts reads them without
 * `new Date(string)`). A partial date covers a span of days: rules use its first or last day, whichever
 * claims less.
 */
import { type DateParts, utcParts } from "../dates";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Day number (days since 1970-01-01) of the first day a date can be. */
export function firstDay(p: DateParts): number {
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / DAY_MS;
}

/** Day number of the last day a date can be. */
export function lastDay(p: DateParts): number {
  if (p.day !== undefined) return firstDay(p);
  if (p.month !== undefined) return Date.UTC(p.year, p.month, 0) / DAY_MS;
  return Date.UTC(p.year, 11, 31) / DAY_MS;
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
