/** The js-base64 stand-in (src/vendor/base64.ts) gives what js-base64 gives, for what fhirclient asks of it. */
import fc from "fast-check";
import { decode as jsDecode, encodeURL as jsEncodeURL, fromUint8Array as jsFromUint8Array } from "js-base64";
import { describe, expect, it } from "vitest";
import { decode, encodeURL, fromUint8Array } from "../../src/vendor/base64";

describe("base64 stand-in", () => {
  it("fromUint8Array: standard and URL-safe, as js-base64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, urlsafe) => {
        expect(fromUint8Array(bytes, urlsafe)).toBe(jsFromUint8Array(bytes, urlsafe));
      }),
    );
  });

  it("encodeURL and decode of any text (UTF-8, astral characters), as js-base64", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(encodeURL(text)).toBe(jsEncodeURL(text));
        expect(decode(encodeURL(text))).toBe(text);
        expect(decode(jsFromUint8Array(new TextEncoder().encode(text)))).toBe(jsDecode(jsFromUint8Array(new TextEncoder().encode(text))));
      }),
    );
  });

  it("decode accepts padded, unpadded and URL-safe forms (a JWT payload with - and _)", () => {
    const payload = JSON.stringify({ sub: "ü?>>", fhirUser: "Practitioner/a~b" });
    const url = jsEncodeURL(payload);
    expect(url).toMatch(/[-_]/);
    expect(decode(url)).toBe(payload);
    expect(decode(jsFromUint8Array(new TextEncoder().encode(payload)))).toBe(payload);
  });

  it("a large array (PKCE digest sizes and beyond) is encoded without overflowing the call stack", () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(fromUint8Array(bytes, true)).toBe(jsFromUint8Array(bytes, true));
  });
});
