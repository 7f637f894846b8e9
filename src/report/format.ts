/** Pure formatting helpers shared by every channel (panel, copied note, print, CDS card). The clock is always an argument. */
import type { HumanName, Patient } from "fhir/r4";
import { dateParts } from "../engine/dates";
import type { ReportPatient } from "./types";

/** Longest untrusted string shown as-is; longer ones are cut (CSS also wraps anywhere). */
export const MAX_TEXT = 400;

// Bidi embedding/override/isolate controls and C0/C1 controls (tab/newline folded to a space).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g; // eslint-disable-line no-control-regex

/** Cut an untrusted string to `max` characters (with an ellipsis). Undefined/empty stays empty. */
export function clip(value: string | undefined, max = MAX_TEXT): string {
  if (!value) return "";
  const chars = Array.from(value.length > max * 2 + 8 ? value.slice(0, max * 2 + 8) : value);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}

/** Clip and drop control / direction-override characters: for plain text pasted into a note. */
export function plain(value: string | undefined, max = MAX_TEXT): string {
  return clip((value ?? "").replace(CONTROL, " ").replace(/\s+/g, " ").trim(), max);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
interface PartialDate {
  y: number;
  m?: number;
  d?: number;
}

/** Read a FHIR date / dateTime as written ("2019", "2019-05", "2019-05-12T10:00:00+02:00"); no time-zone shift. */
export function parsePartialDate(value: string | undefined): PartialDate | undefined {
  // One parser for the engine and the screen, so a date the engine reads is shown the same way.
  const p = dateParts(value);
  return p && { y: p.year, m: p.month, d: p.day };
}

/** "12 May 2019", "May 2019", "2019"; anything unreadable is returned clipped, as written. */
export function formatDate(value: string | undefined): string {
  const p = parsePartialDate(value);
  if (!p) return clip(value, 60);
  if (p.m === undefined) return String(p.y);
  const month = MONTHS[p.m - 1] ?? "";
  return p.d === undefined ? `${month} ${p.y}` : `${p.d} ${month} ${p.y}`;
}

/** The local calendar date of a Date as "YYYY-MM-DD" (the clinician's today). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "14:05 on 3 Mar 2025" in local time. */
export function formatDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())} on ${formatDate(localDate(date))}`;
}

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
export function formatElapsed(from: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - from.getTime()) / 60000);
  if (!Number.isFinite(minutes) || minutes < 1) return "just now";
  if (minutes < 60) return plural(minutes, "minute") + " ago";
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, "hour") + " ago";
  return plural(Math.floor(hours / 24), "day") + " ago";
}

interface CalendarDay {
  y: number;
  m: number;
  d: number;
}

/** The clinician's calendar day of an instant (local time, like localDate). */
function today(now: Date): CalendarDay {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * How long before `now` a (possibly partial) FHIR date was, at the precision written: "today",
 * "yesterday", "5 days ago", "3 weeks ago", "5 months ago", "10 years ago"; "this month", "this year" for
 * partial dates too close to say more; "a future date" when it is after now; "" when unreadable.
 */
export function formatRecency(value: string | undefined, now: Date): string {
  const p = parsePartialDate(value);
  const n = today(now);
  if (!p || Number.isNaN(n.y)) return "";
  if (compareDays({ y: p.y, m: p.m ?? 1, d: p.d ?? 1 }, n) > 0) return "a future date";
  if (p.m === undefined) {
    const years = n.y - p.y;
    return years === 0 ? "this year" : `${plural(years, "year")} ago`;
  }
  const months = (n.y - p.y) * 12 + (n.m - p.m) - (p.d !== undefined && p.d > n.d ? 1 : 0);
  if (months >= 24) return `${plural(Math.floor(months / 12), "year")} ago`;
  if (months >= 2) return `${plural(months, "month")} ago`;
  if (p.d === undefined) return months === 0 ? "this month" : "last month";
  const days = Math.round((Date.UTC(n.y, n.m - 1, n.d) - Date.UTC(p.y, p.m - 1, p.d)) / 86_400_000);
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

/**
 * True when even the latest day a (possibly partial) date can stand for is more than `years` before now
 * ("2016" counts as 31 Dec 2016): partial dates never make a record look older than it may be.
 * False for unreadable dates.
 */
export function isOlderThan(value: string | undefined, years: number, now: Date): boolean {
  const p = parsePartialDate(value);
  if (!p) return false;
  return compareDays({ y: p.y + years, m: p.m ?? 12, d: p.d ?? 31 }, today(now)) < 0;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export interface AgeRange {
  min: number;
  max: number;
}

/**
 * The patient's age in whole years on a (possibly partial) date, from a (possibly partial) birth date,
 * compared as calendar fields (never through the Date constructor, so "2019-05" is not shifted by the time zone).
 * When a date is too coarse to decide whether the birthday had passed, the range covers both answers.
 * Undefined when either date is unreadable or the date is before birth.
 */
export function ageAt(birthDate: string | undefined, date: string | undefined): AgeRange | undefined {
  const b = parsePartialDate(birthDate);
  const t = parsePartialDate(date);
  if (!b || !t) return undefined;
  // Earliest and latest (month, day) each date may stand for.
  const lo = (p: PartialDate) => (p.m ?? 1) * 100 + (p.d ?? 1);
  const hi = (p: PartialDate) => (p.m ?? 12) * 100 + (p.d ?? 31);
  const years = t.y - b.y;
  // Youngest: target as early as possible, birthday as late as possible.
  const min = years - (lo(t) < hi(b) ? 1 : 0);
  const max = years - (hi(t) < lo(b) ? 1 : 0);
  if (max < 0) return undefined;
  return { min: Math.max(0, min), max };
}

/**
 * The patient's age in words, "86" or "86 at death": the engine's age, else (given `now`) from the birth
 * date on now's local day; "" when unknown.
 */
export function patientAge(p: Pick<ReportPatient, "age" | "ageAt" | "birthDate">, now?: Date): string {
  const age = p.age ?? (now ? ageAt(p.birthDate, localDate(now))?.min : undefined);
  return age === undefined ? "" : `${age}${p.ageAt === "death" ? " at death" : ""}`;
}

/** "68" or "68 or 69". */
export function formatAge(range: AgeRange | undefined): string {
  if (!range) return "";
  return range.min === range.max ? String(range.min) : `${range.min} or ${range.max}`;
}

/** Best display name: official, else usual, else the first; text, else given + family. */
export function patientName(patient: Patient): string {
  const names: HumanName[] = patient.name ?? [];
  const name = names.find((n) => n.use === "official") ?? names.find((n) => n.use === "usual") ?? names[0];
  const text = name?.text?.trim() || [...(name?.given ?? []), name?.family ?? ""].join(" ").trim();
  return clip(text, 120) || "Name not recorded";
}

const SEX: Record<string, string> = { male: "Male", female: "Female", other: "Other", unknown: "Unknown" };

export function patientSex(patient: Patient): string {
  return (patient.gender && SEX[patient.gender]) || "Not recorded";
}

/** "Sep 2026" (or "2019" for a year alone): a date at month precision, for anchors and short notes. */
export function formatMonth(value: string | undefined): string {
  const p = parsePartialDate(value);
  if (!p) return clip(value, 60);
  return p.m === undefined ? String(p.y) : `${MONTHS[p.m - 1] ?? ""} ${p.y}`;
}

/** The year of a date as written ("2016"); "" when unreadable. */
export function formatYear(value: string | undefined): string {
  return parsePartialDate(value)?.y.toString() ?? "";
}

/**
 * Days from `from` to `to` (positive when `to` is later), each date taken at its first day; undefined
 * when either is unreadable or known only to the year (too coarse to compare in weeks).
 */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  const a = parsePartialDate(from);
  const b = parsePartialDate(to);
  if (!a || !b || a.m === undefined || b.m === undefined) return undefined;
  return Math.round((Date.UTC(b.y, b.m - 1, b.d ?? 1) - Date.UTC(a.y, a.m - 1, a.d ?? 1)) / 86_400_000);
}
