/**
 * Maps a request target to a file under the root, refusing anything that could leave the root,
 * plus the Content-Type and Cache-Control of each kind of file.
 */
import path from "node:path";
import { CONFIG_FILE } from "../src/fhir/config";

export type PathResolution =
  | { kind: "file"; file: string; urlPath: string }
  | { kind: "bad-request" }
  | { kind: "not-found" };

/** Encoded NUL, "/" and "\" are refused outright: they have no legitimate use in the app's URLs. */
const FORBIDDEN_ENCODED = /%(?:00|2f|5c)/i;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Resolves the request target (`req.url`) against `root` (an absolute, real path).
 * Only the path is used; the query string and fragment are ignored.
 * - "bad-request": not origin-form, encoded NUL or separator, control characters, bad percent-encoding,
 *   backslashes, or a "." / ".." segment (also when percent-encoded).
 * - "not-found": a hidden (dot) segment, a directory other than "/", or a path outside root.
 * The caller must still check that the file exists, is a regular file, and that its real path
 * (after symlinks) stays under root.
 */
export function resolveRequestPath(root: string, target: string): PathResolution {
  if (!target.startsWith("/")) return { kind: "bad-request" };
  const rawPath = target.split(/[?#]/, 1)[0] ?? "";
  if (FORBIDDEN_ENCODED.test(rawPath) || CONTROL_CHARS.test(rawPath) || rawPath.includes("\\")) {
    return { kind: "bad-request" };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: "bad-request" };
  }
  if (CONTROL_CHARS.test(decoded) || decoded.includes("\\")) return { kind: "bad-request" };

  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === "." || s === "..")) return { kind: "bad-request" };
  if (segments.some((s) => s.startsWith("."))) return { kind: "not-found" };

  const urlPath = decoded === "/" ? "/index.html" : decoded;
  if (urlPath.endsWith("/")) return { kind: "not-found" }; // no directory listing, no implicit index

  const file = path.resolve(root, "." + urlPath);
  if (!isInside(root, file)) return { kind: "not-found" };
  return { kind: "file", file, urlPath };
}

/** True when `candidate` is `root` itself or lies beneath it (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export const NO_STORE = "no-store";
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Other files (favicon, robots.txt…) may be cached but must be revalidated. */
export const REVALIDATE = "no-cache";

/** Cache-Control for a served file, by its URL path ("/index.html", "/assets/index-3f2a.js"). */
export function cacheControlFor(urlPath: string): string {
  if (urlPath.toLowerCase().endsWith(".html") || urlPath === `/${CONFIG_FILE}`) return NO_STORE;
  if (urlPath.startsWith("/assets/")) return IMMUTABLE;
  return REVALIDATE;
}
