/**
 * "Worth reviewing", first among the findings (panel-contract "Reading aids", data-section="worth-reviewing"):
 * linked medicines with their start against the cramps, lab signals not recorded as a diagnosis, entries to
 * reconcile, no lab tests on file. Words from report/review.ts; no treatment advice.
 */
import { REVIEW_HEADING } from "../report/labels";
import type { ReviewItem } from "../report/review";
import { Untrusted } from "./Untrusted";

export function WorthReviewing({ items }: { items: ReviewItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="nlc-review" data-section="worth-reviewing" aria-labelledby="nlc-review-h">
      <h2 id="nlc-review-h">{REVIEW_HEADING}</h2>
      <ul className="nlc-review-list">
        {items.map((item, i) => (
          <li key={`${item.kind}-${i}`} data-review={item.kind} {...(item.ref ? { "data-ref": item.ref } : {})}>
            <Untrusted text={item.text} max={400} />
          </li>
        ))}
      </ul>
    </section>
  );
}
