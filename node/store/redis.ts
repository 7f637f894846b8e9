/**
 * The Redis store, for several replicas (Debian's redis-server; client: @redis/client). Every command has
 * a short deadline and nothing is queued while the connection is down, so an unreachable Redis turns into
 * StoreUnavailable at once (callers fail closed) instead of requests piling up; the client reconnects by
 * itself when Redis comes back. Connection errors are counted, never logged with the URL (it may carry a
 * password).
 */
import { createClient } from "@redis/client";
import { checkTtl, StoreUnavailable, type Store } from "./types";

export interface RedisStoreOptions {
  /** Deadline of one command, ms (default 1000). */
  commandTimeoutMs?: number;
  /** Deadline of the first connection, ms (default 3000). */
  connectTimeoutMs?: number;
  /** Called when the connection fails or drops, with a safe one-line message (no URL, no password). */
  onError?: (message: string) => void;
}

function newClient(url: string, connectTimeout: number, isConnected: () => boolean) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout,
      // Before the first connection: give up (start-up reports it). After: retry with a capped backoff.
      reconnectStrategy: (retries: number) => (isConnected() ? Math.min(50 * 2 ** retries, 2000) : false),
    },
  });
}
type Client = ReturnType<typeof newClient>;

/** "redis://host:port/db" → a label safe to print: "redis host:port db N" (never the password). */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, "") || "0";
    return `redis ${u.hostname}:${u.port || "6379"} db ${db}`;
  } catch {
    return "redis (unreadable URL)";
  }
}

export class RedisStore implements Store {
  readonly kind = "redis" as const;

  private constructor(
    private readonly client: Client,
    private readonly commandTimeoutMs: number,
  ) {}

  /** Connects; rejects with an Error naming host, port and db (never a password) when Redis cannot be reached. */
  static async connect(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const label = describeRedisUrl(url);
    const connectTimeout = options.connectTimeoutMs ?? 3000;
    let connected = false;
    const client = newClient(url, connectTimeout, () => connected);
    client.on("error", (error: unknown) => {
      options.onError?.(`${label}: ${error instanceof Error ? error.name : "error"}`);
    });
    try {
      await client.connect();
      connected = true;
    } catch (error) {
      await client.destroy();
      throw new Error(`Could not connect to ${label}.`, { cause: error });
    }
    return new RedisStore(client, options.commandTimeoutMs ?? 1000);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    const reply = await this.run(() =>
      this.timed().set(key, value, { condition: "NX", expiration: { type: "PX", value: ttlMs } }),
    );
    return reply === "OK";
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    checkTtl(ttlMs);
    await this.run(() => this.timed().set(key, value, { expiration: { type: "PX", value: ttlMs } }));
  }

  async get(key: string): Promise<string | undefined> {
    const reply = await this.run(() => this.timed().get(key));
    return typeof reply === "string" ? reply : undefined;
  }

  async delete(key: string): Promise<void> {
    await this.run(() => this.timed().del(key));
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    checkTtl(ttlMs);
    // INCR, then set the expiry only if the key has none (PEXPIRE … NX, Redis 7): the window starts at creation.
    const replies = await this.run(() =>
      this.timed().multi().incr(key).sendCommand(["PEXPIRE", key, String(ttlMs), "NX"]).exec(),
    );
    const count = Number(replies[0]);
    if (!Number.isInteger(count)) throw new StoreUnavailable("Redis answered INCR with something other than a number.");
    return count;
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  /** The client with this store's command deadline applied, also to commands already sent. */
  private timed() {
    return this.client.withCommandOptions({ timeout: this.commandTimeoutMs, rejectInFlight: true });
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) throw new StoreUnavailable("Redis is not connected.");
    try {
      return await command();
    } catch (error) {
      if (error instanceof StoreUnavailable) throw error;
      throw new StoreUnavailable("Redis did not answer.", { cause: error });
    }
  }
}
