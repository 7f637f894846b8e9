/**
 * The configuration file and `npm run cds`: a clear message and no service for an invalid file, the shipped
 * file trusting nobody, the demo's file trusting the demo EHR, and the command line.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCdsConfig, readCdsConfig, REPO_ROOT } from "../../cds/config";
import { parseCdsArgs } from "../../cds/main";
import { demoCdsConfigJson } from "../../mocks/cdsClient";
import { APP_CONFIG_JSON } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const valid = { clients: [{ iss: "https://ehr.example", jwksUrl: "https://ehr.example/jwks.json" }], appLaunchUrl: "https://app.example/launch.html" };

describe("parseCdsConfig", () => {
  it("reads clients, appLaunchUrl, an optional serviceUrl (with or without /cds-services) and the body limit", () => {
    const c = parseCdsConfig({ ...valid, serviceUrl: "https://cds.example.org/cds-services/", maxBodyBytes: 2048 }, APP_CONFIG_JSON);
    expect(c.clients).toEqual(valid.clients.map((client) => ({ ...client, fhirServers: [] })));
    expect(c.appLaunchUrl).toBe(valid.appLaunchUrl);
    expect(c.serviceUrl).toBe("https://cds.example.org");
    expect(c.maxBodyBytes).toBe(2048);
    expect(c.app.servers.length).toBeGreaterThan(0);
    expect(parseCdsConfig(valid, APP_CONFIG_JSON).serviceUrl).toBeUndefined();
  });

  it("replayStore: memory by default, or a Redis URL; replayQuotaPerClient: a positive integer", () => {
    expect(parseCdsConfig(valid, APP_CONFIG_JSON).replayStore).toBe("memory");
    expect(parseCdsConfig({ ...valid, replayStore: "redis://127.0.0.1:6379/2" }, APP_CONFIG_JSON).replayStore).toBe("redis://127.0.0.1:6379/2");
    expect(() => parseCdsConfig({ ...valid, replayStore: "postgres://db" }, APP_CONFIG_JSON)).toThrow(/"replayStore" must be "memory" or a Redis URL/);
    expect(parseCdsConfig({ ...valid, replayQuotaPerClient: 500 }, APP_CONFIG_JSON).replayQuotaPerClient).toBe(500);
    expect(() => parseCdsConfig({ ...valid, replayQuotaPerClient: 0 }, APP_CONFIG_JSON)).toThrow(/replayQuotaPerClient/);
  });

  it.each([
    ["not an object", [], /expected a JSON object/],
    ["no clients", { appLaunchUrl: valid.appLaunchUrl }, /"clients" must be an array/],
    ["a client without iss", { ...valid, clients: [{ jwksUrl: "https://x.example/j" }] }, /clients\[0\]\.iss/],
    ["a jwksUrl that is not a URL", { ...valid, clients: [{ iss: "a", jwksUrl: "keys.json" }] }, /clients\[0\]\.jwksUrl" is not an absolute URL/],
    ["a jwksUrl with credentials", { ...valid, clients: [{ iss: "a", jwksUrl: "https://u:p@x.example/j" }] }, /credentials/],
    ["a client listed twice", { ...valid, clients: [valid.clients[0], valid.clients[0]] }, /listed twice/],
    ["no appLaunchUrl", { clients: [] }, /"appLaunchUrl"/],
    ["a javascript: appLaunchUrl", { clients: [], appLaunchUrl: "javascript:alert(1)" }, /http\(s\) URL/],
    ["a bad serviceUrl", { ...valid, serviceUrl: "cds.example.org" }, /"serviceUrl"/],
    ["a tiny body limit", { ...valid, maxBodyBytes: 10 }, /maxBodyBytes/],
    ["fhirServers that is not a list", { ...valid, clients: [{ ...valid.clients[0], fhirServers: "https://ehr.example/fhir" }] }, /clients\[0\]\.fhirServers" must be an array/],
    ["a plain-http fhirServer off loopback", { ...valid, clients: [{ ...valid.clients[0], fhirServers: ["http://ehr.example/fhir"] }] }, /fhirServers\[0\] must be https/],
    ["a fhirServer with a query", { ...valid, clients: [{ ...valid.clients[0], fhirServers: ["https://ehr.example/fhir?x=1"] }] }, /fhirServers\[0\] is not a canonical/],
    ["a fhirServer with dot segments", { ...valid, clients: [{ ...valid.clients[0], fhirServers: ["https://ehr.example/a/%2e%2e/fhir/"] }] }, /fhirServers\[0\] is not a canonical/],
  ])("refuses %s, naming the field", (_what, json, message) => {
    expect(() => parseCdsConfig(json, APP_CONFIG_JSON, "x.json")).toThrow(message);
    expect(() => parseCdsConfig(json, APP_CONFIG_JSON, "x.json")).toThrow(/^x\.json: /);
  });

  it("refuses an invalid app configuration", () => {
    expect(() => parseCdsConfig(valid, { servers: [] })).toThrow(/the app configuration is invalid: .*clientId/);
  });
});

describe("the shipped configuration files", () => {
  it("cds-config.json trusts nobody", async () => {
    const c = await readCdsConfig(path.join(REPO_ROOT, "cds-config.json"));
    expect(c.clients).toEqual([]);
  });

  it("cds-config.demo.json trusts the demo EHR on its default port, as npm start configures it", async () => {
    const file = JSON.parse(await readFile(path.join(REPO_ROOT, "cds-config.demo.json"), "utf8")) as unknown;
    expect(file).toEqual(demoCdsConfigJson("http://127.0.0.1:4010", "http://127.0.0.1:4000/launch.html"));
    expect((await readCdsConfig(path.join(REPO_ROOT, "cds-config.demo.json"))).clients).toHaveLength(1);
  });

  it("a smartConfig path is read relative to the configuration file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cds-config-"));
    try {
      await writeFile(path.join(dir, "app.json"), JSON.stringify({ clientId: "c", scope: "launch", servers: [{ iss: "https://fhir.example/r4" }] }));
      await writeFile(path.join(dir, "cds.json"), JSON.stringify({ ...valid, smartConfig: "app.json" }));
      expect((await readCdsConfig(path.join(dir, "cds.json"))).app.servers.map((s) => s.iss)).toEqual(["https://fhir.example/r4"]);
      await writeFile(path.join(dir, "cds.json"), JSON.stringify({ ...valid, smartConfig: "missing.json" }));
      await expect(readCdsConfig(path.join(dir, "cds.json"))).rejects.toThrow(/app configuration .*missing\.json could not be read/);
      await writeFile(path.join(dir, "cds.json"), "{ not json");
      await expect(readCdsConfig(path.join(dir, "cds.json"))).rejects.toThrow(/is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("command line", () => {
  it("--demo turns the loopback allowance on (npm start); absent by default", () => {
    expect(parseCdsArgs(["--demo"]).demo).toBe(true);
    expect(parseCdsArgs(["--replay-store", "redis://127.0.0.1:6390/1"]).replayStore).toBe("redis://127.0.0.1:6390/1");
    expect(() => parseCdsArgs(["--replay-store", "mysql://x"])).toThrow(/--replay-store must be "memory" or a Redis URL/);
    expect(parseCdsArgs([]).demo).toBeUndefined();
  });

  it("defaults to port 4020 and cds-config.json; reads --port, --host, --config and --access-log", () => {
    expect(parseCdsArgs([], "/repo/cds-config.json")).toEqual({ port: 4020, host: "127.0.0.1", config: "/repo/cds-config.json", accessLog: false });
    expect(parseCdsArgs(["--port", "5000", "--host=0.0.0.0", "--config", "/etc/cds.json", "--access-log"])).toEqual({
      port: 5000,
      host: "0.0.0.0",
      config: "/etc/cds.json",
      accessLog: true,
    });
    expect(() => parseCdsArgs(["--port", "http"])).toThrow(/invalid port/);
    expect(() => parseCdsArgs(["--config"])).toThrow(/missing value/);
    expect(() => parseCdsArgs(["--verbose"])).toThrow(/unknown argument/);
  });

  it("--call-deadline-ms sets one deadline per hook call (100 ms to 2 minutes)", () => {
    expect(parseCdsArgs(["--call-deadline-ms", "2500"]).callDeadlineMs).toBe(2500);
    expect(parseCdsArgs([]).callDeadlineMs).toBeUndefined();
    expect(() => parseCdsArgs(["--call-deadline-ms", "5"])).toThrow(/invalid --call-deadline-ms/);
    expect(() => parseCdsArgs(["--call-deadline-ms", "soon"])).toThrow(/invalid --call-deadline-ms/);
  });

  function run(args: string[]): Promise<{ code: number | null; out: string; err: string; url?: string; stop(): void }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "cds/main.ts", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      const timer = setTimeout(() => reject(new Error(`no answer; out=${out} err=${err}`)), 20000);
      const stop = () => child.kill("SIGTERM");
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /CDS Hooks service: (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ code: null, out, err, url: m[1]!, stop });
        }
      });
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, out, err, stop });
      });
    });
  }

  it("npm run cds starts the service and prints its discovery URL; an invalid configuration stops it with the reason", async () => {
    const started = await run(["--port", "0"]);
    try {
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cds-services$/);
      const res = await fetch(started.url!);
      expect(((await res.json()) as { services: { id: string }[] }).services[0]!.id).toBe("night-leg-cramps");
      expect(started.out).toContain("trusts no CDS client");
    } finally {
      started.stop();
    }
    const dir = await mkdtemp(path.join(tmpdir(), "cds-bad-"));
    try {
      await writeFile(path.join(dir, "bad.json"), JSON.stringify({ clients: [{ iss: "x" }], appLaunchUrl: "https://a.example/launch.html" }));
      const failed = await run(["--port", "0", "--config", path.join(dir, "bad.json")]);
      expect(failed.code).toBe(1);
      expect(failed.err).toMatch(/the service did not start: .*bad\.json: "clients\[0\]\.jwksUrl" must be a non-empty string/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
