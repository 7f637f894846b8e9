import { describe, expect, it } from "vitest";
import { instantOrder } from "../../../src/engine/labs/order";

/** The order the lab code used before: a comparator sort, undated (NaN) first, ties by `tie`, else stable. */
function reference(instants: readonly number[], tie: (a: number, b: number) => number): number[] {
  const at = (i: number) => (Number.isNaN(instants[i]!) ? Number.NEGATIVE_INFINITY : instants[i]!);
  return instants.map((_, i) => i).sort((a, b) => (at(a) !== at(b) ? (at(a) < at(b) ? -1 : 1) : tie(a, b)));
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

describe("instantOrder", () => {
  const DAY = 86_400_000;
  const cases: [string, (next: () => number, i: number) => number][] = [
    ["instants over ten years, many shared", (next) => 1.6e12 + Math.floor(next() * 400) * DAY],
    ["some undated", (next) => (next() < 0.2 ? Number.NaN : 1.6e12 + Math.floor(next() * 50) * DAY)],
    ["before 1970 and after", (next) => Math.floor((next() - 0.5) * 4e12)],
    ["a range too wide to pack (comparator sort)", (next) => (next() < 0.5 ? -8e15 : 8e15) + Math.floor(next() * 10)],
    ["instants that are not whole numbers (comparator sort)", (next) => 1.6e12 + Math.floor(next() * 20) + (next() < 0.3 ? 0.5 : 0)],
    ["all undated", () => Number.NaN],
    ["all the same", () => 1.6e12],
  ];
  for (const [name, make] of cases) {
    it(`gives the comparator sort's order: ${name}`, () => {
      for (const n of [0, 1, 2, 3, 17, 40, 1000]) {
        const next = rng(n + 1);
        const instants = Array.from({ length: n }, (_, i) => make(next, i));
        const ids = Array.from({ length: n }, () => `obs${Math.floor(next() * 50)}`);
        const tie = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
        expect(instantOrder(instants, tie)).toEqual(reference(instants, tie));
      }
    });
  }

  it("orders a long run sharing one instant by the tie-break, stably", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `obs${(i * 7) % 5}`);
    const tie = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    const order = instantOrder(Array.from({ length: 40 }, () => 1.6e12), tie);
    expect(order).toEqual(reference(Array.from({ length: 40 }, () => 1.6e12), tie));
    expect(order.slice(0, 8)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
  });
});
