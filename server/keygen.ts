/**
 * `npm run keygen -- --out <file> [--alg ES384|RS384]`: makes the app's private key for SMART
 * confidential-asymmetric clients, as a private JWK (with its kid and alg) in a new file readable by its
 * owner only. Never overwrites a file. Prints the key id, never the key; the server (`--client-key <file>`)
 * publishes the public half at /.well-known/jwks.json.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import { CLIENT_KEY_ALGS, publicPart, type ClientKeyAlg } from "./exchange/clientKey";

export async function makeClientKey(alg: ClientKeyAlg = "ES384"): Promise<{ jwk: Record<string, unknown>; kid: string }> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "RS384" ? { modulusLength: 3072 } : {}) });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicPart({ ...jwk }));
  return { jwk: { ...jwk, alg, kid, use: "sig" }, kid };
}

export function parseKeygenArgs(argv: readonly string[]): { out: string; alg: ClientKeyAlg } {
  let out: string | undefined;
  let alg: ClientKeyAlg = "ES384";
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = (argv[i] ?? "").split("=", 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (name === "--out" && value) out = value;
    else if (name === "--alg" && CLIENT_KEY_ALGS.includes(value as ClientKeyAlg)) alg = value as ClientKeyAlg;
    else throw new Error("usage: npm run keygen -- --out <file> [--alg ES384|RS384]");
  }
  if (!out) throw new Error("usage: npm run keygen -- --out <file> [--alg ES384|RS384]");
  return { out: path.resolve(out), alg };
}

async function main(): Promise<void> {
  const { out, alg } = parseKeygenArgs(process.argv.slice(2));
  const { jwk, kid } = await makeClientKey(alg);
  try {
    // "wx": never replace an existing key; 0600: the owner only.
    await writeFile(out, JSON.stringify(jwk, null, 2) + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === "EEXIST" ? `${out} exists: the key in it is kept (choose another --out)` : `${out} could not be written (${code ?? "error"})`);
  }
  console.log(`Wrote a private ${alg} key to ${out} (kid ${kid}). Keep it out of dist/ and of version control.`);
  console.log(`Serve with: npm run serve -- --client-key ${out}`);
  console.log(`Register <the app's origin>/.well-known/jwks.json as the client's JWKS URL with the EHR.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(`keygen: ${(error as Error).message}`);
    process.exit(1);
  });
}
