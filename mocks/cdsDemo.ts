/**
 * The CDS Hooks service as `npm start` runs it: trusting the demo EHR (demoCdsConfigJson, the same content as
 * cds-config.demo.json for the default ports) and linking its cards to the demo's app. Node only.
 */
import { readFile } from "node:fs/promises";
import { DEFAULT_APP_CONFIG_FILE, parseCdsConfig } from "../cds/config";
import { startCdsService, type CdsService } from "../cds/server";
import { demoCdsConfigJson } from "./cdsClient";
import { startEhrHttpServer, type EhrHttpServer, type EhrHttpServerOptions } from "./httpServer";

export async function startDemoCdsService(args: {
  ehrBaseUrl: string;
  appLaunchUrl: string;
  port: number;
  /** The app's smart-config.json (default: public/smart-config.json, which the build copies to dist/). */
  appConfigFile?: string;
  /** The clock (tests pin it; default: the real one). */
  now?: () => Date;
}): Promise<CdsService> {
  const appJson: unknown = JSON.parse(await readFile(args.appConfigFile ?? DEFAULT_APP_CONFIG_FILE, "utf8"));
  const config = parseCdsConfig(demoCdsConfigJson(args.ehrBaseUrl, args.appLaunchUrl), appJson, "demo CDS configuration");
  // The demo flag: the demo EHR's FHIR server is on a loopback port chosen at start.
  return startCdsService({ config, port: args.port, host: "127.0.0.1", demo: true, ...(args.now ? { now: args.now } : {}) });
}

/**
 * The demo EHR and the CDS service that gives its charts their cards, started together: the EHR asks for the
 * service's URL only when a chart calls it, by which time the service listens. Both on `now` when given.
 */
export async function startEhrWithCds(
  ehrOptions: EhrHttpServerOptions & { appLaunchUrl: string },
  cdsPort = 0,
): Promise<{ ehr: EhrHttpServer; cds: CdsService }> {
  const service: { url?: string } = {};
  const ehr = await startEhrHttpServer({ ...ehrOptions, cds: { serviceBase: () => service.url } });
  const cds = await startDemoCdsService({ ehrBaseUrl: ehr.baseUrl, appLaunchUrl: ehrOptions.appLaunchUrl, port: cdsPort, ...(ehrOptions.now ? { now: ehrOptions.now } : {}) });
  service.url = cds.url;
  return { ehr, cds };
}
