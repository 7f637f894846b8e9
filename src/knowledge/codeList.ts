/**
 * The codes of a code list. Lists are written as codes separated by single spaces (src/knowledge/codes/).
 * The browser build (vite.config.ts) stores a long list of purely numeric codes (SNOMED CT, RxNorm) more
 * compactly: "#" followed by the sorted codes as base-36 differences from the previous one, which gzip
 * packs about a fifth smaller. Order never matters to a list. BigInt: SNOMED CT ids exceed 2^53.
 */
const DELTA_MARK = "#";

/** Every code of a list, in either form. */
export function codesOf(list: string): string[] {
  if (!list.startsWith(DELTA_MARK)) return list.split(" ").filter((code) => code !== "");
  const out: string[] = [];
  let value = 0n;
  for (const delta of list.slice(DELTA_MARK.length).split(" ")) {
    value += fromBase36(delta);
    out.push(value.toString());
  }
  return out;
}

/** The compact form of a list of numeric codes (without leading zeros), or undefined when it has another kind of code. */
export function compactNumericCodes(list: string): string | undefined {
  const codes = codesOf(list);
  if (codes.length === 0 || !codes.every((code) => /^[1-9][0-9]*$/.test(code))) return undefined;
  const sorted = [...new Set(codes.map((code) => BigInt(code)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let previous = 0n;
  const deltas = sorted.map((value) => {
    const delta = value - previous;
    previous = value;
    return delta.toString(36);
  });
  return DELTA_MARK + deltas.join(" ");
}

function fromBase36(digits: string): bigint {
  let value = 0n;
  for (const digit of digits) value = value * 36n + BigInt(parseInt(digit, 36));
  return value;
}
