/**
 * The public CDS Hooks sandbox signs with a published private key (issue 21, item 5): it is never a
 * configuration entry, only the explicit test flag, and never beside real clients.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCdsArgs } from "../../cds/main";
import { PUBLIC_SANDBOX_FHIR_SERVERS, PUBLIC_SANDBOX_ISS, PUBLIC_SANDBOX_JWKS_URL, trustPublicSandbox } from "../../cds/publicSandbox";
import { allowedFhirServer } from "../../cds/fhirServers";
import { parseCdsConfig, REPO_ROOT } from "../../cds/config";
import { APP_CONFIG_JSON, APP_LAUNCH_URL } from "./harness";

const real = { iss: "https://ehr.example.org", jwksUrl: "https://ehr.example.org/jwks.json" };

describe("the public CDS Hooks sandbox", () => {
  it("cannot be listed in clients, under its issuer or its key's host", () => {
    for (const client of [
      { iss: PUBLIC_SANDBOX_ISS, jwksUrl: PUBLIC_SANDBOX_JWKS_URL },
      { iss: "https://sandbox.cds-hooks.org/", jwksUrl: "https://keys.example/jwks.json" },
      { iss: "anything", jwksUrl: PUBLIC_SANDBOX_JWKS_URL },
    ]) {
      expect(() => parseCdsConfig({ clients: [client], appLaunchUrl: APP_LAUNCH_URL }, APP_CONFIG_JSON)).toThrow(/public CDS Hooks sandbox, whose signing key is published/);
    }
  });

  it("the test flag makes it the only client, reading only the public SMART sandbox", () => {
    const config = trustPublicSandbox(parseCdsConfig({ clients: [], appLaunchUrl: APP_LAUNCH_URL }, APP_CONFIG_JSON));
    expect(config.clients).toEqual([{ iss: PUBLIC_SANDBOX_ISS, jwksUrl: PUBLIC_SANDBOX_JWKS_URL, fhirServers: PUBLIC_SANDBOX_FHIR_SERVERS }]);
    expect(allowedFhirServer(config, PUBLIC_SANDBOX_ISS, "https://launch.smarthealthit.org/v/r4/fhir")).toBeDefined();
    expect(allowedFhirServer(config, PUBLIC_SANDBOX_ISS, "https://ehr.example.org/fhir")).toBeUndefined();
  });

  it("never beside real clients", () => {
    const config = parseCdsConfig({ clients: [real], appLaunchUrl: APP_LAUNCH_URL }, APP_CONFIG_JSON);
    expect(() => trustPublicSandbox(config)).toThrow(/no other client/);
  });

  it("the flag is explicit on the command line; npm run cds refuses it beside real clients (exit 1)", async () => {
    expect(parseCdsArgs(["--trust-public-sandbox-for-testing"]).publicSandbox).toBe(true);
    expect(parseCdsArgs([]).publicSandbox).toBeUndefined();
    const dir = await mkdtemp(path.join(tmpdir(), "cds-sandbox-"));
    try {
      const file = path.join(dir, "cds.json");
      await writeFile(file, JSON.stringify({ clients: [real], appLaunchUrl: APP_LAUNCH_URL }));
      const { code, err } = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "cds/main.ts", "--port", "0", "--config", file, "--trust-public-sandbox-for-testing"], { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("exit", (c) => resolve({ code: c, err: stderr }));
      });
      expect(code).toBe(1);
      expect(err).toMatch(/no other client/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
