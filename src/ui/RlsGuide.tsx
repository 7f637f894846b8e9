/**
 * How to tell restless legs syndrome from night leg cramps: two different conditions, often confused.
 * A guide for everyone, one line until opened (its body loads after the first screen): never a finding,
 * never data-cause.
 */
import { Disclosure } from "./Disclosure";
import { LazyRlsGuideBody } from "./LazyParts";

export function RlsGuide({ recorded }: { recorded: boolean }) {
  return (
    <section className={`nlc-rls${recorded ? " nlc-rls-recorded" : ""}`} aria-label="Restless legs or night leg cramps">
      <Disclosure
        level={2}
        title={recorded ? "Restless legs syndrome is recorded: how to tell it from cramps" : "Restless legs or cramps? How to tell them apart"}
      >
        <LazyRlsGuideBody />
      </Disclosure>
    </section>
  );
}
