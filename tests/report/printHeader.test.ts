/** The printout's running header in words (src/report/printHeader.ts): never "not recorded" for a Patient that could not be read. */
import { describe, expect, it } from "vitest";
import { printHeaderWords } from "../../src/report/printHeader";
import { formatDateTime } from "../../src/report/format";
import type { ReportPatient } from "../../src/report/types";

const AT = new Date("2026-12-07T10:30:00Z");
const patient = (): ReportPatient => ({ id: "p1", age: 81, ageAt: "today", deceased: false, read: true, name: "Walter Crampton", sex: "Male" });

describe("printHeaderWords", () => {
  it("names the patient, the birth date and when it was printed", () => {
    const w = printHeaderWords({ ...patient(), birthDate: "1945-05-02" }, AT);
    expect(w.who).toBe("Walter Crampton");
    expect(w.born).toBe("born 2 May 1945");
    expect(w.printed).toBe(`printed ${formatDateTime(AT)}`);
  });

  it("says a birth date is not recorded only when the Patient was read", () => {
    expect(printHeaderWords({ ...patient(), birthDate: undefined }, AT).born).toBe("born not recorded");
    const unread = printHeaderWords({ ...patient(), read: false }, AT);
    expect(unread.who).toBe("Patient (details could not be read from the EHR)");
    expect(unread.born).toBe("");
  });
});
