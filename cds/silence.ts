/**
 * The silence after an override (docs/spec/cds-hooks.md, "When there is a card"): feedback that overrides a
 * card with one of its override reasons silences the same card content, for the same patient and the same
 * client, for 30 days. Kept in the shared store (node/store, the one the replay check uses), as digests only:
 *
 *   card:<sha256(iss)>:<card uuid>  → the card's digest, for CARD_MEMORY_MS after it was shown (so feedback,
 *                                      which names only the card's uuid, can find what to silence; only the
 *                                      client the card was shown to can silence it);
 *   silence:<digest>                → the instant the silence ends (ms), for SILENCE_MS.
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

export class CardSilence {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  private cardKey(iss: string, uuid: string): string {
    return `card:${sha256(iss)}:${uuid.toLowerCase()}`;
  }

  /** True while an override silences this digest. */
  async silenced(digest: string): Promise<boolean> {
    const until = Number(await this.store.get(`silence:${digest}`));
    return Number.isFinite(until) && until > this.now().getTime();
  }

  /** Remembers that the card `uuid` with this digest was shown to client `iss`. */
  async shown(iss: string, uuid: string, digest: string): Promise<void> {
    await this.store.set(this.cardKey(iss, uuid), digest, CARD_MEMORY_MS);
  }

  /** Silences the content of card `uuid` shown to `iss`; false when no such card is remembered for that client. */
  async overridden(iss: string, uuid: string): Promise<boolean> {
    const digest = await this.store.get(this.cardKey(iss, uuid));
    if (digest === undefined) return false;
    await this.store.set(`silence:${digest}`, String(this.now().getTime() + SILENCE_MS), SILENCE_MS);
    return true;
  }
}
