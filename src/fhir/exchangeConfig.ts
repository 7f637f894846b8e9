/**
 * The per-server token-exchange options of smart-config.json (`tokenExchange`, `tokenAuth`;
 * docs/spec/confidential-clients.md). Pure. The routes and names the pages and the server share are in
 * exchangeRoutes.ts (kept apart so that each page bundles only what it uses).
 */
import type { ServerConfig, TokenAuthMethod } from "./configTypes";

/**
 * `tokenExchange` and `tokenAuth` of one raw entry. Only "server" changes the exchange (anything else is
 * the browser's, the default). `tokenAuth` is kept as written: only the server uses it, and it refuses a
 * launch whose method it does not know (server/exchange/launchRoutes.ts), never guessing one.
 */
export function parseExchange(v: Record<string, unknown>): Pick<ServerConfig, "tokenExchange" | "tokenAuth"> {
  return {
    ...(v.tokenExchange === "server" ? { tokenExchange: "server" as const } : {}),
    ...(typeof v.tokenAuth === "string" ? { tokenAuth: v.tokenAuth as TokenAuthMethod } : {}),
  };
}

export function usesServerExchange(server: Pick<ServerConfig, "tokenExchange"> | undefined): boolean {
  return server?.tokenExchange === "server";
}
