/**
 * Record text made safe for any markdown renderer an EHR might put a card through (CommonMark, GFM,
 * showdown, markdown-it with linkify, remarkable, marked): docs/spec/cds-hooks.md, "Hostile servers, hostile
 * records, several replicas". Pure; used wherever record text enters card text (summary and detail).
 *
 * - `<`, `>`, `&` are entity-encoded: a backslash does not stop raw HTML in every renderer (showdown);
 * - bidirectional controls are removed (they would reverse a neighbouring record's text), and so are
 *   invisible characters that could split a URL from its defanging (zero-width space, word joiner, BOM,
 *   soft hyphen); other control characters and line breaks become one space;
 * - URLs, host names and e-mail addresses are defanged the way security reports write them —
 *   `https[://]evil[.]example`, `name[@]host[.]org`, `10[.]0[.]0[.]1` — so no linkifier makes a link of them
 *   (a backslash escape is undone before markdown-it's linkify sees the text);
 * - every other character that can start markdown (links, images, emphasis, code, headings, tables) is
 *   backslash-escaped.
 */

/** Bidirectional embedding, override, isolate and mark characters. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Invisible characters a URL could hide behind: zero-width space, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
// eslint-disable-next-line no-control-regex -- folding control characters to a space is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** Full stops that IDNA (and so browsers and some linkifiers) read as a host name's dot. */
const IDN_DOTS = /[\u3002\uff0e\uff61]/g;
/** Markdown punctuation, escaped with a backslash (CommonMark allows it before any ASCII punctuation). */
const MARKDOWN = /[\\`*_{}[\]()#+\-!|~]/g;

/** Text without bidirectional controls (the panel and every channel). */
export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** One line: controls and invisible characters removed or folded, white space collapsed, clipped with "…". */
function flatten(text: string, max: number): string {
  const flat = text.replace(BIDI_CONTROLS, "").replace(INVISIBLE, "").replace(CONTROL, " ").replace(IDN_DOTS, ".").replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

/**
 * Defangs what a linkifier could take for a link: a scheme's "://" and a bare "//" (markdown-it links
 * "//localhost:8080" on its own), an "@" before a name (e-mail addresses; showdown's GitHub mentions), a dot
 * followed by a letter (every domain name: "evil.example", "www.x", "b.i.d" under a country code), the dots
 * of an IPv4 address.
 */
function defang(text: string): string {
  return text
    .replace(/:?\/\//g, (m) => `[${m}]`)
    .replace(/@(?=\S)/g, "[@]")
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, (ip) => ip.replaceAll(".", "[.]"))
    .replace(/\.(?=\p{L})/gu, "[.]");
}

/**
 * Record text (or a line that contains some) as markdown that renders as the same words in every renderer,
 * on one line, at most `max` characters before escaping.
 */
export function markdownSafe(text: string, max = 400): string {
  const escaped = flatten(text, max)
    .replace(MARKDOWN, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return defang(escaped);
}
