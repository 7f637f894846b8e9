/** The debug stand-in (src/vendor/debug.cjs) is what fhirclient's require("debug") needs, and logs nothing. */
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";

const debug = createRequire(import.meta.url)("../../src/vendor/debug.cjs") as (name: string) => ((...a: unknown[]) => void) & { enabled: boolean; extend: (n: string) => unknown };

describe("debug stand-in", () => {
  it("is callable as fhirclient calls it (debug(name), .extend(name)) and never logs or turns on", () => {
    const log = vi.spyOn(console, "log");
    const debugLog = vi.spyOn(console, "debug");
    const root = debug("FHIR");
    const child = root.extend("client") as typeof root;
    root("token %s", "secret");
    child("token %s", "secret");
    expect(root.enabled).toBe(false);
    expect(child.enabled).toBe(false);
    expect(log).not.toHaveBeenCalled();
    expect(debugLog).not.toHaveBeenCalled();
  });
});
