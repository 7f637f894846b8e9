/** Helpers for the static-server tests: a temporary dist/ tree and raw HTTP requests. */
import { request } from "node:http";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AppConfig } from "../../src/fhir/configTypes";

export const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>\n';
export const LAUNCH_HTML = '<!doctype html><html><head><script type="module" src="/assets/launch-def456.js"></script></head><body></body></html>\n';
export const ASSET_JS = 'console.log("asset");\n';
export const SECRET = "TOP-SECRET-OUTSIDE-ROOT";

export const TEST_CONFIG: AppConfig = {
  clientId: "test-client",
  scope: "launch openid fhirUser patient/Patient.rs",
  servers: [
    { name: "EHR", issPrefix: "https://fhir.ehr.example.org/r4/", authOrigins: ["https://auth.ehr.example.org"] },
    { name: "Exact", iss: "https://other-fhir.example.net/fhir" },
  ],
  frameAncestors: ["https://portal.ehr.example.org"],
};

export interface Fixture {
  /** The temporary directory holding dist/ and secret.txt (outside dist/). */
  dir: string;
  root: string;
  cleanup(): Promise<void>;
}

/**
 * <tmp>/secret.txt, <tmp>/dist/{index.html, launch.html, smart-config.json, favicon.ico, robots.txt,
 * .env, assets/index-abc123.js, assets/style-1.css, assets/outside.txt → ../../secret.txt}.
 */
export async function createDistFixture(config: unknown = TEST_CONFIG): Promise<Fixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "serve-test-"));
  const root = path.join(dir, "dist");
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(dir, "secret.txt"), SECRET);
  await writeFile(path.join(root, "index.html"), INDEX_HTML);
  await writeFile(path.join(root, "launch.html"), LAUNCH_HTML);
  await writeFile(path.join(root, "smart-config.json"), typeof config === "string" ? config : JSON.stringify(config, null, 2));
  await writeFile(path.join(root, "favicon.ico"), Buffer.from([0, 0, 1, 0]));
  await writeFile(path.join(root, "robots.txt"), "User-agent: *\n");
  await writeFile(path.join(root, ".env"), SECRET);
  await writeFile(path.join(root, "assets", "index-abc123.js"), ASSET_JS);
  await writeFile(path.join(root, "assets", "style-1.css"), "body{}\n");
  await symlink(path.join(dir, "secret.txt"), path.join(root, "assets", "outside.txt"));
  return { dir, root, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends `target` byte-for-byte (fetch would normalise "..", "%2e%2e" and the like away). */
export function rawRequest(baseUrl: string, target: string, options: { method?: string; host?: string } = {}): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port,
        path: target,
        method: options.method ?? "GET",
        headers: options.host ? { host: options.host } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** A logger that records what the server says. */
export function recordingLogger(): { info: string[]; warn: string[]; logger: { info(m: string): void; warn(m: string): void } } {
  const info: string[] = [];
  const warn: string[] = [];
  return { info, warn, logger: { info: (m) => info.push(m), warn: (m) => warn.push(m) } };
}
