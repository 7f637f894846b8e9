import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CAUSES,
  CHANGELOG,
  CODE_RULES,
  KNOWLEDGE_INFO,
  LOOK_ALIKES,
  NAME_RULES,
} from "../../src/knowledge";

/** The id table of docs/spec/knowledge-source.md (the project's copy of the clinical source of record): id -> strength column. */
function sourceTable(): Map<string, string> {
  const file = resolve(import.meta.dirname, "../../docs/spec/knowledge-source.md");
  const rows = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^\|\s*([a-z0-9-]+)\s*\|[^|]*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|$/.exec(line);
    if (m && m[1] !== "id" && /[a-z]/.test(m[1]!)) rows.set(m[1]!, m[3]!);
  }
  return rows;
}

const STRENGTH_WORDS: Record<string, string> = {
  "known cause": "known-cause",
  "raises risk": "raises-risk",
  "possible, link not known": "possible",
  "sometimes linked": "sometimes-linked",
  "not a cause: tell apart": "differential",
};

describe("knowledge base coverage of knowledge-source.md", () => {
  const table = sourceTable();

  it("reads the 28 ids of the source table", () => {
    expect(table.size).toBe(28);
  });

  it("has exactly one cause entry per id, and no extra ids", () => {
    const ids = CAUSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...table.keys()].sort());
  });

  it.each([...sourceTable().keys()])("%s has recognition rules", (id) => {
    const codeRules = CODE_RULES.filter((r) => (r.causes as string[]).includes(id));
    if (id === "older-age") {
      expect(codeRules).toHaveLength(0); // recognised from Patient.birthDate, tested in the engine tests
      return;
    }
    expect(codeRules.length).toBeGreaterThan(0);
  });

  it.each([...sourceTable().entries()])("%s has the strength the source states (%s)", (id, words) => {
    const cause = CAUSES.find((c) => c.id === id)!;
    const prefix = Object.keys(STRENGTH_WORDS).find((w) => words.startsWith(w));
    expect(prefix, `unmapped strength "${words}"`).toBeDefined();
    expect(cause.strength).toBe(STRENGTH_WORDS[prefix!]);
  });

  it("gives every cause a label, description and the Mayo Clinic citation", () => {
    for (const c of CAUSES) {
      expect(c.label.length).toBeGreaterThan(2);
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.citation.url).toBe("https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813");
      expect(c.citation.date).toBe("March 02, 2023");
    }
  });

  it("escalates chronic kidney disease and dialysis to known cause, and nothing else", () => {
    expect(CAUSES.filter((c) => c.escalation).map((c) => [c.id, c.escalation!.to])).toEqual([
      ["chronic-kidney-disease", "known-cause"],
      ["dialysis", "known-cause"],
    ]);
    for (const r of CODE_RULES.filter((x) => x.escalates)) {
      expect(r.causes.some((c) => c === "chronic-kidney-disease" || c === "dialysis")).toBe(true);
    }
  });
});

describe("rule data hygiene", () => {
  it("cites a source for every code list and look-alike", () => {
    for (const r of [...CODE_RULES, ...LOOK_ALIKES]) expect(r.source.trim().length, r.id).toBeGreaterThan(3);
  });

  it("uses unique rule ids", () => {
    const ids = [...CODE_RULES.map((r) => r.id), ...LOOK_ALIKES.map((r) => r.id), ...NAME_RULES.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
    // The engine groups evidence by (rule id, code, status, type) parts; ids are plain tokens.
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9][a-z0-9:._-]*$/i);
  });

  it("stores codes as single-space separated tokens with no duplicates in a list", () => {
    for (const r of [...CODE_RULES, ...LOOK_ALIKES]) {
      const codes = r.codes.split(" ");
      expect(codes.every((c) => c.length > 0 && !/\s/.test(c)), r.id).toBe(true);
      expect(new Set(codes).size, r.id).toBe(codes.length);
    }
  });

  it("never lists the same exact code as a rule and as a look-alike for the same cause", () => {
    for (const la of LOOK_ALIKES.filter((l) => l.match === "exact")) {
      const codes = new Set(la.codes.split(" "));
      for (const r of CODE_RULES.filter((x) => x.system === la.system && x.match === "exact")) {
        const shared = r.causes.filter((c) => la.notFor.includes(c));
        if (shared.length === 0) continue;
        const clash = r.codes.split(" ").filter((c) => codes.has(c));
        expect(clash, `${r.id} vs ${la.id}`).toEqual([]);
      }
    }
  });

  it("compiles every name pattern", () => {
    for (const r of NAME_RULES) {
      for (const p of [...r.patterns, ...(r.veto ?? [])]) expect(() => new RegExp(p, "i"), r.id).not.toThrow();
    }
  });
});

describe("KNOWLEDGE_INFO and CHANGELOG", () => {
  it("states version, review date, source and the older-age threshold", () => {
    expect(KNOWLEDGE_INFO.version).toBe(CHANGELOG[0]!.version);
    expect(KNOWLEDGE_INFO.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(KNOWLEDGE_INFO.source.url).toContain("mayoclinic.org");
    expect(KNOWLEDGE_INFO.olderAgeThreshold).toBe(65);
  });
});
