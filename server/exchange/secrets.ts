/**
 * Client secrets for EHRs that require a symmetric client (client_secret_basic / client_secret_post), per
 * client id: a JSON object `{ "<client id>": "<secret>" }` read from a file or an environment variable.
 * Never in dist/ or smart-config.json, never logged (messages name the source, not the content).
 */
import { readFile } from "node:fs/promises";

export type ClientSecrets = ReadonlyMap<string, string>;

export function parseClientSecrets(text: string, source: string): ClientSecrets {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`client secrets (${source}): not JSON; expected { "<client id>": "<secret>" }`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`client secrets (${source}): expected a JSON object { "<client id>": "<secret>" }`);
  }
  const out = new Map<string, string>();
  for (const [clientId, secret] of Object.entries(parsed)) {
    if (typeof secret !== "string" || secret === "") throw new Error(`client secrets (${source}): the secret of one client id is not a non-empty string`);
    out.set(clientId, secret);
  }
  return out;
}

export async function readClientSecrets(file: string): Promise<ClientSecrets> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new Error(`client secrets (${file}): the file could not be read`);
  }
  return parseClientSecrets(text, file);
}
