import { describe, expect, it } from "vitest";
import { parseSmartStyle, safeColour, safeFont, safeLength } from "../../src/ui/smartStyle";

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
