/**
 * Feedback (POST /cds-services/<service>/feedback): the client says whether a card was accepted or
 * overridden. Only counts are kept here — never the card id, the override reason, the user or the patient;
 * the silence an override starts is kept as a digest by silence.ts.
 */
import { isRecord } from "../src/util/json";
import { BadRequest } from "./hook";

export interface FeedbackCounts {
  accepted: number;
  overridden: number;
  /** Items that were not understood (unknown outcome or shape). */
  ignored: number;
  /** Overrides that silenced a card (one of its override reasons, a card this client was shown). */
  silenced: number;
}

export class FeedbackCounter {
  private readonly counts: FeedbackCounts = { accepted: 0, overridden: 0, ignored: 0, silenced: 0 };

  /** Counts the items of one feedback body; a BadRequest when the body has no `feedback` list. */
  record(body: unknown): Omit<FeedbackCounts, "silenced"> {
    if (!isRecord(body) || !Array.isArray(body.feedback)) throw new BadRequest('The body must have a "feedback" list.');
    const added = { accepted: 0, overridden: 0, ignored: 0 };
    for (const item of body.feedback) {
      const outcome = isRecord(item) && typeof item.card === "string" ? item.outcome : undefined;
      if (outcome === "accepted" || outcome === "overridden") added[outcome] += 1;
      else added.ignored += 1;
    }
    this.counts.accepted += added.accepted;
    this.counts.overridden += added.overridden;
    this.counts.ignored += added.ignored;
    return added;
  }

  /** One override silenced a card. */
  silenced(): void {
    this.counts.silenced += 1;
  }

  snapshot(): FeedbackCounts {
    return { ...this.counts };
  }
}
