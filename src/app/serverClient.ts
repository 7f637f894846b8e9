/**
 * index.html with a server session (servers[].tokenExchange "server"), loaded only then: reads the
 * session's context from the app's server and gives the panel a fhirclient Client on the same-origin FHIR
 * path, with no token (the server adds it). The data layer is the same as for a browser exchange.
 */
import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import type { ServerSessionInfo } from "../fhir/exchangeRoutes";
import { endServerSession, readServerSession } from "../fhir/serverSession";

export interface ServerClient {
  client: Client;
  info: ServerSessionInfo;
  /** Ends the session on the app's server: true when it ended. */
  signOut: () => Promise<boolean>;
}

export async function serverClient(pageUrl: string, handle: string): Promise<ServerClient> {
  const info = await readServerSession(pageUrl, handle);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- iss and fhirBase are not launch context
  const { iss, fhirBase, csrf, ...context } = info;
  // The launch context only (patient, scope, banner, style): no access or refresh token, so fhirclient
  // sends no Authorization header; the app's server adds the session's token.
  const client = FHIR.client({ serverUrl: fhirBase, tokenResponse: context });
  return { client, info, signOut: () => endServerSession(pageUrl, handle, csrf) };
}
