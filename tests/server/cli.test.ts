import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCliArgs } from "../../server/serve";
import { createDistFixture, INDEX_HTML } from "./serverFixture";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("parseCliArgs", () => {
  it("defaults to 127.0.0.1:4000 and the given default root", () => {
    expect(parseCliArgs([], {}, "/app/dist")).toEqual({
      root: "/app/dist",
      port: 4000,
      host: "127.0.0.1",
      loopbackCsp: false,
      accessLog: false,
      sessionStore: "memory",
      cookieSameSite: "lax",
      limits: { idleMs: 30 * 60_000, absoluteMs: 8 * 3600_000 },
    });
  });

  it("reads --port/--host/--root in both spellings, and flags", () => {
    const cli = parseCliArgs(["--port", "8080", "--host=0.0.0.0", "--root", "build", "--loopback-csp", "--access-log"], {}, "/d");
    expect(cli).toMatchObject({ root: path.resolve("build"), port: 8080, host: "0.0.0.0", loopbackCsp: true, accessLog: true });
  });

  it("reads the server exchange's options: key and secrets from files or the environment, the session store, limits", () => {
    const cli = parseCliArgs(
      ["--client-key", "key.json", "--client-secrets=secrets.json", "--session-store", "redis://127.0.0.1:6379/2", "--public-url", "https://app.example/x", "--cookie-same-site", "none", "--session-idle-minutes", "10", "--session-max-hours=2"],
      {},
      "/d",
    );
    expect(cli).toMatchObject({
      clientKey: { file: path.resolve("key.json") },
      clientSecrets: { file: path.resolve("secrets.json") },
      sessionStore: "redis://127.0.0.1:6379/2",
      publicUrl: "https://app.example",
      cookieSameSite: "none",
      limits: { idleMs: 600_000, absoluteMs: 7_200_000 },
    });
    const env = parseCliArgs([], { NLC_CLIENT_KEY: '{"kty":"EC"}', NLC_CLIENT_SECRETS_FILE: "s.json", NLC_SESSION_STORE: "redis://r:6379/0" }, "/d");
    expect(env).toMatchObject({ clientKey: { text: '{"kty":"EC"}', source: "NLC_CLIENT_KEY" }, clientSecrets: { file: path.resolve("s.json") }, sessionStore: "redis://r:6379/0" });
    expect(() => parseCliArgs(["--session-store", "postgres://x"], {}, "/d")).toThrow(/memory.*Redis/);
    expect(() => parseCliArgs(["--cookie-same-site", "strict"], {}, "/d")).toThrow(/lax or none/);
    expect(() => parseCliArgs(["--session-idle-minutes", "0"], {}, "/d")).toThrow(/invalid --session-idle-minutes/);
  });

  it("turns the loopback relaxations on only with --loopback-csp (--no-loopback-csp, the old opt-out, is the default now)", () => {
    expect(parseCliArgs(["--no-loopback-csp"], {}, "/d").loopbackCsp).toBe(false);
    expect(parseCliArgs([], { HOST: "127.0.0.1" }, "/d").loopbackCsp).toBe(false);
    expect(parseCliArgs(["--loopback-csp"], {}, "/d").loopbackCsp).toBe(true);
  });

  it("takes PORT and HOST from the environment when the flags are absent, flags winning", () => {
    expect(parseCliArgs([], { PORT: "5000", HOST: "::1" }, "/d")).toMatchObject({ port: 5000, host: "::1" });
    expect(parseCliArgs(["--port=6000"], { PORT: "5000" }, "/d")).toMatchObject({ port: 6000 });
  });

  it("rejects bad ports, missing values and unknown arguments", () => {
    expect(() => parseCliArgs(["--port", "http"], {}, "/d")).toThrow(/invalid port/);
    expect(() => parseCliArgs(["--port", "70000"], {}, "/d")).toThrow(/invalid port/);
    expect(() => parseCliArgs([], { PORT: "-1" }, "/d")).toThrow(/invalid port/);
    expect(() => parseCliArgs(["--root"], {}, "/d")).toThrow(/missing value/);
    expect(() => parseCliArgs(["--verbose"], {}, "/d")).toThrow(/unknown argument/);
  });
});

describe("CLI entry (tsx server/serve.ts)", () => {
  it("starts, prints its URL, serves the root and stops on SIGTERM", async () => {
    const fixture = await createDistFixture();
    const child = spawn(process.execPath, ["--import", "tsx", "server/serve.ts", "--port", "0", "--root", fixture.root], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no URL printed; output: ${out}`)), 15000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code}; output: ${out}`)));
      });
      const res = await fetch(`${url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX_HTML);
      expect(res.headers.get("content-security-policy")).toContain("https://fhir.ehr.example.org");
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await fixture.cleanup();
    }
  });

  it("exits non-zero with a message when the configuration is missing", async () => {
    const fixture = await createDistFixture("");
    const child = spawn(process.execPath, ["--import", "tsx", "server/serve.ts", "--port", "0", "--root", fixture.root], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(err).toMatch(/serve: .*smart-config\.json: invalid JSON/);
    await fixture.cleanup();
  });
});
