/**
 * The in-memory store: one process, lost on restart (the default for a single instance). Memory is bounded:
 * expired entries are swept as new ones arrive, and when `maxEntries` live entries are held a new key is
 * refused with StoreUnavailable (fail closed) rather than forgetting a live one.
 */
import { checkTtl, StoreUnavailable, type Store } from "./types";

export interface MemoryStoreOptions {
  /** Live entries held at most (default 200 000). */
  maxEntries?: number;
  /** The clock, ms (tests inject one). Default Date.now. */
  nowMs?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

export class MemoryStore implements Store {
  readonly kind = "memory" as const;
  /** key → entry; a Map keeps insertion order, which the bounded sweep walks from the oldest. */
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly nowMs: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200_000;
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** Live entries (expired ones not yet swept are not counted). */
  get size(): number {
    const now = this.nowMs();
    let n = 0;
    for (const e of this.entries.values()) if (e.expiresAt > now) n++;
    return n;
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    const now = this.nowMs();
    if (this.live(key, now)) return false;
    this.put(key, { value, expiresAt: now + ttlMs }, now);
    return true;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    checkTtl(ttlMs);
    const now = this.nowMs();
    this.put(key, { value, expiresAt: now + ttlMs }, now);
  }

  async get(key: string): Promise<string | undefined> {
    return this.live(key, this.nowMs())?.value;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    checkTtl(ttlMs);
    const now = this.nowMs();
    const entry = this.live(key, now);
    if (entry) {
      const count = Number(entry.value) + 1;
      entry.value = String(count);
      return count;
    }
    this.put(key, { value: "1", expiresAt: now + ttlMs }, now);
    return 1;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private put(key: string, entry: Entry, now: number): void {
    this.sweep(now, 64);
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      this.sweep(now, Infinity);
      if (this.entries.size >= this.maxEntries) throw new StoreUnavailable("The in-memory store is full.");
    }
    // Re-inserting keeps the Map close to expiry order for the bounded sweep.
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** Drops expired entries from the oldest insertions, at most `budget` of them looked at. */
  private sweep(now: number, budget: number): void {
    for (const [key, entry] of this.entries) {
      if (budget-- <= 0) return;
      if (entry.expiresAt <= now) this.entries.delete(key);
      else if (budget !== Infinity) return;
    }
  }
}
