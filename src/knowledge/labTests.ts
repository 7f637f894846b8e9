/**
 * The lab tests whose results can point to a documented cause (docs/spec/lab-results.md, "Which results
 * are read"), by LOINC code (system http://loinc.org). Panels, challenge tests and procedure codes are
 * deliberately absent. Data only: the rules that interpret the results live beside it.
 */
export type LabTestId = "egfr" | "hemoglobin" | "hba1c" | "glucose" | "tsh";

export const LOINC_SYSTEM = "http://loinc.org";

export const LAB_TEST_CODES: Readonly<Record<LabTestId, readonly string[]>> = {
  egfr: ["33914-3", "48642-3", "48643-1", "50044-7", "50210-4", "50384-7", "62238-1", "69405-9", "70969-1", "77147-7", "88293-6", "88294-4", "94677-2", "98979-8", "98980-6"],
  hemoglobin: ["718-7", "20509-6", "30313-1", "30350-3", "30351-1", "30352-9", "59260-0", "75928-2", "93846-4", "97550-8"],
  hba1c: ["4548-4", "4549-2", "17855-8", "17856-6"],
  glucose: [
    "2339-0", "2340-8", "2341-6", "2345-7", "32016-8", "41651-1", "41652-9", "41653-7", "74774-1", "1556-0", "1557-8", "1558-6", "41604-0", "53049-3",
    "14743-9", "14749-6", "14770-2", "14771-0", "15074-8", "39480-9", "39481-7", "51596-5", "72516-8", "76629-5", "77135-2", "77145-1", "100746-7",
  ],
  tsh: ["3016-3", "11579-0", "11580-8"],
};

/** Every LOINC code the app reads, in table order (the Observation search's `code=` list). */
export const LAB_LOINC_CODES: readonly string[] = Object.values(LAB_TEST_CODES).flat();
