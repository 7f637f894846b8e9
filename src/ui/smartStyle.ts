/**
 * SMART styling (smart_style_url): untrusted JSON reduced to a few safe values. Anything that is not
 * plainly a colour, a font list or a small length is dropped. The panel applies the result as CSS
 * custom properties through React's `style` prop (data, never a stylesheet).
 */
import type { CSSProperties } from "react";

/** Visual settings from smart_style_url, already validated (values only, never raw CSS). */
export interface SmartStyle {
  colorBackground?: string;
  colorText?: string;
  colorHighlight?: string;
  colorBorder?: string;
  fontFamily?: string;
  spacing?: string;
  borderRadius?: string;
}

/**
 * Every pattern here runs in time linear in its input: no nested or adjacent quantifiers that can match
 * the same characters (the earlier colour-function pattern, with `\s*[,\s]\s*` between numbers, took
 * seconds on a few KB of spaces). Values are also capped in length before any pattern runs.
 */
const MAX_RAW_LENGTH = 256;
const MAX_COLOUR_LENGTH = 64;
const MAX_FONT_LENGTH = 120;
const MAX_DIMENSION_LENGTH = 12;

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** rgb()/hsl() and their alpha forms: the name, then the arguments between one pair of parentheses. */
const FUNC = /^(?:rgb|hsl)a?\(([^()]*)\)$/i;
const NUM = String.raw`[+-]?\d{1,3}(?:\.\d{1,4})?`;
const FIRST_ARG = new RegExp(`^${NUM}(?:deg|%)?$`);
const OTHER_ARG = new RegExp(`^${NUM}%?$`);
const NAMED = /^[a-z]{3,20}$/i;
const FONT = /^[A-Za-z0-9 ,'"-]{1,120}$/;
const LENGTH = /^(\d{1,2}(?:\.\d{1,3})?)(px|rem|em)$/;
/** Largest accepted length per unit: enough for spacing and corner radius, not enough to break the layout. */
const MAX_LENGTH: Record<string, number> = { px: 32, rem: 2, em: 2 };
const NOT_COLOURS = new Set(["inherit", "initial", "unset", "revert", "transparent", "currentcolor"]);

/** A string trimmed, or undefined when it is not a string or longer than `max` (checked before trimming too). */
function bounded(value: unknown, max: number): string | undefined {
  if (typeof value !== "string" || value.length > MAX_RAW_LENGTH) return undefined;
  const v = value.trim();
  return v.length <= max ? v : undefined;
}

/**
 * The arguments of rgb()/hsl(), each a number (the first may carry deg or %, the others %): three or four
 * separated by commas, or three separated by white space with an optional "/ alpha". Splits on literal
 * characters and on single white-space runs, so it is linear in the input. Exported for the tests, which
 * check that property without the length cap.
 */
export function colourFunctionOk(v: string): boolean {
  const inner = FUNC.exec(v)?.[1];
  if (inner === undefined) return false;
  let args: string[];
  if (inner.includes(",")) {
    args = inner.split(",").map((a) => a.trim());
    if (args.length !== 3 && args.length !== 4) return false;
  } else {
    const [main = "", alpha, ...rest] = inner.split("/");
    if (rest.length > 0) return false;
    args = main.trim().split(/\s+/);
    if (args.length !== 3) return false;
    if (alpha !== undefined) args.push(alpha.trim());
  }
  return args.every((a, i) => (i === 0 ? FIRST_ARG : OTHER_ARG).test(a));
}

export function safeColour(value: unknown): string | undefined {
  const v = bounded(value, MAX_COLOUR_LENGTH);
  if (v === undefined) return undefined;
  if (NAMED.test(v)) return NOT_COLOURS.has(v.toLowerCase()) ? undefined : v;
  return HEX.test(v) || colourFunctionOk(v) ? v : undefined;
}

export function safeFont(value: unknown): string | undefined {
  const v = bounded(value, MAX_FONT_LENGTH);
  if (v === undefined || !FONT.test(v)) return undefined;
  // Quotes must pair up, or the declaration would run on.
  if ((v.match(/"/g) ?? []).length % 2 || (v.match(/'/g) ?? []).length % 2) return undefined;
  return v;
}

export function safeLength(value: unknown): string | undefined {
  const v = bounded(value, MAX_DIMENSION_LENGTH);
  if (v === undefined) return undefined;
  const m = LENGTH.exec(v);
  if (v === "0") return "0";
  if (!m) return undefined;
  return Number(m[1]) <= (MAX_LENGTH[m[2] ?? ""] ?? 0) ? v : undefined;
}

export function parseSmartStyle(json: unknown): SmartStyle {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const o = json as Record<string, unknown>;
  const style: SmartStyle = {
    colorBackground: safeColour(o.color_background),
    colorText: safeColour(o.color_text),
    colorHighlight: safeColour(o.color_highlight),
    colorBorder: safeColour(o.color_border),
    fontFamily: safeFont(o.font_family_body),
    spacing: safeLength(o.dim_spacing_size),
    borderRadius: safeLength(o.dim_border_radius),
  };
  // Drop the keys that were not accepted.
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as SmartStyle;
}

/**
 * The custom properties the stylesheet reads. Background and text colours are applied only as a pair,
 * so an EHR that sets one cannot leave our default for the other unreadable against it.
 */
export function styleVars(style: SmartStyle | undefined): CSSProperties {
  if (!style) return {};
  const vars: Record<string, string> = {};
  const set = (name: string, value: string | undefined, check: (v: unknown) => string | undefined) => {
    const safe = check(value);
    if (safe !== undefined) vars[name] = safe;
  };
  if (style.colorBackground && style.colorText) {
    set("--nlc-bg", style.colorBackground, safeColour);
    set("--nlc-text", style.colorText, safeColour);
    set("--nlc-muted", style.colorText, safeColour);
  }
  set("--nlc-accent", style.colorHighlight, safeColour);
  set("--nlc-border", style.colorBorder, safeColour);
  set("--nlc-font", style.fontFamily, safeFont);
  set("--nlc-space", style.spacing, safeLength);
  set("--nlc-radius", style.borderRadius, safeLength);
  return vars as CSSProperties;
}
