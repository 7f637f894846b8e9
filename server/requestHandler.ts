/**
 * The request handler: GET/HEAD of plain static files under root, security headers on every response.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeaders } from "./securityHeaders";
import { cacheControlFor, contentTypeFor, isInside, NO_STORE, resolveRequestPath } from "./staticPaths";

export interface HandlerDeps {
  /** Real path of the root directory. */
  root: string;
  /**
   * The CSP for every response, the same whatever the request: its loopback relaxations are switched on
   * per server (serve.ts `loopbackCsp`), never inferred from the request (behind a proxy that forwards
   * `Host: 127.0.0.1` every page would get them).
   */
  csp: () => Promise<string>;
  /** Access log line sink (method, path without query, status), or undefined for no access log. */
  accessLog?: (line: string) => void;
  /** Routes answered before the static files (the server token exchange); true when it answered. */
  routes?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

/**
 * The path as the access log shows it: never the query, and for the exchange's routes only their name
 * (the session handle and the FHIR path after it, which holds the patient's id, stay out of logs).
 */
export function loggedPath(target: string): string {
  const path = (target.split(/[?#]/, 1)[0] ?? "").slice(0, 300);
  const exchange = /^\/smart\/[a-z]+/.exec(path);
  return exchange ? `${exchange[0]}/…` : path;
}

export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch(() => {
      // Nothing about the failure is sent to the client or logged with the request's query.
      if (!res.headersSent) {
        sendText(res, 500, "Internal server error\n");
      } else {
        res.destroy();
      }
    });
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? "";
  const method = req.method ?? "";
  const headers = securityHeaders(await deps.csp());
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

  if (deps.accessLog) {
    const log = deps.accessLog;
    // Never the query string: it can hold code, state, iss and launch.
    const pathOnly = loggedPath(target);
    res.on("close", () => log(`${method} ${pathOnly} ${res.statusCode}`));
  }

  if (deps.routes && (await deps.routes(req, res))) return;

  if (method !== "GET" && method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    sendText(res, 405, "Method not allowed\n");
    return;
  }

  const resolved = resolveRequestPath(deps.root, target);
  if (resolved.kind === "bad-request") {
    sendText(res, 400, "Bad request\n");
    return;
  }
  if (resolved.kind === "not-found") {
    sendText(res, 404, "Not found\n");
    return;
  }

  let real: string;
  try {
    real = await realpath(resolved.file);
  } catch {
    sendText(res, 404, "Not found\n");
    return;
  }
  const info = await stat(real);
  // A symlink may not lead out of root; directories are never listed.
  if (!isInside(deps.root, real) || !info.isFile()) {
    sendText(res, 404, "Not found\n");
    return;
  }

  res.statusCode = 200;
  res.setHeader("Content-Type", contentTypeFor(resolved.urlPath));
  res.setHeader("Content-Length", String(info.size));
  res.setHeader("Cache-Control", cacheControlFor(resolved.urlPath));
  res.setHeader("Last-Modified", info.mtime.toUTCString());
  if (method === "HEAD") {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(real);
    stream.on("error", () => {
      res.destroy();
      resolve();
    });
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

function sendText(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", NO_STORE);
  res.setHeader("Content-Length", String(Buffer.byteLength(body)));
  res.end(res.req.method === "HEAD" ? undefined : body);
}
