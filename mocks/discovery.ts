/** Discovery documents: SMART configuration, CapabilityStatement and SMART style. */
import type { CapabilityStatement, CapabilityStatementRestResource } from "fhir/r4";
import { INCLUDES, SEARCHABLE_TYPES, searchParamsOf } from "./fhirSearch";
import { PROFILES, type EhrProfile } from "./profiles";

export interface Endpoints {
  authorize: string;
  token: string;
}

export function smartConfiguration(e: Endpoints, profile: EhrProfile = PROFILES.plain): Record<string, unknown> {
  const config: Record<string, unknown> = {
    issuer: e.authorize.replace(/\/auth\/authorize$/, ""),
    authorization_endpoint: e.authorize,
    token_endpoint: e.token,
    token_endpoint_auth_methods_supported: ["none"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: [
      "openid", "fhirUser", "launch", "launch/patient", "offline_access", "online_access",
      "patient/*.rs", "user/*.rs", "patient/*.read", "user/*.read",
    ],
    capabilities: [
      "launch-ehr",
      "launch-standalone",
      "client-public",
      "context-ehr-patient",
      "context-standalone-patient",
      "context-banner",
      "context-style",
      "permission-v1",
      "permission-v2",
      "permission-patient",
      "permission-user",
      "permission-offline",
      "permission-online",
      "sso-openid-connect",
    ],
  };
  if (!profile.advertisesOnline) {
    const drop = new Set(["permission-online", "permission-offline", "online_access", "offline_access"]);
    config.capabilities = (config.capabilities as string[]).filter((c) => !drop.has(c));
    config.scopes_supported = (config.scopes_supported as string[]).filter((c) => !drop.has(c));
  }
  return config;
}

export function capabilityStatement(e: Endpoints, fhirVersion: string, date: string, profile: EhrProfile = PROFILES.plain): CapabilityStatement {
  const offered = SEARCHABLE_TYPES.filter((type) => !profile.notOffered.includes(type));
  const countListed = (type: string) => profile.countListed === undefined || profile.countListed.includes(type);
  const searchable: CapabilityStatementRestResource[] = offered.map((type) => {
    const resource: CapabilityStatementRestResource = {
      type,
      interaction: [{ code: "read" }, { code: "search-type" }],
      searchParam: [
        ...searchParamsOf(type).map((name) => ({ name, type: name === "patient" || name === "subject" ? ("reference" as const) : name === "date" ? ("date" as const) : ("token" as const) })),
        ...(countListed(type) ? [{ name: "_count", type: "number" as const }] : []),
      ],
    };
    const include = INCLUDES[type];
    const listed = profile.searchIncludes ? profile.searchIncludes[type] : include && !profile.ignoresInclude && !profile.refusedParams.includes("_include") ? [include] : undefined;
    if (listed && listed.length > 0) resource.searchInclude = [...listed];
    return resource;
  });
  // Types that list _count beside the ones searched here (MEDITECH: Location, Practitioner).
  const others: CapabilityStatementRestResource[] = (profile.countListed ?? [])
    .filter((type) => !SEARCHABLE_TYPES.includes(type) && type !== "Patient" && type !== "Medication")
    .map((type) => ({ type, interaction: [{ code: "read" }, { code: "search-type" }], searchParam: [{ name: "_id", type: "token" }, { name: "_count", type: "number" }] }));
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    kind: "instance",
    software: profile.software,
    fhirVersion: fhirVersion as CapabilityStatement["fhirVersion"],
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: {
          service: [
            {
              coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }],
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: e.authorize },
                { url: "token", valueUri: e.token },
              ],
            },
          ],
        },
        resource: [
          { type: "Patient", interaction: [{ code: "read" }] },
          ...searchable,
          ...(profile.notOffered.includes("Medication") ? [] : [{ type: "Medication", interaction: [{ code: "read" as const }] }]),
          ...others,
        ],
      },
    ],
  };
}

export const SMART_STYLE = {
  color_background: "#edeae3",
  color_error: "#9e2d2d",
  color_highlight: "#69b5ce",
  color_modal_backdrop: "",
  color_success: "#498e49",
  color_text: "#303030",
  dim_border_radius: "6px",
  dim_font_size: "13px",
  dim_spacing_size: "20px",
  font_family_body: "Georgia, Times, 'Times New Roman', serif",
  font_family_heading: "'HelveticaNeue-Light', Helvetica, Arial, 'Lucida Grande', sans-serif",
};
