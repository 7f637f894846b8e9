/** The visual strength scale: four bars, as many filled as the level (0 for "not a cause"). Decorative: the words say it. */
import { strengthLevel } from "../report/strength";
import type { Strength } from "../engine/types";

export function StrengthMeter({ strength }: { strength: Strength }) {
  const { level } = strengthLevel(strength);
  return (
    <span className={`nlc-meter nlc-meter-${level}`} aria-hidden="true">
      {[1, 2, 3, 4].map((i) => (
        <span key={i} className={i <= level ? "nlc-bar nlc-bar-on" : "nlc-bar"} />
      ))}
    </span>
  );
}
