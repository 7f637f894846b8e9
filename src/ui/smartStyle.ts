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

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUM = String.raw`[+-]?\d{1,3}(?:\.\d{1,4})?`;
const FUNC = new RegExp(
  String.raw`^(?:rgb|hsl)a?\(\s*${NUM}(?:deg|%)?(?:\s*[,\s]\s*${NUM}%?){2}(?:\s*[,/]\s*${NUM}%?)?\s*\)$`,
  "i",
);
const NAMED = /^[a-z]{3,20}$/i;
const FONT = /^[A-Za-z0-9 ,'"-]{1,120}$/;
const LENGTH = /^(\d{1,2}(?:\.\d{1,3})?)(px|rem|em)$/;
/** Largest accepted length per unit: enough for spacing and corner radius, not enough to break the layout. */
const MAX_LENGTH: Record<string, number> = { px: 32, rem: 2, em: 2 };
const NOT_COLOURS = new Set(["inherit", "initial", "unset", "revert", "transparent", "currentcolor"]);

export function safeColour(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim();
  if (NAMED.test(v)) return NOT_COLOURS.has(v.toLowerCase()) ? undefined : v;
  return HEX.test(v) || FUNC.test(v) ? v : undefined;
}

export function safeFont(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim();
  if (!FONT.test(v)) return undefined;
  // Quotes must pair up, or the declaration would run on.
  if ((v.match(/"/g) ?? []).length % 2 || (v.match(/'/g) ?? []).length % 2) return undefined;
  return v;
}

export function safeLength(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim();
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
