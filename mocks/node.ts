/** msw/node server with the mock EHR's handlers, for Vitest. */
import { setupServer, type SetupServer } from "msw/node";
import { createEhrHandlers, type EhrHandlerOptions } from "./handlers";

/** `options` (optional) sets the clock, latency and page sizes; tests should pass a fixed `now`. */
export function createMockEhrServer(
  baseUrl = "http://127.0.0.1:4010",
  options: Omit<EhrHandlerOptions, "baseUrl"> = {},
): SetupServer {
  return setupServer(...createEhrHandlers({ ...options, baseUrl }));
}
