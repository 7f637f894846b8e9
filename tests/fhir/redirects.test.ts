// @vitest-environment jsdom
/**
 * The panel's reads never follow a redirect (issue 21): a redirect would carry the access token to wherever
 * the FHIR server points. Real fhirclient against the demo EHR's MSW handlers; a search or a Medication read
 * answered with a 3xx fails with words that say why, and the address it pointed to receives nothing.
 */
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { loadPatientData, type LoadOutcome } from "../../src/fhir/load";
import type { SourceReport } from "../../src/fhir/types";
import { FHIR_BASE, launchAndLand, NOW, recordRequests, startMockEhrForFile, testPolicy, TREY } from "./smartFlow";

const server = startMockEhrForFile();
const requested = recordRequests(server);
const ELSEWHERE = "http://127.0.0.2:9999";
const elsewhereHits: (string | null)[] = [];
server.events.on("request:start", ({ request }) => {
  if (request.url.startsWith(ELSEWHERE)) elsewhereHits.push(request.headers.get("authorization"));
});

async function load(): Promise<LoadOutcome> {
  const { clientP } = await launchAndLand({ patient: TREY });
  const client = await clientP!;
  return loadPatientData({
    client,
    patientId: TREY,
    base: client.state.serverUrl,
    grantedScope: String(client.state.tokenResponse?.scope ?? ""),
    server: { name: "test" },
    policy: testPolicy({ timeoutMs: 2000, sleep: async () => undefined }),
    now: () => NOW,
  });
}

function sources(outcome: LoadOutcome): Record<string, SourceReport> {
  if (!outcome.ok) throw new Error(`load failed: ${outcome.error}`);
  return Object.fromEntries(outcome.data.sources.map((s) => [s.source, s]));
}

describe("a redirect from the FHIR server is refused, never followed", () => {
  it.each([301, 302, 303, 307, 308])("a %i on the Condition search: the section fails and says why; the other address gets nothing", async (status) => {
    elsewhereHits.length = 0;
    server.use(
      http.get(`${FHIR_BASE}/Condition`, () => new HttpResponse(null, { status, headers: { Location: `${ELSEWHERE}/fhir/Condition?patient=${TREY}` } })),
      http.get(`${ELSEWHERE}/*`, () => HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry: [] })),
    );
    const s = sources(await load());
    expect(s.Condition!.status).toBe("failed");
    expect(s.Condition!.message).toMatch(/redirect/);
    expect(s.Condition!.message).toMatch(/never sent elsewhere/);
    expect(s.MedicationRequest!.status).toBe("read");
    expect(elsewhereHits).toEqual([]);
    expect(requested.filter((u) => u.startsWith(ELSEWHERE))).toEqual([]);
  });

  it("a redirected Medication read leaves that medicine unresolved (and its section not read completely)", async () => {
    elsewhereHits.length = 0;
    server.use(
      http.get(`${FHIR_BASE}/MedicationRequest`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          entry: [
            {
              resource: { resourceType: "MedicationRequest", id: "mr1", status: "active", intent: "order", subject: { reference: `Patient/${TREY}` }, medicationReference: { reference: "Medication/m1" } },
              search: { mode: "match" },
            },
          ],
        }),
      ),
      http.get(`${FHIR_BASE}/Medication/m1`, () => new HttpResponse(null, { status: 302, headers: { Location: `${ELSEWHERE}/fhir/Medication/m1` } })),
      http.get(`${ELSEWHERE}/*`, () => HttpResponse.json({ resourceType: "Medication", id: "m1", code: { text: "furosemide" } })),
    );
    const outcome = await load();
    expect(sources(outcome).MedicationRequest!.status).toBe("failed");
    if (outcome.ok) expect(outcome.data.input.medications.find((m) => m.resource.id === "mr1")?.concept).toBeUndefined();
    expect(elsewhereHits).toEqual([]);
  });
});
