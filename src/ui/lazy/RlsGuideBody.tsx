/** The restless legs guide's body (loaded after the first screen): the two conditions side by side, with their sources. */
import { RLS_GUIDE } from "../../knowledge/rlsGuide";
import { ExternalLink } from "../ExternalLink";

/** The distinct citations behind the guide, in order of first use. */
function sources() {
  const seen = new Map<string, (typeof RLS_GUIDE.rls)[number]["citation"]>();
  for (const s of [...RLS_GUIDE.cramps, ...RLS_GUIDE.rls]) if (!seen.has(s.citation.url)) seen.set(s.citation.url, s.citation);
  return [...seen.values()];
}

export default function RlsGuideBody() {
  return (
    <>
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
    </>
  );
}
