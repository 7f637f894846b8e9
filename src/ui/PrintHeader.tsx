/**
 * The running header of a printout: the patient's name, birth date and when it was printed, on every page
 * (panel-contract "Reading aids"). Print only; the print stylesheet repeats it on each page. The print time
 * is taken when printing starts (beforeprint), from the injected clock.
 */
import { useCallback, useEffect, useState } from "react";
import { printHeaderWords } from "../report/printHeader";
import type { ReportPatient } from "../report/types";
import { Untrusted } from "./Untrusted";

/** `clock` is the browser's (src/app); without it, `now`. The listener is set again only when either changes. */
export function PrintHeader({ patient: p, clock, now }: { patient: ReportPatient; clock?: () => Date; now: Date }) {
  const read = useCallback(() => (clock ? clock() : now), [clock, now]);
  const [printedAt, setPrintedAt] = useState(read);
  useEffect(() => {
    const before = () => setPrintedAt(read());
    window.addEventListener("beforeprint", before);
    return () => window.removeEventListener("beforeprint", before);
  }, [read]);
  const { who, born, printed } = printHeaderWords(p, printedAt);
  return (
    <div className="nlc-print-header" aria-hidden="true">
      <div className="nlc-print-header-row">
        <span className="nlc-print-header-name">
          <Untrusted text={who} max={120} />
        </span>
        {born && <span>{born}</span>}
        <span>{printed}</span>
      </div>
    </div>
  );
}
