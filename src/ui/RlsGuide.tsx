/**
 * How to tell restless legs syndrome from night leg cramps: two different conditions, sometimes confused.
 * A guide for everyone, one line until opened: never a finding, never data-cause.
 */
import { RLS_GUIDE } from "../knowledge";
import { Disclosure } from "./Disclosure";
import { ExternalLink } from "./ExternalLink";

export function RlsGuide({ recorded }: { recorded: boolean }) {
  return (
    <section className={`nlc-rls${recorded ? " nlc-rls-recorded" : ""}`} aria-label="Restless legs or night leg cramps">
      <Disclosure
        level={2}
        title={recorded ? "Restless legs syndrome is recorded: how to tell it from cramps" : "Restless legs or cramps? How to tell them apart"}
      >
        <div className="nlc-compare">
          <div>
            <h3>Night leg cramps</h3>
            <ul>
              {RLS_GUIDE.cramps.map((s) => (
                <li key={s.text}>{s.text}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3>Restless legs syndrome</h3>
            <ul>
              {RLS_GUIDE.rls.map((s) => (
                <li key={s.text}>{s.text}</li>
              ))}
            </ul>
          </div>
        </div>
        <p className="nlc-note">
          Sources:{" "}
          {sources().map((c, i) => (
            <span key={c.url}>
              {i > 0 && "; "}
              <ExternalLink url={c.url}>{c.title}</ExternalLink>
            </span>
          ))}
          .
        </p>
      </Disclosure>
    </section>
  );
}

/** The distinct citations behind the guide, in order of first use. */
function sources() {
  const seen = new Map<string, (typeof RLS_GUIDE.rls)[number]["citation"]>();
  for (const s of [...RLS_GUIDE.cramps, ...RLS_GUIDE.rls]) if (!seen.has(s.citation.url)) seen.set(s.citation.url, s.citation);
  return [...seen.values()];
}
