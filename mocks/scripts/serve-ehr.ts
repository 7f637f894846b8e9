/**
 * Runs the demo EHR on its own:
 *   npx tsx mocks/scripts/serve-ehr.ts [--port 4010] [--app http://localhost:4000/launch.html] [--latency 0]
 * Uses the real clock (the demo), unlike tests, which inject a fixed one.
 */
import { startEhrHttpServer } from "../httpServer";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ehr = await startEhrHttpServer({
  port: Number(arg("port") ?? 4010),
  appLaunchUrl: arg("app") ?? "http://localhost:4000/launch.html",
  latencyMs: Number(arg("latency") ?? 0),
});
console.log(`Demo EHR: ${ehr.baseUrl}/  (FHIR base ${ehr.fhirBaseUrl})`);
const stop = () => void ehr.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
