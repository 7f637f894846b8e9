/**
 * Stands in for `js-base64` inside fhirclient (vite.config.ts): the three functions fhirclient calls
 * (adapters/BrowserAdapter.js, security/browser.js), on the platform's btoa/atob and TextEncoder/Decoder.
 * tests/vendor/base64.test.ts checks them against js-base64 itself on generated input.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function urlSafe(base64: string): string {
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Bytes as base64 (`urlsafe`: base64url without padding). */
export function fromUint8Array(bytes: Uint8Array, urlsafe = false): string {
  const base64 = bytesToBase64(bytes);
  return urlsafe ? urlSafe(base64) : base64;
}

/** A string's UTF-8 bytes as base64url without padding. */
export function encodeURL(text: string): string {
  return urlSafe(bytesToBase64(encoder.encode(text)));
}

/** base64 or base64url (padding optional, other characters ignored) to the UTF-8 string it encodes. */
export function decode(input: string): string {
  const base64 = input.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/")).replace(/[^A-Za-z0-9+/]/g, "");
  const padded = base64 + "===".slice((base64.length + 3) % 4);
  const binary = atob(padded.length % 4 === 0 ? padded : base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return decoder.decode(bytes);
}
