import type { Coding, Patient } from "fhir/r4";
import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { concept, condition, medRequest, patient } from "../builders";

const id = "hostile-data";

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const JS_LINK = '<a href="javascript:alert(1)">click me</a>';
const RLO = "\u202E";
/** Exactly 100,000 characters of markup. */
export const HUGE_STRING = `${SCRIPT}${IMG}${JS_LINK}`.repeat(2000).slice(0, 100_000);

const hostile = (coding: Coding, prefix: string): Coding => ({ ...coding, display: `${prefix}${coding.display ?? ""}` });

/**
 * Every displayed field carries markup or script: name parts, narrative (Patient.text.div with script),
 * code displays and texts, notes, dosage text, a right-to-left override and a 100 kB string. The codes are
 * still real, so findings appear. Expected causes: hypertension, chronic-kidney-disease, diuretics,
 * blood-pressure-medicines. Nothing may execute, and no narrative may be rendered.
 */
export const hostileData: DemoPatient = {
  id,
  label: "Hostile Data (markup in every field)",
  description:
    "Hostile data: <script>, onerror images, javascript: links, U+202E and a 100 kB string in every displayed field, script in the narrative; codes still match.",
  resources: () => {
    const p: Patient = patient({
      id, given: [SCRIPT, `${IMG}Robert`], family: `${RLO}sselboT${JS_LINK}`, gender: "male", birthDate: "1975-01-01",
    });
    p.text = {
      status: "generated",
      div: `<div xmlns="http://www.w3.org/1999/xhtml">${SCRIPT}<img src="x" onerror="alert(1)"/><a href="javascript:alert(1)">Open chart</a></div>`,
    };
    p.name = [{ use: "official", family: `${RLO}sselboT${JS_LINK}`, given: [SCRIPT, `${IMG}Robert`], text: `${SCRIPT} ${HUGE_STRING}` }];
    p.telecom = [{ system: "url", value: "javascript:alert(1)" }];
    p.address = [{ text: `${IMG} 1 ${RLO}teertS niaM` }];
    return [
      p,
      {
        ...condition({
          id: "hostile-cond-htn", patientId: id, codings: [hostile(COND.htnSnomed, IMG)],
          text: `${SCRIPT}Hypertension`, clinical: "active", verification: "confirmed",
          category: "problem-list-item", onset: "2015-02-03",
        }),
        note: [{ text: `See [chart](javascript:alert(1)) ${JS_LINK} ${SCRIPT}` }],
      },
      condition({
        id: "hostile-cond-ckd", patientId: id, codings: [hostile(COND.ckd4Icd, RLO), hostile(COND.ckd4Snomed, SCRIPT)],
        text: HUGE_STRING, clinical: "active", verification: "confirmed", category: "problem-list-item",
        onset: "2020-06-30",
      }),
      medRequest({
        id: "hostile-mr-hctz", patientId: id, status: "active",
        med: concept([hostile(MED.hctz25, JS_LINK)], `${IMG}${RLO}ediazaihtorolhcordyh`),
        authoredOn: "2024-05-05", dosageText: `${SCRIPT}${HUGE_STRING}`, routeText: JS_LINK,
      }),
    ];
  },
};
