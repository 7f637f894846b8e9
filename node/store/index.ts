/**
 * Opening the store named in configuration: "memory" (one instance) or a Redis URL
 * ("redis://host:port/db", "rediss://…" over TLS) for several replicas. Both the CDS service
 * (`--replay-store`) and the app server (`--session-store`) open theirs here.
 */
import { MemoryStore, type MemoryStoreOptions } from "./memory";
import { RedisStore, type RedisStoreOptions } from "./redis";
import type { Store } from "./types";

export { MemoryStore } from "./memory";
export { describeRedisUrl, RedisStore } from "./redis";
export { StoreUnavailable, type Store } from "./types";

export type StoreSpec = "memory" | `redis://${string}` | `rediss://${string}`;

/** Checks a configuration value; throws an Error that says what is accepted. */
export function parseStoreSpec(value: unknown, name = "store"): StoreSpec {
  if (value === "memory") return "memory";
  if (typeof value === "string") {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "") {
      if (!/^\/?\d*$/.test(url.pathname)) throw new Error(`${name}: the Redis database must be a number (redis://host:port/0).`);
      return value as StoreSpec;
    }
  }
  throw new Error(`${name} must be "memory" or a Redis URL such as redis://127.0.0.1:6379/0.`);
}

export interface OpenStoreOptions {
  memory?: MemoryStoreOptions;
  redis?: RedisStoreOptions;
}

/** Opens the store; a Redis store is connected before this resolves (and rejects when it cannot be). */
export async function openStore(spec: StoreSpec, options: OpenStoreOptions = {}): Promise<Store> {
  if (spec === "memory") return new MemoryStore(options.memory);
  return RedisStore.connect(spec, options.redis);
}
