// @vitest-environment jsdom
/**
 * Lab results as real laboratories send them, end to end into the rendered panel (real fhirclient, the
 * demo EHR, the panel store, React in jsdom): nothing unread is silent, and lab results none of which could
 * be interpreted make the panel `partial`, never "no documented causes found" (lab-results.md).
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import type { DemoLaunch } from "../../mocks/launchContext";
import { createPanelStore } from "../../src/app/panelStore";
import { Panel } from "../../src/ui/Panel";
import { CONFIG, launchAndLand, NOW, testPolicy, startMockEhrForFile } from "../fhir/smartFlow";

const NONE_FOUND = /No documented causes found/i;
startMockEhrForFile();
afterEach(cleanup);

async function panelFor(launch: DemoLaunch) {
  const { clientP, pageUrl } = await launchAndLand(launch);
  const store = createPanelStore({ pageUrl, clientP, configP: Promise.resolve(CONFIG), now: () => NOW, policy: () => testPolicy() });
  await store.start();
  const { container } = render(<Panel state={store.getState()} now={NOW} />);
  const labs = container.querySelector<HTMLElement>('[data-source="Observation"]')!;
  return { container, panel: container.querySelector("[data-panel-status]")?.getAttribute("data-panel-status"), labs };
}

describe("lab results none of which could be interpreted", () => {
  it("local codes labelled as LOINC (athenahealth): partial for lab results, with how many and why, never 'no documented causes found'", async () => {
    const { container, panel, labs } = await panelFor({ patient: "labs-local-codes" });
    expect(panel).toBe("partial");
    expect(labs.getAttribute("data-source-status")).toBe("failed");
    expect(labs.textContent).toContain("Could not be checked: None of the 3 lab results the EHR returned could be interpreted, 3 of them not coded in LOINC");
    expect(labs.querySelector(".nlc-lab-counts")?.textContent).toBe(
      "The EHR returned 3 lab results: 0 interpreted; not interpreted: 3 not a LOINC code (the app cannot tell which test they are).",
    );
    expect(labs.querySelector(".nlc-lab-survey")?.textContent).toBe(
      "All laboratory results since 26 Nov 2021 were searched for results a search by LOINC code cannot see: 3.",
    );
    expect(container.textContent).not.toMatch(NONE_FOUND);
    expect(container.textContent).toMatch(/Not checked completely, so nothing can be ruled out there: Lab results/i);
  });

  it("control: values written as text, an HbA1c without a unit, race-specific pairs and mU/L are all read: ready", async () => {
    for (const patient of ["labs-text-values", "labs-real-units"]) {
      const { panel, labs } = await panelFor({ patient });
      expect(panel, patient).toBe("ready");
      expect(labs.getAttribute("data-source-status"), patient).toBe("read");
    }
  });
});

describe("a newer result that could not be read, and a value no test can take, next to the finding", () => {
  it("the eGFR in mL/s under chronic kidney disease, the HbA1c of 3.03 % under diabetes", async () => {
    const { container, panel } = await panelFor({ patient: "labs-newer-unread" });
    expect(panel).toBe("ready");
    const ckd = container.querySelector<HTMLElement>('[data-cause="chronic-kidney-disease"]')!;
    expect(ckd.querySelector('[data-lab-unread="unit-not-recognised"]')?.textContent).toBe(
      "Newer eGFR result of 21 Nov 2026 could not be read: unit not recognised: mL/s/{1.73_m2}.",
    );
    const diabetes = container.querySelector<HTMLElement>('[data-cause="type-2-diabetes"]')!;
    expect(diabetes.querySelector('[data-lab-unread="implausible"]')?.textContent).toBe(
      "HbA1c result of 27 Sep 2026 not interpreted: 3.03 % is not a value this test can take (a recording or unit error).",
    );
    // Never evidence, never on a chart.
    expect(container.querySelector('[data-evidence="Observation/nn-hba1c-60"]')).toBeNull();
    expect(container.querySelector('[data-evidence="Observation/nn-egfr-5"]')).toBeNull();
  });
});
