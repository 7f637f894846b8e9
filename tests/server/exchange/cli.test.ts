/** `npm run keygen` then `npm run serve -- --client-key <file>`: the key's public half at /.well-known/jwks.json, never the key in the output. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createDistFixture } from "../serverFixture";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("keygen and serve --client-key", () => {
  it("makes a key the server publishes (public part only), and prints neither the private key nor its d", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nlc-key-"));
    dirs.push(dir);
    const keyFile = join(dir, "client-key.json");
    const made = spawnSync(process.execPath, ["--import", "tsx", "server/keygen.ts", "--out", keyFile], { cwd: projectRoot, encoding: "utf8" });
    expect(made.status).toBe(0);
    const jwk = JSON.parse(await readFile(keyFile, "utf8")) as { d: string; kid: string };
    expect(made.stdout).toContain(jwk.kid);
    expect(made.stdout + made.stderr).not.toContain(jwk.d);

    const fixture = await createDistFixture();
    const child = spawn(process.execPath, ["--import", "tsx", "server/serve.ts", "--port", "0", "--root", fixture.root, "--client-key", keyFile], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const m = /JWKS URL: (http:\/\/127\.0\.0\.1:\d+)\/\.well-known\/jwks\.json/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on("data", read);
        child.stderr.on("data", read);
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
      expect(jwks.keys).toEqual([expect.objectContaining({ kid: jwk.kid, alg: "ES384", use: "sig" })]);
      expect(jwks.keys[0]).not.toHaveProperty("d");
      expect(output).not.toContain(jwk.d);
    } finally {
      child.kill("SIGTERM");
      await fixture.cleanup();
    }
  });
});
