/**
 * Reads <root>/smart-config.json for the CSP, and re-reads it when the file changes, so a deployer who
 * edits the configuration does not also have to restart the server for the CSP to follow.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../src/fhir/configTypes";
import { CONFIG_FILE, parseConfig } from "../src/fhir/config";
import { isRecord } from "../src/util/json";

/** Parses and shape-checks the file text; throws an Error naming the problem. */
export function parseConfigText(text: string, source: string): AppConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: invalid JSON (${(error as Error).message})`, { cause: error });
  }
  if (!isRecord(parsed)) throw new Error(`${source}: expected a JSON object`);
  if (!Array.isArray(parsed.servers)) {
    throw new Error(`${source}: "servers" must be an array`);
  }
  // Refuse to serve a configuration the pages themselves would refuse (no clientId or scope).
  try {
    parseConfig(parsed);
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`, { cause: error });
  }
  // cspOrigins re-checks each entry and reports the malformed ones, so the raw entries are kept here.
  return parsed as unknown as AppConfig;
}

export async function readConfigFile(file: string): Promise<AppConfig> {
  return parseConfigText(await readFile(file, "utf8"), file);
}

/**
 * Holds the last good configuration read from `root`. `current()` stats the file and re-reads it
 * when its modification time or size changed; a changed file that fails to parse keeps the last good
 * configuration and reports the error once through `onError`.
 */
export class ConfigFileWatcher {
  readonly file: string;
  private config: AppConfig;
  private version: string;
  private readonly onChange: (config: AppConfig) => void;
  private readonly onError: (message: string) => void;

  private constructor(file: string, config: AppConfig, version: string, hooks: WatcherHooks) {
    this.file = file;
    this.config = config;
    this.version = version;
    this.onChange = hooks.onChange;
    this.onError = hooks.onError;
  }

  /** Reads the file once; rejects when it is missing or invalid (the server must not start without it). */
  static async open(root: string, hooks: WatcherHooks): Promise<ConfigFileWatcher> {
    const file = path.join(root, CONFIG_FILE);
    const version = await fileVersion(file);
    const config = await readConfigFile(file);
    hooks.onChange(config);
    return new ConfigFileWatcher(file, config, version, hooks);
  }

  async current(): Promise<AppConfig> {
    let version: string;
    try {
      version = await fileVersion(this.file);
    } catch {
      version = "missing";
    }
    if (version === this.version) return this.config;
    this.version = version;
    try {
      this.config = await readConfigFile(this.file);
      this.onChange(this.config);
    } catch (error) {
      this.onError(`${(error as Error).message}; keeping the previous configuration for the CSP`);
    }
    return this.config;
  }
}

interface WatcherHooks {
  onChange: (config: AppConfig) => void;
  onError: (message: string) => void;
}

async function fileVersion(file: string): Promise<string> {
  const info = await stat(file);
  return `${info.mtimeMs}:${info.size}`;
}
