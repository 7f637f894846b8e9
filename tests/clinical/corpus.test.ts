/**
 * The clinical corpus run against the engine with an injected clock: every case's findings must be
 * exactly the expected ones (cause, currency, strength, and title where given).
 */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import { CAUSES } from "../../src/knowledge";
import { CORPUS, CORPUS_NOW, type CorpusCase } from "./corpus";
import { toInput } from "./records";

const NOW = new Date(CORPUS_NOW);

function actual(c: CorpusCase) {
  const { findings } = matchRecords(toInput(c.records, c.patient), { now: NOW });
  return findings.map((f) => ({ cause: f.causeId, current: f.current, strength: f.strength, label: f.label, basis: f.basis }));
}

describe("clinical corpus", () => {
  it("has at least 150 cases with unique ids and a reason each", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
    for (const c of CORPUS) expect(c.reason.length, c.id).toBeGreaterThan(5);
  });

  it("expects every cause id somewhere, current at least once", () => {
    const seen = new Set(CORPUS.flatMap((c) => c.expect.filter((e) => e.current).map((e) => e.cause)));
    expect(CAUSES.map((c) => c.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it("tells a coherent story in every case: nothing starts after it ends, after the clock, or after the patient's death", () => {
    const problems: string[] = [];
    for (const c of CORPUS) {
      const input = toInput(c.records, c.patient);
      const death = input.patient?.deceasedDateTime;
      const check = (what: string, start: string | undefined, end?: string) => {
        if (start === undefined) return;
        if (end !== undefined && start > end) problems.push(`${c.id}: ${what} starts ${start} after it ends ${end}`);
        if (start > CORPUS_NOW) problems.push(`${c.id}: ${what} starts ${start} after the clock`);
        if (death !== undefined && start > death) problems.push(`${c.id}: ${what} starts ${start} after death ${death}`);
      };
      for (const cond of input.conditions) {
        check(`Condition/${cond.id}`, cond.onsetDateTime, cond.abatementDateTime);
        check(`Condition/${cond.id} recorded`, cond.recordedDate);
      }
      for (const { resource: m } of input.medications) {
        if (m.resourceType === "MedicationRequest") check(`MedicationRequest/${m.id}`, m.authoredOn);
        else check(`MedicationStatement/${m.id}`, m.effectiveDateTime ?? m.effectivePeriod?.start, m.effectivePeriod?.end);
      }
      for (const p of input.procedures) check(`Procedure/${p.id}`, p.performedDateTime ?? p.performedPeriod?.start, p.performedPeriod?.end);
    }
    expect(problems).toEqual([]);
  });

  it.each(CORPUS.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const got = actual(c);
    const want = c.expect.map((e) => {
      const same = got.find((g) => g.cause === e.cause);
      return { cause: e.cause, current: e.current, strength: e.strength, label: e.label ?? same?.label, basis: e.basis ?? same?.basis };
    });
    const byCause = (a: { cause: string }, b: { cause: string }) => (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0);
    expect([...got].sort(byCause), c.reason).toEqual([...want].sort(byCause));
  });
});
