/**
 * The key-value store the Node side keeps its short-lived state in: the CDS service's replay check and card
 * silences, the app server's sessions. One narrow interface, two backends chosen at start-up
 * (`openStore`): memory for one instance, Redis for several replicas. Every entry expires; nothing lives
 * forever. Callers namespace their own keys ("replay:…", "session:…") and never put readable patient data
 * in a key.
 */
export interface Store {
  /** Stores `value` under `key` for `ttlMs` unless the key holds a live value; true when it stored. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Stores (or replaces) `value` under `key` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** The live value under `key`, or undefined. */
  get(key: string): Promise<string | undefined>;
  /** Removes `key`; nothing happens when it is absent. */
  delete(key: string): Promise<void>;
  /**
   * Adds 1 to the counter under `key` and returns the new count. A new counter starts at 1 and expires
   * `ttlMs` after it was created; later increments keep that expiry (a fixed window, for quotas).
   */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Releases the backend (closes the connection). */
  close(): Promise<void>;
  /** "memory" or "redis": for messages and logs (never the URL, which may hold a password). */
  readonly kind: "memory" | "redis";
}

/**
 * The store could not answer (Redis unreachable or too slow, the memory store full). Callers fail closed:
 * the CDS service answers 503, the app server refuses to start a session.
 */
export class StoreUnavailable extends Error {
  constructor(message = "The store is unavailable.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailable";
  }
}

/**
 * The longest lifetime of an entry: a year. No backend uses timers (the memory store compares times, Redis
 * takes PX in 64 bits), so the bound is a sanity check, not setTimeout's 2^31 − 1 ms (24.8 days), which is
 * shorter than the CDS card's 30-day silence after an override.
 */
export const MAX_TTL_MS = 366 * 24 * 60 * 60 * 1000;

/** Throws a TypeError unless `ttlMs` is a whole number of milliseconds from 1 to MAX_TTL_MS. */
export function checkTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs < 1 || ttlMs > MAX_TTL_MS) {
    throw new TypeError(`A store entry's lifetime must be a whole number of milliseconds from 1 to ${MAX_TTL_MS}.`);
  }
}
