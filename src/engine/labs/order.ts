/**
 * Ordering lab results by instant, for histories of thousands: a sort that calls a comparator for each of
 * its n·log n comparisons was a tenth of interpreting them. Here each instant is packed with its index into
 * one whole number, (instant − earliest) × n + index, and the numbers are sorted by the typed array's own
 * numeric sort (no call per comparison). That is exact while the numbers stay below 2^53: ten years of
 * results in milliseconds (3.2·10^11) times 5,000 results is about 2^50.5. Beyond that, or for instants that
 * are not whole numbers, the comparator sort is used: the order is the same either way.
 */

/**
 * The indices of `instants` in order: undated ones (NaN) first, then by instant, ascending; undated ones and
 * those sharing an instant by `tie` (a comparison of two indices), else by index (a stable order).
 */
export function instantOrder(instants: readonly number[], tie: (a: number, b: number) => number): number[] {
  const n = instants.length;
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let undated = 0;
  let packable = true;
  for (let i = 0; i < n; i++) {
    const t = instants[i]!;
    if (Number.isNaN(t)) undated++;
    else if (!Number.isInteger(t)) packable = false;
    else {
      if (t < earliest) earliest = t;
      if (t > latest) latest = t;
    }
  }
  if (!packable || (latest - earliest + 1) * n > Number.MAX_SAFE_INTEGER) return comparatorOrder(instants, tie);

  const order: number[] = new Array<number>(n);
  let u = 0;
  const keys = scratch(n - undated);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = instants[i]!;
    if (Number.isNaN(t)) order[u++] = i;
    else keys[k++] = (t - earliest) * n + i;
  }
  keys.sort();
  for (let j = 0; j < k; j++) order[undated + j] = keys[j]! % n;
  // Undated ones, then each run sharing an instant: by `tie` (runs are short; the rest stays as sorted).
  if (undated > 1) sortRun(order, 0, undated, tie);
  for (let start = undated; start < n; ) {
    let end = start + 1;
    while (end < n && instants[order[end]!] === instants[order[start]!]) end++;
    if (end - start > 1) sortRun(order, start, end, tie);
    start = end;
  }
  return order;
}

/**
 * A typed array of `size` numbers for the packed keys: a view of one buffer kept from call to call and
 * grown when too small. A new typed array per sort allocated a buffer outside the heap each time, and
 * those buffers made the garbage collector keep and move far more than the arrays themselves (the
 * engine's collections took twice as long). Its content never outlives a call of instantOrder.
 */
function scratch(size: number): Float64Array {
  if (KEYS.buffer.length < size) KEYS.buffer = new Float64Array(Math.max(size, 2 * KEYS.buffer.length));
  return KEYS.buffer.subarray(0, size);
}
const KEYS = { buffer: new Float64Array(1024) };

/** Sorts order[start, end) by `tie`, stably (the run is in index order): by insertion, runs being short. */
function sortRun(order: number[], start: number, end: number, tie: (a: number, b: number) => number): void {
  if (end - start > 16) {
    const run = order.slice(start, end).sort(tie);
    for (let j = 0; j < run.length; j++) order[start + j] = run[j]!;
    return;
  }
  for (let j = start + 1; j < end; j++) {
    const x = order[j]!;
    let k = j - 1;
    for (; k >= start && tie(order[k]!, x) > 0; k--) order[k + 1] = order[k]!;
    order[k + 1] = x;
  }
}

/** The same order, by a comparator sort. */
function comparatorOrder(instants: readonly number[], tie: (a: number, b: number) => number): number[] {
  const at = (i: number) => (Number.isNaN(instants[i]!) ? Number.NEGATIVE_INFINITY : instants[i]!);
  const order = Array.from({ length: instants.length }, (_, i) => i);
  return order.sort((a, b) => (at(a) !== at(b) ? (at(a) < at(b) ? -1 : 1) : tie(a, b)));
}
