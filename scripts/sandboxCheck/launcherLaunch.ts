/**
 * Scripted launches through a SMART launcher (smart-on-fhir/smart-launcher-v2, the public sandbox's
 * software) without its UI: the `launch` value is base64url of a JSON array of launch options, by position
 * (src/isomorphic/codec.ts of the launcher; docs/spec/smart-notes.md §4). With a patient, one provider,
 * no encounter and skip_login/skip_auth set, an EHR launch runs to the app's redirect with no page to click.
 */

/** The launcher's R4 FHIR base under its origin. */
export function launcherFhirBase(launcherUrl: string): string {
  return `${launcherUrl.replace(/\/+$/, "")}/v/r4/fhir`;
}

export interface LauncherLaunch {
  patient: string;
  /** Practitioner id: with `openid fhirUser` requested, the launcher asks for a login unless exactly one is given. */
  provider?: string;
}

/** The `launch` parameter of a provider EHR launch, as the launcher's own front end encodes it. */
export function encodeLauncherLaunch({ patient, provider }: LauncherLaunch): string {
  const options = [
    0, // 0 launch type: provider-ehr
    patient, // 1 patient id
    provider ?? "", // 2 provider id
    "NONE", // 3 encounter: none (no encounter picker)
    1, // 4 skip_login
    1, // 5 skip_auth
    0, // 6 sim_ehr: 0, the app is not framed (need_patient_banner stays true)
    "", // 7 allowed scopes: any
    "", // 8 redirect URIs: any
    "", // 9 client id: any
    "", // 10 client secret
    "", // 11 simulated error: none
    "", // 12 jwks URL
    "", // 13 jwks
    0, // 14 client type: public
    1, // 15 PKCE: auto
    "", // 16 fhirContext
  ];
  return Buffer.from(JSON.stringify(options), "utf8").toString("base64url");
}
