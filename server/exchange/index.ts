/**
 * The token exchange on the app's server (docs/spec/confidential-clients.md): the routes that serve.ts
 * adds in front of the static files. Everything under /smart/ and the key set at /.well-known/jwks.json;
 * any other path is left to the static server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { StoreUnavailable } from "../../node/store";
import { CALLBACK_ROUTE, FHIR_ROUTE, JWKS_ROUTE, LAUNCH_ROUTE, LOGOUT_ROUTE, SESSION_ROUTE } from "../../src/fhir/exchangeRoutes";
import { publicJwks } from "./clientKey";
import type { ExchangeContext } from "./context";
import { proxyFhir } from "./fhirProxy";
import { sendJson } from "./http";
import { finishLaunch, startLaunch } from "./launchRoutes";
import { logout, sessionInfo } from "./sessionRoutes";

export type { ExchangeContext, ExchangeLogger } from "./context";

const HANDLE = "([A-Za-z0-9_-]{16,64})";
const SESSION = new RegExp(`^/${SESSION_ROUTE}/${HANDLE}$`);
const LOGOUT = new RegExp(`^/${LOGOUT_ROUTE}/${HANDLE}$`);
const FHIR = new RegExp(`^/${FHIR_ROUTE}/${HANDLE}/(.+)$`);

/** Answers the request when it is one of the exchange's; false when the static server should. */
export async function handleExchange(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const target = req.url ?? "";
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? "" : target.slice(q + 1);
  const method = req.method ?? "";
  if (path === `/${JWKS_ROUTE}`) {
    if (method !== "GET" && method !== "HEAD") return false;
    const key = ctx.credentials.clientKey;
    if (!key) sendJson(res, 404, { error: "This server has no client key." });
    else sendJson(res, 200, publicJwks([key]), "application/jwk-set+json");
    return true;
  }
  if (!path.startsWith("/smart/")) return false;
  try {
    if (path === `/${LAUNCH_ROUTE}`) {
      if (method !== "POST") return methodNotAllowed(res, "POST");
      await startLaunch(ctx, req, res);
      return true;
    }
    if (path === `/${CALLBACK_ROUTE}`) {
      if (method !== "GET") return methodNotAllowed(res, "GET");
      await finishLaunch(ctx, req, res, new URLSearchParams(query));
      return true;
    }
    let m = SESSION.exec(path);
    if (m) {
      if (method !== "GET") return methodNotAllowed(res, "GET");
      await sessionInfo(ctx, req, res, m[1]!);
      return true;
    }
    m = LOGOUT.exec(path);
    if (m) {
      if (method !== "POST") return methodNotAllowed(res, "POST");
      await logout(ctx, req, res, m[1]!);
      return true;
    }
    m = FHIR.exec(path);
    if (m) {
      await proxyFhir(ctx, req, res, m[1]!, m[2]!, query);
      return true;
    }
    sendJson(res, 404, { error: "not-found" });
    return true;
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return true;
    }
    // Sessions fail closed when the store cannot answer; nothing about the request is logged.
    if (error instanceof StoreUnavailable) {
      ctx.logger.warn("server exchange: the session store is unavailable");
      sendJson(res, 503, { error: "exchange-unavailable" });
      return true;
    }
    ctx.logger.warn(`server exchange: unexpected failure (${error instanceof Error ? error.name : typeof error})`);
    sendJson(res, 500, { error: "exchange-unavailable" });
    return true;
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.setHeader("Allow", allow);
  sendJson(res, 405, { error: "method-not-allowed" });
  return true;
}
