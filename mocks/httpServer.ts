/**
 * Serves the mock EHR over real HTTP (node:http + msw's getResponse, the same handlers as msw/node), plus
 * GET / = the "Demo EHR" home page with a Launch link per demo patient. The port is bound first so the
 * handlers know their baseUrl.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { getResponse, http } from "msw";
import type { ConfidentialClient } from "./clientAuth";
import { createEhrHandlers } from "./handlers";
import { createDemoCdsClient, type DemoCdsOptions } from "./cdsClient";
import { homePage } from "./homePage";
import { DEMO_PATIENTS } from "./patients";
import { isProfileName } from "./profiles";
import { html } from "./responses";

export interface EhrHttpServerOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** The app's launch URL for the home page links (default "http://localhost:4000/launch.html"). */
  appLaunchUrl?: string;
  latencyMs?: number;
  now?: () => Date;
  /** Act as a CDS Hooks client (chart pages call the service; the EHR's JWKS is served). */
  cds?: DemoCdsOptions;
  /** Client ids that must authenticate at the token endpoint (mocks/clientAuth.ts). */
  confidentialClients?: Readonly<Record<string, ConfidentialClient>>;
  /** Extra launch links on the home page: one demo patient launched through each of these FHIR bases. */
  serverExchangeLaunches?: readonly { label: string; fhirBase: string }[];
}

export interface EhrHttpServer {
  baseUrl: string;
  fhirBaseUrl: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, baseUrl: string, signal: AbortSignal): Request {
  const method = req.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  // Requests are resolved against baseUrl whatever Host they used, so "localhost" and "127.0.0.1" both work.
  return new Request(new URL(req.url ?? "/", baseUrl), init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === "error") {
    res.destroy();
    return;
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.end(body);
}

export async function startEhrHttpServer(options: EhrHttpServerOptions = {}): Promise<EhrHttpServer> {
  const host = options.host ?? "127.0.0.1";
  const appLaunchUrl = options.appLaunchUrl ?? "http://localhost:4000/launch.html";
  const now = options.now ?? (() => new Date());
  let handlers: ReturnType<typeof createEhrHandlers> = [];
  let baseUrl = "";

  const server = createServer((req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const response = await getResponse(handlers, toRequest(req, baseUrl, controller.signal));
        await send(res, response ?? html("<!doctype html><title>Not found</title><p>Not found</p>", 404));
      } catch (error) {
        if (controller.signal.aborted) return;
        console.error("mock EHR: request failed", error instanceof Error ? error.message : error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  baseUrl = `http://${hostForUrl}:${port}`;
  const fhirBaseUrl = `${baseUrl}/fhir`;
  const cds = options.cds ? await createDemoCdsClient({ baseUrl, fhirBaseUrl, appLaunchUrl, patients: DEMO_PATIENTS, now, options: options.cds }) : undefined;
  handlers = [
    ...(cds?.handlers ?? []),
    http.get(`${baseUrl}/`, ({ request }) => {
      const wanted = new URL(request.url).searchParams.get("profile");
      const profile = isProfileName(wanted) ? wanted : "plain";
      return html(homePage({ patients: DEMO_PATIENTS, baseUrl, profile, appLaunchUrl, now: now(), serverExchange: options.serverExchangeLaunches ?? [] }));
    }),
    ...createEhrHandlers({
      baseUrl,
      now,
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...(options.confidentialClients ? { confidentialClients: options.confidentialClients } : {}),
    }),
  ];

  return {
    baseUrl,
    fhirBaseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
