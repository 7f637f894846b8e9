/**
 * URL helpers every layer shares: the absolute URL of a path on a FHIR base, and the http(s) check the
 * allowlist, the launch and the style-origin rule all make. They never throw. Bottom layer: imports nothing.
 */

/** The absolute URL of `path` on `base` (a FHIR base, with or without trailing slashes): "<base>/<path>". */
export function onBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path}`;
}

/** `value` parsed, when it is an absolute http(s) URL; else undefined. */
export function parseHttpUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The origin of an absolute http(s) URL, or undefined. */
export function httpOrigin(value: string | undefined): string | undefined {
  return parseHttpUrl(value)?.origin;
}
