/**
 * The `jti` replay check on the Node side's store (node/store: memory for one instance, Redis for several
 * replicas), so that a token is accepted once across replicas and restarts (docs/spec/cds-hooks.md,
 * "Hostile servers, hostile records, several replicas"):
 *
 * - each `iss`+`jti` is recorded once (`setIfAbsent`, Redis `SET NX`) for the token's remaining lifetime plus
 *   the allowed clock skew, under a digest (keys hold nothing readable);
 * - each client has a quota of new `jti`s per window (the longest token lifetime), counted before anything
 *   is recorded: one client cannot fill the store and lock out the others;
 * - the store keeps an epoch: when its records began. A store that starts empty — the memory store after a
 *   restart, a Redis that restarted without persistence or was flushed — cannot know the tokens accepted
 *   before, so tokens issued before the epoch cannot be proven unseen and are refused like any failed check
 *   (401, until they expire: five minutes at most);
 * - a store that cannot answer throws StoreUnavailable: the caller answers 503 (fail closed).
 */
import { createHash } from "node:crypto";
import type { Store } from "../node/store";

export type ReplayVerdict = "new" | "replayed" | "over-quota" | "before-epoch";

/** New jtis a client may record per window by default. */
export const DEFAULT_JTI_QUOTA = 20_000;

export interface ReplayGuardOptions {
  /** The longest token lifetime plus the allowed clock skew, ms: the quota's window. */
  windowMs: number;
  /** The clock skew allowed between a client and the service, ms (added to each record's lifetime). */
  skewMs: number;
  /** New jtis per client per window (default DEFAULT_JTI_QUOTA). */
  quotaPerClient?: number;
}

const EPOCH_KEY = "cds:replay:epoch";
/** The epoch record is kept this long and refreshed when half of it is gone. */
const EPOCH_TTL_MS = 20 * 24 * 3600 * 1000;

const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 32);

export class ReplayGuard {
  private readonly quota: number;
  private refreshedAt = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly options: ReplayGuardOptions,
  ) {
    this.quota = options.quotaPerClient ?? DEFAULT_JTI_QUOTA;
  }

  /** When the store's records began (ms); a missing epoch (a new or emptied store) begins at `nowMs`. */
  async epoch(nowMs: number): Promise<number> {
    let value = await this.store.get(EPOCH_KEY);
    if (value === undefined) {
      await this.store.setIfAbsent(EPOCH_KEY, String(nowMs), EPOCH_TTL_MS);
      value = (await this.store.get(EPOCH_KEY)) ?? String(nowMs);
      this.refreshedAt = nowMs;
    } else if (nowMs - this.refreshedAt > EPOCH_TTL_MS / 2) {
      await this.store.set(EPOCH_KEY, value, EPOCH_TTL_MS);
      this.refreshedAt = nowMs;
    }
    const epoch = Number(value);
    return Number.isFinite(epoch) ? epoch : nowMs;
  }

  /**
   * Records `jti` of client `iss` (a verified token issued at `issuedAtMs`, expiring at `expiresAtMs`).
   * Throws StoreUnavailable when the store cannot answer.
   */
  async check(iss: string, jti: string, issuedAtMs: number, expiresAtMs: number, nowMs: number): Promise<ReplayVerdict> {
    // `iat` has whole seconds: a token issued within the epoch's second is taken as issued after it.
    if (issuedAtMs < Math.floor((await this.epoch(nowMs)) / 1000) * 1000) return "before-epoch";
    const client = digest(iss);
    const count = await this.store.increment(`cds:replay:quota:${client}`, this.options.windowMs);
    if (count > this.quota) return "over-quota";
    const ttl = Math.max(1, Math.ceil(expiresAtMs - nowMs) + this.options.skewMs);
    const fresh = await this.store.setIfAbsent(`cds:replay:jti:${client}:${digest(jti)}`, "1", ttl);
    return fresh ? "new" : "replayed";
  }
}
