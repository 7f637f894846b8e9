import { describe, expect, it } from "vitest";
import { colourFunctionOk, parseSmartStyle, safeColour, safeFont, safeLength } from "../../src/ui/smartStyle";

describe("parseSmartStyle", () => {
  it("keeps safe values under the SmartStyle names", () => {
    expect(
      parseSmartStyle({
        color_background: "#edeae3",
        color_text: "#0f0f0f",
        color_highlight: "hsl(210, 80%, 40%)",
        color_border: "rgba(0, 0, 0, 0.5)",
        font_family_body: "Georgia, 'Times New Roman', serif",
        dim_spacing_size: "0.5rem",
        dim_border_radius: "4px",
      }),
    ).toEqual({
      colorBackground: "#edeae3",
      colorText: "#0f0f0f",
      colorHighlight: "hsl(210, 80%, 40%)",
      colorBorder: "rgba(0, 0, 0, 0.5)",
      fontFamily: "Georgia, 'Times New Roman', serif",
      spacing: "0.5rem",
      borderRadius: "4px",
    });
  });

  it("accepts named colours and modern space-separated functions", () => {
    expect(parseSmartStyle({ color_background: "white", color_text: "rgb(10 20 30 / 50%)" })).toEqual({
      colorBackground: "white",
      colorText: "rgb(10 20 30 / 50%)",
    });
  });

  it("returns nothing for non-objects", () => {
    for (const v of [null, undefined, "color_text", 42, ["#fff"], true]) expect(parseSmartStyle(v)).toEqual({});
  });

  it.each([
    "red; background:url(javascript:alert(1))",
    "</style><script>alert(1)</script>",
    "expression(alert(1))",
    "url(https://evil.example/x.png)",
    "#fff;}body{display:none",
    "rgb(1,2,3);x:y",
    "var(--x)",
    "calc(1px + 2px)",
    "inherit",
    "#12345",
    "",
    "   ",
  ])("drops the colour %j", (value) => {
    expect(safeColour(value)).toBeUndefined();
    expect(parseSmartStyle({ color_text: value, color_background: value })).toEqual({});
  });

  it.each(['Arial;}body{x:y', "Arial</style>", "url(x)", "expression(1)", '"Open Sans, Arial', "a\\62 c", "Arial\nx:y"])(
    "drops the font %j",
    (value) => {
      expect(safeFont(value)).toBeUndefined();
    },
  );

  it.each(["8px;", "100px", "10vw", "-4px", "1e3px", "expression(8px)", "8", "3rem", "</style>"])("drops the length %j", (value) => {
    expect(safeLength(value)).toBeUndefined();
  });

  it("accepts modest lengths", () => {
    expect(["0", "8px", "32px", "0.5rem", "1em", "2rem"].map(safeLength)).toEqual(["0", "8px", "32px", "0.5rem", "1em", "2rem"]);
  });

  it("ignores values of the wrong type", () => {
    expect(parseSmartStyle({ color_text: 0, font_family_body: { a: 1 }, dim_spacing_size: 8 })).toEqual({});
  });
});

describe("validation time is linear in the input (smart_style_url is untrusted)", () => {
  /** Inputs that made the earlier colour pattern backtrack catastrophically (seconds for a few KB). */
  const adversarial: Record<string, (n: number) => string> = {
    "rgb with runs of spaces": (n) => `rgb(1${" ".repeat(n)}1${" ".repeat(n)}1${" ".repeat(n)}!`,
    "hsl with runs of spaces": (n) => `hsl(1${" ".repeat(n)}1${" ".repeat(n)}!`,
    "hsl with a deg unit and trailing spaces": (n) => `hsl(1deg${"  ".repeat(n)})x`,
    "comma and space runs": (n) => `rgba(1${" , ".repeat(n)}2 3 / 4${" ".repeat(n)}`,
    "many space-separated arguments": (n) => `rgb(${" 1".repeat(n)})`,
    "many comma-separated arguments": (n) => `rgb(${"1,".repeat(n)}1)`,
    "long font list": (n) => `${"Arial, ".repeat(n)}\n`,
    "long length": (n) => `${"1".repeat(n)}px`,
  };

  const time = (run: () => void): number => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };

  it.each(Object.entries(adversarial))("%s: a few KB are refused within a generous 200 ms", (_what, make) => {
    // 900 is enough: the earlier pattern took about 10 s on the first of these (cubic backtracking).
    const input = make(900);
    expect(input.length).toBeGreaterThan(900);
    const ms = time(() => {
      expect(safeColour(input)).toBeUndefined();
      expect(safeFont(input)).toBeUndefined();
      expect(safeLength(input)).toBeUndefined();
      expect(parseSmartStyle({ color_text: input, color_background: input, font_family_body: input, dim_spacing_size: input })).toEqual({});
    });
    expect(ms).toBeLessThan(200);
  });

  it("the colour-function check itself, without the length cap, is linear: 16 inputs of n cost about what one of 16n costs", () => {
    for (const make of Object.values(adversarial)) {
      const small = make(4000);
      const large = make(64000);
      const best = (run: () => void) => Math.min(...Array.from({ length: 5 }, () => time(run)));
      const manySmall = best(() => {
        for (let i = 0; i < 16; i++) colourFunctionOk(small);
      });
      const oneLarge = best(() => colourFunctionOk(large));
      // Linear: about 1. Quadratic would be about 16, cubic 256. Floor the small side against timer noise.
      expect(oneLarge / Math.max(manySmall, 0.05)).toBeLessThan(6);
    }
  });

  it("long values are refused by length before any pattern runs, and normal ones still pass", () => {
    expect(safeColour(`#fff${" ".repeat(600)}`)).toBeUndefined();
    expect(safeColour(`rgb(${"1".repeat(70)})`)).toBeUndefined();
    expect(safeFont(`${"a".repeat(121)}`)).toBeUndefined();
    expect(safeColour("  rgb(1, 2, 3)  ")).toBe("rgb(1, 2, 3)");
    expect(safeColour("hsl(210deg 80% 40% / 0.5)")).toBe("hsl(210deg 80% 40% / 0.5)");
    expect(safeColour("rgb(1, 2 3)")).toBeUndefined();
    expect(safeColour("rgb(1 2 3 4)")).toBeUndefined();
    expect(safeColour("rgb(1, 2, 3, 4, 5)")).toBeUndefined();
    expect(safeColour("rgb(1 2 / 3)")).toBeUndefined();
  });
});
