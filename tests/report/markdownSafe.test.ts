/** markdownSafe: record text as markdown that no renderer turns into HTML, a link or a reversed line. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { markdownSafe, stripBidi } from "../../src/report/markdownSafe";

describe("markdownSafe", () => {
  it("leaves ordinary record text readable", () => {
    expect(markdownSafe("Furosemide 40 MG Oral Tablet")).toBe("Furosemide 40 MG Oral Tablet");
    expect(markdownSafe("eGFR 42 mL/min/1.73m2, 0.5 mg")).toBe("eGFR 42 mL/min/1.73m2, 0.5 mg");
    expect(markdownSafe("Sleep related leg cramps: active")).toBe("Sleep related leg cramps: active");
  });

  it("entity-encodes <, > and & (a backslash does not stop raw HTML in showdown)", () => {
    expect(markdownSafe("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(markdownSafe("Tom & Jerry &lt;b&gt;")).toBe("Tom &amp; Jerry &amp;lt;b&amp;gt;");
    expect(markdownSafe("&#60;script&#62;")).toBe("&amp;\\#60;script&amp;\\#62;");
  });

  it("escapes markdown that would make links, images, emphasis, code, headings or tables", () => {
    expect(markdownSafe("[click](javascript:alert(1))")).toBe("\\[click\\]\\(javascript:alert\\(1\\)\\)");
    expect(markdownSafe("![x](y)")).toBe("\\!\\[x\\]\\(y\\)");
    expect(markdownSafe("# *a* _b_ `c` ~~d~~ | e + f - g")).toBe("\\# \\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\| e \\+ f \\- g");
    expect(markdownSafe("a\\b")).toBe("a\\\\b");
  });

  it("defangs URLs, host names, e-mail addresses and IP addresses", () => {
    expect(markdownSafe("see https://evil.example/x?a=1")).toBe("see https[://]evil[.]example/x?a=1");
    expect(markdownSafe("www.evil.example and evil.example")).toBe("www[.]evil[.]example and evil[.]example");
    expect(markdownSafe("mail user@evil.example")).toBe("mail user[@]evil[.]example");
    expect(markdownSafe("http://169.254.169.254/latest")).toBe("http[://]169[.]254[.]169[.]254/latest");
    expect(markdownSafe("//localhost:8080/x")).toBe("[//]localhost:8080/x");
    expect(markdownSafe("@mention")).toBe("[@]mention");
    expect(markdownSafe("evil\u3002example\uff0eorg")).toBe("evil[.]example[.]org");
    expect(markdownSafe("exa\u200bmple.\u200bcom")).toBe("example[.]com");
  });

  it("removes bidirectional controls and folds line breaks and control characters to one space", () => {
    expect(markdownSafe("Anemia\u202E\u2066 x\u2069\u200F\n\n# y\u0000z")).toBe("Anemia x \\# y z");
    expect(stripBidi("a\u202Eb\u2067c\u061Cd")).toBe("abcd");
  });

  it("clips to `max` characters before escaping", () => {
    expect(markdownSafe("a".repeat(500), 10)).toBe(`${"a".repeat(9)}…`);
    expect(markdownSafe("<<<<<", 3)).toBe("&lt;&lt;…");
  });

  it("property: the result never holds raw <, >, bidi controls, a line break, '://', a letter after '.', or '](' ", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("<", ">", "&", "[", "]", "(", ")", ".", ":", "/", "@", "a", "1", " ", "\n", "\u202E", "\u2066", "\u200B", "\\", "!", "w") }), (text) => {
        const safe = markdownSafe(text);
        expect(safe).not.toMatch(/[<>\n\u202E\u2066\u200B]/);
        expect(safe).not.toMatch(/(^|[^[]):\/\//);
        expect(safe).not.toMatch(/\.(?=\p{L})/u);
        expect(safe).not.toMatch(/(^|[^\\])\]\(/);
      }),
      { numRuns: 2000 },
    );
  });
});
