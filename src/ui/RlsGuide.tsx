/** How to tell restless legs syndrome from night leg cramps. A guide for everyone: never a finding, never data-cause. */
import { Disclosure } from "./Disclosure";

export const RLS_GUIDE = {
  cramps: [
    "A sudden, painful tightening of a muscle that the patient cannot stop, most often in the calf.",
    "Lasts from seconds to a few minutes; the muscle may stay sore afterwards.",
    "Eases when the muscle is stretched.",
  ],
  rls: [
    "An urge to move the legs, with uncomfortable feelings in them; usually not painful, and no hard knotted muscle.",
    "Comes on at rest, typically in the evening or when falling asleep, and lasts longer than a cramp.",
    "Moving the legs brings relief while the movement lasts.",
  ],
};

export function RlsGuide({ recorded }: { recorded: boolean }) {
  return (
    <section className={`nlc-rls${recorded ? " nlc-rls-recorded" : ""}`} aria-label="Restless legs or night leg cramps">
      <Disclosure
        level={2}
        defaultOpen={recorded}
        title={recorded ? "Restless legs syndrome is recorded: tell it apart from cramps" : "Restless legs or cramps? How to tell them apart"}
      >
        <div className="nlc-compare">
          <div>
            <h3>Night leg cramps</h3>
            <ul>
              {RLS_GUIDE.cramps.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3>Restless legs syndrome</h3>
            <ul>
              {RLS_GUIDE.rls.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
        </div>
      </Disclosure>
    </section>
  );
}
