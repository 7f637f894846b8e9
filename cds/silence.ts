/**
 * The silence after an override (docs/spec/cds-hooks.md, "When there is a card"): feedback that overrides a
 * card with one of its override reasons silences the same card content, for the same patient and the same
 * client, for 30 days. Kept in the service's one store (node/store, memory or Redis: the store the jti replay
 * check uses, opened by cds/server.ts), as digests only:
 *
 *   cds:silence:card:<sha256(iss)>:<card uuid> → the card's digest, for CARD_MEMORY_MS after it was shown (so
 *                                                feedback, which names only the card's uuid, can find what to
 *                                                silence; only the client the card was shown to can silence it);
 *   cds:silence:until:<digest>                 → the instant the silence ends (ms), for SILENCE_MS;
 *   cds:silence:quota:<sha256(iss)>:<kind>     → counters: cards remembered per CARD_MEMORY_MS, silences per
 *                                                SILENCE_MS, per client (SILENCE_QUOTA each).
 *
 * The quotas bound what one client can make the store hold (silenceStoreRoom entries), so the silences can
 * never fill the memory store the replay check needs (which fails closed): past a quota a card is still shown,
 * it just cannot be silenced.
 *
 * The digest is SHA-256 over the service, the client's issuer, the patient id and the card's findings
 * (cause, currency, strength, basis, evidence ids): no readable patient data is stored. A card whose content
 * changes (a new record, a finding no longer current) is a new card and shows again. The expiry is kept in
 * the value too, so the service's clock (injected in tests) decides, whatever the store's own clock.
 */
import { createHash } from "node:crypto";
import type { Store } from "../node/store";
import { OVERRIDE_REASONS } from "../src/report";
import { isRecord } from "../src/util/json";
import type { CardFinding } from "./card";
import type { ServiceId } from "./discovery";

const DAY_MS = 86_400_000;
/** How long an override silences the same card for the same patient and client. */
export const SILENCE_MS = 30 * DAY_MS;
/** How long after a card was shown feedback can still silence it. */
export const CARD_MEMORY_MS = 7 * DAY_MS;
/** Cards remembered per client per CARD_MEMORY_MS, and silences per client per SILENCE_MS (fixed windows). */
export const SILENCE_QUOTA = 20_000;

/**
 * The most entries one client's silences can make the store hold: remembered cards and silences, each at most
 * two windows' quota live at once (a fixed window's entries outlive it by up to one window), and two counters.
 */
export function silenceStoreRoom(quotaPerClient = SILENCE_QUOTA): number {
  return 4 * quotaPerClient + 2;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OVERRIDE_CODES: ReadonlySet<string> = new Set(OVERRIDE_REASONS.map((r) => r.code));

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** The digest of one card's content for one client and patient. */
export function cardDigest(service: ServiceId, iss: string, patientId: string, findings: readonly CardFinding[]): string {
  const content = findings
    .map((f) => JSON.stringify([f.id, f.current, f.strength, f.basis, [...f.evidence].sort()]))
    .sort()
    .join("\n");
  return sha256(JSON.stringify(["night-leg-cramps card 1", service, iss, patientId, content]));
}

/**
 * The cards a feedback body overrides with one of the card's own override reasons (CDS Hooks 2.0:
 * `{ card, outcome: "overridden", overrideReason: { reason: Coding } }`). Other items silence nothing.
 */
export function overriddenCards(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.feedback)) return [];
  const cards: string[] = [];
  for (const item of body.feedback) {
    if (!isRecord(item) || item.outcome !== "overridden" || typeof item.card !== "string" || !UUID.test(item.card)) continue;
    const reason = isRecord(item.overrideReason) ? item.overrideReason.reason : undefined;
    if (isRecord(reason) && typeof reason.code === "string" && OVERRIDE_CODES.has(reason.code)) cards.push(item.card.toLowerCase());
  }
  return cards;
}

export interface CardSilenceOptions {
  /** Cards remembered, and silences, per client per window (default SILENCE_QUOTA). */
  quotaPerClient?: number;
}

export class CardSilence {
  private readonly quota: number;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    options: CardSilenceOptions = {},
  ) {
    this.quota = options.quotaPerClient ?? SILENCE_QUOTA;
  }

  private cardKey(iss: string, uuid: string): string {
    return `cds:silence:card:${sha256(iss)}:${uuid.toLowerCase()}`;
  }

  /** True while this client's quota of `kind` entries in the current window is not spent (and counts one). */
  private async withinQuota(iss: string, kind: "card" | "until", windowMs: number): Promise<boolean> {
    return (await this.store.increment(`cds:silence:quota:${sha256(iss)}:${kind}`, windowMs)) <= this.quota;
  }

  /** True while an override silences this digest. */
  async silenced(digest: string): Promise<boolean> {
    const until = Number(await this.store.get(`cds:silence:until:${digest}`));
    return Number.isFinite(until) && until > this.now().getTime();
  }

  /** Remembers that the card `uuid` with this digest was shown to client `iss` (unless its quota is spent: then it cannot be silenced). */
  async shown(iss: string, uuid: string, digest: string): Promise<void> {
    if (!(await this.withinQuota(iss, "card", CARD_MEMORY_MS))) return;
    await this.store.set(this.cardKey(iss, uuid), digest, CARD_MEMORY_MS);
  }

  /** Silences the content of card `uuid` shown to `iss`; false when no such card is remembered for that client (or its quota is spent). */
  async overridden(iss: string, uuid: string): Promise<boolean> {
    const digest = await this.store.get(this.cardKey(iss, uuid));
    if (digest === undefined) return false;
    if (!(await this.withinQuota(iss, "until", SILENCE_MS))) return false;
    await this.store.set(`cds:silence:until:${digest}`, String(this.now().getTime() + SILENCE_MS), SILENCE_MS);
    return true;
  }
}
