/**
 * Data-loading benchmark (issues 4 and 10): for each fixture patient, launch the production build from the demo
 * EHR in Chromium with injected latency per request and measure
 *   - FHIR requests made by index.html, and how many sequential waves the data requests form (the
 *     CapabilityStatement, read beside the token exchange, is counted in requests and bytes, not in waves),
 *   - bytes received (FHIR response bodies),
 *   - median time from index.html load to data-panel-status leaving "loading".
 * Then the same patients read the naive way (one query after another, the server's default page size,
 * each referenced Medication fetched in turn), with the same token against the same server.
 *
 * Run: npm run build && npm run bench:load [-- --latency 100 --runs 5] [-- --sandbox]
 * `--sandbox`: only the seven sandbox patients (the figure the issues track).
 */
import { panelStatus, startStack } from "../tests/browser/stack";
import { DEMO_PATIENTS, HANDMADE_PATIENTS } from "../mocks/patients";
import { LAB_LOINC_CODES } from "../src/knowledge";
import { HISTORY_FIELD } from "../src/fhir/session";

const LAB_CODES = LAB_LOINC_CODES.join(",");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}
const LATENCY = arg("--latency", 100);
const RUNS = arg("--runs", 5);

interface Timed {
  url: string;
  start: number;
  end: number;
  bytes: number;
}

/** Waves: a request is in wave n+1 when it started after a wave-n request had finished. */
export function countWaves(requests: Timed[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const level = new Map<Timed, number>();
  for (const r of sorted) {
    let l = 1;
    for (const p of sorted) if (p !== r && p.end <= r.start && level.has(p)) l = Math.max(l, level.get(p)! + 1);
    level.set(r, l);
  }
  return Math.max(0, ...level.values());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

const stack = await startStack({ latencyMs: LATENCY });
const rows: string[] = [];
try {
  const SANDBOX_ONLY = process.argv.includes("--sandbox");
  const patients = SANDBOX_ONLY ? DEMO_PATIENTS.filter((p) => !HANDMADE_PATIENTS.includes(p)) : DEMO_PATIENTS;
  for (const patient of patients) {
    const times: number[] = [];
    let requests: Timed[] = [];
    let status = "";
    let token = "";
    for (let run = 0; run < RUNS; run++) {
      const { page, context } = await stack.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __leftLoading?: number };
        new MutationObserver(() => {
          const s = document.querySelector("[data-panel-status]")?.getAttribute("data-panel-status");
          if (s && s !== "loading" && w.__leftLoading === undefined) w.__leftLoading = performance.now();
        }).observe(document, { subtree: true, attributes: true, childList: true });
      });
      const seen: Timed[] = [];
      const open = new Map<object, Timed>();
      page.on("request", (req) => {
        if (!req.url().startsWith(stack.fhirBaseUrl) || req.url().includes(".well-known")) return;
        if (!new URL(page.url()).pathname.endsWith("index.html")) return;
        const t: Timed = { url: req.url(), start: Date.now(), end: Infinity, bytes: 0 };
        open.set(req, t);
        seen.push(t);
      });
      page.on("requestfinished", async (req) => {
        const t = open.get(req);
        if (!t) return;
        t.end = Date.now();
        t.bytes = (await req.sizes()).responseBodySize;
      });
      await page.goto(stack.launchUrl({ patient: patient.id }));
      status = await panelStatus(page, 120000);
      await page.waitForLoadState("networkidle");
      // From the start of index.html's own fetch (after the authorization server's redirect), not from the
      // start of the navigation chain, which would also count the authorize request.
      times.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          return (window as unknown as { __leftLoading: number }).__leftLoading - nav.fetchStart;
        }),
      );
      requests = seen;
      // One session per launch (src/fhir/session.ts): its key is in index.html's history entry.
      token = await page.evaluate((field) => {
        const key = (history.state as Record<string, unknown> | null)?.[field];
        return typeof key === "string" ? (JSON.parse(sessionStorage.getItem(key) ?? "{}").tokenResponse?.access_token ?? "") : "";
      }, HISTORY_FIELD);
      if (!token) throw new Error("no access token found after the launch: the naive baseline would measure refusals");
      await context.close();
    }
    const naive = await naiveLoad(stack.fhirBaseUrl, patient.id, token);
    rows.push(
      [
        patient.id.slice(0, 22).padEnd(22),
        status.padEnd(7),
        String(requests.length).padStart(4),
        // Waves of data requests: the CapabilityStatement is read beside the token exchange, before them.
        String(countWaves(requests.filter((r) => !r.url.endsWith("/metadata")))).padStart(5),
        String(Math.round(requests.reduce((n, r) => n + r.bytes, 0) / 1024)).padStart(6),
        String(Math.round(median(times))).padStart(7),
        String(naive.requests).padStart(6),
        String(naive.requests).padStart(6),
        String(Math.round(naive.bytes / 1024)).padStart(6),
        String(Math.round(naive.ms)).padStart(7),
      ].join(" | "),
    );
  }
} finally {
  await stack.close();
}

/**
 * The naive loader, run in the same browser (so CORS preflights count as they do for the app): one query
 * after another, the server's default page size, each referenced Medication fetched in turn. Its time is
 * the in-page time plus one latency for the token exchange that precedes it in a real launch.
 */
async function naiveLoad(base: string, patientId: string, token: string) {
  const { page, context } = await stack.newPage();
  await page.goto(`${stack.appUrl}/smart-config.json`);
  // tsx (esbuild keepNames) wraps inner functions in __name(); give the page a no-op one.
  await page.evaluate("globalThis.__name = (f) => f");
  const r = await page.evaluate(
    async ({ base, patientId, token, LAB_CODES }) => {
      const headers = { authorization: `Bearer ${token}`, accept: "application/fhir+json" };
      let requests = 0;
      let bytes = 0;
      const t0 = performance.now();
      const get = async (url: string) => {
        requests++;
        const text = await (await fetch(url, { headers })).text();
        bytes += text.length;
        try {
          return JSON.parse(text) as { link?: { relation: string; url: string }[]; entry?: { resource: Record<string, unknown> }[] };
        } catch {
          return {};
        }
      };
      await get(`${base}/Patient/${patientId}`);
      const refs = new Set<string>();
      for (const q of ["Condition", "MedicationRequest", "MedicationStatement", "Procedure", "Observation"]) {
        // Lab results: the same LOINC codes the app asks for (a search without a filter is refused by some EHRs).
        const filter = q === "Observation" ? `&code=${encodeURIComponent(LAB_CODES)}` : "";
        let url: string | undefined = `${base}/${q}?patient=${patientId}${filter}`;
        while (url) {
          const b = await get(url);
          for (const e of b.entry ?? []) {
            const ref = (e.resource.medicationReference as { reference?: string } | undefined)?.reference;
            if (ref && !ref.startsWith("#")) refs.add(ref);
          }
          url = b.link?.find((l) => l.relation === "next")?.url;
        }
      }
      for (const ref of refs) await get(`${base}/${ref}`);
      return { requests, bytes, ms: performance.now() - t0 };
    },
    { base, patientId, token, LAB_CODES },
  );
  await context.close();
  return { ...r, ms: r.ms + LATENCY };
}

console.log(`\nData loading, Chromium, ${LATENCY} ms injected latency per EHR request, median of ${RUNS} runs`);
console.log(`target for patients with <= 200 resources per type: <= 2 waves, time-to-ready <= ${3 * LATENCY + 150} ms\n`);
console.log("patient                | status  | reqs | waves | KiB    | ready ms | naive: reqs | waves | KiB    | ms");
console.log("-".repeat(110));
for (const r of rows) console.log(r);
