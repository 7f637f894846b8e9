// @vitest-environment jsdom
/**
 * Every data failure, end to end into the rendered panel (real fhirclient, mock EHR, React in jsdom),
 * for a patient whose readable records hold no documented cause: the panel must never turn a failure
 * into "No documented causes found".
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import type { DemoLaunch } from "../../mocks/launchContext";
import { createPanelStore } from "../../src/app/panelStore";
import type { SourceStatus } from "../../src/fhir/types";
import { Panel } from "../../src/ui/Panel";
import { CONFIG, launchAndLand, NOW, testPolicy, startMockEhrForFile } from "../fhir/smartFlow";

const PATIENT = "look-alikes";
const NONE_FOUND = /No documented causes found/i;
startMockEhrForFile();
afterEach(cleanup);

const policy = () => testPolicy({ timeoutMs: 300, maxRetries: 2, maxDelayMs: 5 });

async function panelFor(launch: DemoLaunch) {
  const { clientP, pageUrl } = await launchAndLand({ patient: PATIENT, ...launch });
  const store = createPanelStore({ pageUrl, clientP, configP: Promise.resolve(CONFIG), now: () => NOW, policy });
  await store.start();
  const { container } = render(<Panel state={store.getState()} now={NOW} />);
  const statusOf = (source: string) => container.querySelector(`[data-source="${source}"]`)?.getAttribute("data-source-status");
  return { container, panel: container.querySelector("[data-panel-status]")?.getAttribute("data-panel-status"), statusOf };
}

const ALL_SCOPES = "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Medication.rs";

const cases: { name: string; launch: DemoLaunch; source: string; status: SourceStatus }[] = [
  { name: "403 on conditions", launch: { faults: { Condition: { status: 403 } } }, source: "Condition", status: "not-authorized" },
  { name: "scope for medicine orders not granted", launch: { grantScope: ALL_SCOPES.replace(" patient/MedicationRequest.rs", "") }, source: "MedicationRequest", status: "not-authorized" },
  { name: "500 on procedures", launch: { faults: { Procedure: { status: 500 } } }, source: "Procedure", status: "failed" },
  { name: "503 on conditions, every retry", launch: { faults: { Condition: { status: 503, retryAfter: 1 } } }, source: "Condition", status: "failed" },
  { name: "429 on medicine orders, every retry", launch: { faults: { MedicationRequest: { status: 429 } } }, source: "MedicationRequest", status: "failed" },
  { name: "malformed JSON for conditions", launch: { faults: { Condition: { status: 200, body: "malformed-json" } } }, source: "Condition", status: "failed" },
  { name: "a non-Bundle for procedures", launch: { faults: { Procedure: { status: 200, body: "not-a-bundle" } } }, source: "Procedure", status: "failed" },
  { name: "conditions never answered (timeout)", launch: { faults: { Condition: { status: 200, body: "hang" } } }, source: "Condition", status: "failed" },
  // Needs more than one page: the 2,000-order patient.
  { name: "a next link to another origin", launch: { patient: "many-meds", crossOriginNext: "MedicationRequest" }, source: "MedicationRequest", status: "truncated" },
  { name: "the patient's demographics fail", launch: { faults: { Patient: { status: 500 } } }, source: "Patient", status: "failed" },
];

describe("failures reach the panel as 'could not be checked', never as absence", () => {
  it("control: with every section read, this patient's panel does say no documented causes were found", async () => {
    const { container, panel } = await panelFor({});
    expect(panel).toBe("ready");
    expect(container.querySelectorAll("[data-cause]")).toHaveLength(0);
    expect(container.textContent).toMatch(NONE_FOUND);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const { container, panel, statusOf } = await panelFor(c.launch);
      expect(panel).toBe("partial");
      expect(statusOf(c.source)).toBe(c.status);
      expect(container.textContent).not.toMatch(NONE_FOUND);
    });
  }

  it("MedicationStatement advertised, then refused (404): failed, panel partial, no absence claim", async () => {
    const { container, panel, statusOf } = await panelFor({ faults: { MedicationStatement: { status: 404 } } });
    expect(panel).toBe("partial");
    expect(statusOf("MedicationStatement")).toBe("failed");
    expect(container.textContent).not.toMatch(NONE_FOUND);
  });

  it("MedicationStatement not offered at all (absent from the CapabilityStatement): not-supported and not a gap", async () => {
    const { container, panel, statusOf } = await panelFor({ profile: "oracle" });
    expect(panel).toBe("ready");
    expect(statusOf("MedicationStatement")).toBe("not-supported");
    expect(container.textContent).toMatch(NONE_FOUND);
  });

  it("401 in the middle of loading: an error screen, no findings, no absence claim", async () => {
    const { container, panel } = await panelFor({ expireAfterRequests: 2 });
    expect(panel).toBe("error");
    expect(container.querySelectorAll("[data-cause]")).toHaveLength(0);
    expect(container.textContent).not.toMatch(NONE_FOUND);
    expect(container.textContent).toMatch(/session with the EHR has ended/);
  });
});
