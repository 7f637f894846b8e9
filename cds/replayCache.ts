/**
 * The `jti` values already accepted, each kept until its token expires, so a token is accepted once. Memory
 * is bounded: tokens live at most five minutes (plus clock skew), and when the cache is full of unexpired
 * entries new tokens are refused (fail closed) instead of forgetting ones that could be replayed.
 */
export type ReplayVerdict = "new" | "replayed" | "full";

export class ReplayCache {
  /** key → expiry (ms). A Map keeps insertion order, which is close to expiry order. */
  private readonly entries = new Map<string, number>();

  constructor(private readonly capacity = 100_000) {}

  get size(): number {
    return this.entries.size;
  }

  /** Records `key` until `expiresAtMs` unless it is already there (a replay) or the cache is full. */
  check(key: string, expiresAtMs: number, nowMs: number): ReplayVerdict {
    this.sweep(nowMs);
    const known = this.entries.get(key);
    if (known !== undefined && known > nowMs) return "replayed";
    if (known === undefined && this.entries.size >= this.capacity) {
      this.sweepAll(nowMs);
      if (this.entries.size >= this.capacity) return "full";
    }
    this.entries.delete(key);
    this.entries.set(key, expiresAtMs);
    return "new";
  }

  /** Drops expired entries from the front (the oldest insertions), a bounded amount of work per call. */
  private sweep(nowMs: number): void {
    let budget = 64;
    for (const [key, exp] of this.entries) {
      if (exp > nowMs || budget-- <= 0) return;
      this.entries.delete(key);
    }
  }

  private sweepAll(nowMs: number): void {
    for (const [key, exp] of this.entries) if (exp <= nowMs) this.entries.delete(key);
  }
}
