/**
 * Whether a code is in LOINC's form: digits, a hyphen and one check digit that LOINC's Mod 10 rule
 * accepts (LOINC Users' Guide, appendix C, cited in LOINC_SOURCES.checkDigit), or one of the few codes
 * LOINC itself lists with a wrong check digit. A code that fails is not LOINC, whatever system it claims
 * (lab-results.md: some EHRs label their local codes as LOINC).
 */
import { LOINC_INVALID_CHECK_DIGIT_CODES, LOINC_SYSTEM } from "../../knowledge";
import { systemKeyOf } from "../lookup";

const FORM = /^(\d{1,7})-(\d)$/;
const KNOWN_WRONG: ReadonlySet<string> = new Set(LOINC_INVALID_CHECK_DIGIT_CODES);

/**
 * The Mod 10 check digit of LOINC's Users' Guide for the digits before the hyphen: from the right, the
 * digits in odd positions form a number that is doubled; the digits in even positions are written in front
 * of it; the digits of the result are summed; the check digit is what brings that sum to the next multiple
 * of ten (12345 → 5). Computed digit by digit, without building the numbers: the digit sum of the doubled
 * number equals the sum over its digits of 2d, less 9 for each digit of 5 or more (exactly the digits that
 * carry when doubled) — which is the Luhn sum.
 */
export function loincCheckDigit(body: string): number | undefined {
  if (!/^\d+$/.test(body)) return undefined;
  let sum = 0;
  for (let i = body.length - 1, position = 1; i >= 0; i--, position++) {
    const d = body.charCodeAt(i) - 48;
    if (position % 2 === 1) {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A code in LOINC's form with a check digit LOINC accepts. */
export function isLoincCode(code: string): boolean {
  const m = FORM.exec(code);
  if (!m) return false;
  if (KNOWN_WRONG.has(code)) return true;
  return loincCheckDigit(m[1]!) === Number(m[2]);
}

/**
 * A system URI LOINC is sent under (`http://loinc.org`, or its OID as a URI), read like every other
 * system (systemKeyOf: case, spaces and a trailing slash do not matter).
 */
export function isLoincSystem(system: string | undefined): boolean {
  // LOINC's own URI as written, by far the most sent, by a string comparison before systemKeyOf's cached lookup.
  return system === LOINC_SYSTEM || systemKeyOf(system) === "loinc";
}
