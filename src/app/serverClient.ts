/**
 * index.html with a server session (servers[].tokenExchange "server"), loaded only then: reads the
 * session's context from the app's server and gives the panel a fhirclient Client on the same-origin FHIR
 * path, with no token (the server adds it). The data layer is the same as for a browser exchange.
 */
import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import type { ServerSessionInfo } from "../fhir/exchangeConfig";
import { endServerSession, readServerSession } from "../fhir/serverSession";

export interface ServerClient {
  client: Client;
  info: ServerSessionInfo;
  logout(): Promise<boolean>;
}

export async function serverClient(pageUrl: string, handle: string): Promise<ServerClient> {
  const info = await readServerSession(pageUrl, handle);
  const client = FHIR.client({
    serverUrl: info.fhirBase,
    // The launch context only: no access or refresh token (fhirclient then sends no Authorization header).
    tokenResponse: {
      scope: info.scope,
      ...(info.patient ? { patient: info.patient } : {}),
      ...(info.need_patient_banner !== undefined ? { need_patient_banner: info.need_patient_banner } : {}),
      ...(info.smart_style_url ? { smart_style_url: info.smart_style_url } : {}),
    },
  });
  return { client, info, logout: () => endServerSession(pageUrl, handle, info.csrf) };
}
