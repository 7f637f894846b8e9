// @vitest-environment jsdom
/** Issue 14 item 10: online_access is requested where the server's discovery says it supports it. */
import { describe, expect, it } from "vitest";
import { discoverCapabilities, scopeForLaunch, withOnlineAccess } from "../../src/fhir/scopeRequest";
import { parseConfig } from "../../src/fhir/config";
import { profileFhirBase } from "../../mocks/launchContext";
import { EHR_ORIGIN, FHIR_BASE, startMockEhrForFile } from "./smartFlow";

startMockEhrForFile();
const getJson = (url: string) => fetch(url).then((r) => r.json());
const PAGE = "http://127.0.0.1:4000/launch.html";

describe("withOnlineAccess", () => {
  it("adds online_access when discovery lists permission-online", () => {
    expect(withOnlineAccess("launch openid", ["launch-ehr", "permission-online"], undefined)).toBe("launch openid online_access");
  });
  it("leaves the scope alone without permission-online, when turned off, or when a refresh scope is already asked for", () => {
    expect(withOnlineAccess("launch", ["launch-ehr"], undefined)).toBe("launch");
    expect(withOnlineAccess("launch", undefined, undefined)).toBe("launch");
    expect(withOnlineAccess("launch", ["permission-online"], false)).toBe("launch");
    expect(withOnlineAccess("launch offline_access", ["permission-online"], undefined)).toBe("launch offline_access");
    expect(withOnlineAccess("launch online_access", ["permission-online"], true)).toBe("launch online_access");
  });
});

describe("against the demo EHR's profiles", () => {
  const config = parseConfig({ clientId: "c", scope: "launch openid", servers: [] });

  it("plain and Oracle-like advertise permission-online: the launch asks for online_access", async () => {
    expect(await discoverCapabilities(FHIR_BASE, getJson)).toContain("permission-online");
    expect(await scopeForLaunch({ iss: FHIR_BASE, scope: "launch openid" }, config, PAGE, getJson)).toBe("launch openid online_access");
    const oracle = profileFhirBase(EHR_ORIGIN, "oracle");
    expect(await scopeForLaunch({ iss: oracle, scope: "launch openid" }, config, PAGE, getJson)).toBe("launch openid online_access");
  });

  it("Epic-like gives public clients no refresh token and does not advertise it: not asked for", async () => {
    const epic = profileFhirBase(EHR_ORIGIN, "epic");
    expect(await discoverCapabilities(epic, getJson)).not.toContain("permission-online");
    expect(await scopeForLaunch({ iss: epic, scope: "launch openid" }, config, PAGE, getJson)).toBe("launch openid");
  });

  it("a server entry with onlineAccess false never asks; unreadable discovery never asks", async () => {
    const off = parseConfig({ clientId: "c", scope: "launch", servers: [{ iss: FHIR_BASE, onlineAccess: false }] });
    expect(await scopeForLaunch({ iss: FHIR_BASE, scope: "launch" }, off, PAGE, getJson)).toBe("launch");
    expect(await scopeForLaunch({ iss: FHIR_BASE, scope: "launch" }, config, PAGE, async () => { throw new TypeError("offline"); })).toBe("launch");
  });
});
