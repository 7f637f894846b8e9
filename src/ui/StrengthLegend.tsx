/** The strength scale explained, one line until opened (the group descriptions live here, not above every group). */
import { STRENGTH_SCALE } from "../report/strength";
import { Disclosure } from "./Disclosure";
import { StrengthMeter } from "./StrengthMeter";

export function StrengthLegend() {
  return (
    <div className="nlc-legend">
      <Disclosure level={2} title="How strong is each link? (the scale)">
        <dl className="nlc-legend-list">
          {STRENGTH_SCALE.map((s) => (
            <div key={s.strength}>
              <dt>
                <StrengthMeter strength={s.strength} />
                {s.heading}
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
      </Disclosure>
    </div>
  );
}
