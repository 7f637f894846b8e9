// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Panel } from "../../src/ui/Panel";
import { parseSmartStyle } from "../../src/ui/smartStyle";
import { NOW, data, evidence, finding, ready, sources, withFindings } from "./fixtures";

afterEach(cleanup);

const SCRIPT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
const RTL = "\u202Eevil\u202C text \u2066x";
const HUGE = "A".repeat(100_000);

function hostileState() {
  const f = finding("hypertension", "sometimes-linked", true, [
    evidence("Condition/x", {
      text: SCRIPT,
      reason: HUGE,
      notes: [RTL, "</style><style>body{display:none}</style>"],
      matched: { systemLabel: SCRIPT, code: "1<b>2</b>" },
      recordStatus: "<iframe src=javascript:alert(1)>",
      dates: { onset: SCRIPT },
      duplicates: [SCRIPT],
    }),
  ]);
  f.label = `${SCRIPT}${HUGE}`;
  f.notes = [HUGE];
  const d = withFindings([f], {
    patient: { resourceType: "Patient", id: "p", name: [{ text: SCRIPT + RTL }], birthDate: "1950-01-01" },
    sources: sources({ Condition: { status: "failed", count: 0, message: SCRIPT, warnings: [HUGE] } }),
  });
  d.knowledge = { ...d.knowledge, source: { title: SCRIPT, date: RTL, url: "javascript:alert(1)" }, version: SCRIPT };
  return { status: "partial" as const, data: d };
}

describe("Untrusted text", () => {
  it("renders hostile strings as text: no script, img, iframe or style elements", () => {
    const { container } = render(<Panel state={hostileState()} now={NOW} />);
    expect(container.querySelector("script, img, iframe, style, b")).toBeNull();
    expect(container.textContent).toContain("<script>window.__pwned = 1</script>");
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("does not render a javascript: link", () => {
    const { container } = render(<Panel state={hostileState()} now={NOW} />);
    for (const a of container.querySelectorAll("a")) expect(a.getAttribute("href") ?? "").not.toMatch(/^javascript:/i);
  });

  it("clips very long strings and isolates each record string in <bdi>, direction controls removed", () => {
    const { container } = render(<Panel state={hostileState()} now={NOW} />);
    expect(container.textContent!.length).toBeLessThan(20_000);
    const bdis = [...container.querySelectorAll("bdi")];
    // The record's note "\u202Eevil\u202C text \u2066x" is shown, isolated, without its controls.
    expect(bdis.some((b) => b.textContent === "evil text x")).toBe(true);
    for (const b of bdis) expect(b.textContent!.length).toBeLessThanOrEqual(401);
  });

  it("no bidirectional control reaches the page, in text or in attributes (it would reverse a neighbouring record)", () => {
    const { container } = render(<Panel state={hostileState()} now={NOW} />);
    const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    expect(container.textContent).not.toMatch(BIDI);
    for (const el of container.querySelectorAll("*")) for (const a of el.attributes) expect(a.value, `${el.tagName} ${a.name}`).not.toMatch(BIDI);
  });
});

describe("SMART style", () => {
  it("applies validated values as custom properties on the status element", () => {
    const style = parseSmartStyle({
      color_background: "#101820",
      color_text: "rgb(240, 240, 240)",
      color_highlight: "red; background:url(javascript:alert(1))",
      font_family_body: '"Open Sans", Arial, sans-serif',
      dim_spacing_size: "8px",
      dim_border_radius: "</style>",
    });
    const { container } = render(<Panel state={ready(data({ style }))} now={NOW} />);
    const root = container.querySelector<HTMLElement>("[data-panel-status]")!;
    expect(root.style.getPropertyValue("--nlc-bg")).toBe("#101820");
    expect(root.style.getPropertyValue("--nlc-text")).toBe("rgb(240, 240, 240)");
    expect(root.style.getPropertyValue("--nlc-font")).toBe('"Open Sans", Arial, sans-serif');
    expect(root.style.getPropertyValue("--nlc-space")).toBe("8px");
    expect(root.style.getPropertyValue("--nlc-accent")).toBe("");
    expect(root.style.getPropertyValue("--nlc-radius")).toBe("");
    expect(container.querySelector("style")).toBeNull();
  });

  it("a background without a text colour (or the reverse) is not applied", () => {
    const { container } = render(<Panel state={ready(data({ style: { colorBackground: "black" } }))} now={NOW} />);
    expect(container.querySelector<HTMLElement>("[data-panel-status]")!.style.getPropertyValue("--nlc-bg")).toBe("");
  });

  it("re-checks values that did not come through the parser", () => {
    const style = { colorBorder: "red;}body{x:y", spacing: "expression(alert(1))" };
    const { container } = render(<Panel state={ready(data({ style }))} now={NOW} />);
    const root = container.querySelector<HTMLElement>("[data-panel-status]")!;
    expect(root.getAttribute("style") ?? "").toBe("");
  });
});

describe("Source rules for src/ui", () => {
  const dir = join(import.meta.dirname, "../../src/ui");
  const files = readdirSync(dir).filter((f) => /\.(tsx?|css)$/.test(f));
  const code = files.map((f) => [f, readFileSync(join(dir, f), "utf8")] as const);

  it("never sets inner HTML, fetches, reads the clock or the location", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const [name, text] of code) {
      if (name.endsWith(".css")) continue;
      expect(text, name).not.toMatch(/dangerouslySetInnerHTML|innerHTML|fetch\(|fhirclient|new Date\(\)|Date\.now|window\.location|console\.log/);
    }
  });

  it("the stylesheet has a print section, expands evidence for print, and no fixed widths", () => {
    const css = code.find(([n]) => n === "panel.css")![1];
    expect(css).toMatch(/@media print/);
    expect(css).toMatch(/\.nlc-region\[hidden\]\s*\{\s*display:\s*block !important/);
    expect(css).toMatch(/overflow-wrap:\s*anywhere/);
    expect(css).not.toMatch(/(?<![-\w])(min-)?width:\s*\d{3,}px/);
  });
});
