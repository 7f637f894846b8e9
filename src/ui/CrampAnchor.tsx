/** The leg-cramp record in the header (panel-contract "Reading aids", data-leg-cramps): what the rest is dated against. */
import type { CrampAnchor as Anchor } from "../report/crampAnchor";
import { Untrusted } from "./Untrusted";

export function CrampAnchor({ anchor }: { anchor: Anchor | undefined }) {
  if (!anchor) return null;
  return (
    <p className="nlc-anchor" data-leg-cramps={anchor.ref}>
      <strong>{anchor.words}</strong>
      <span className="nlc-anchor-name">
        {" — "}
        <Untrusted text={anchor.name} max={120} />
      </span>
    </p>
  );
}
