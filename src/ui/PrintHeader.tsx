/**
 * The running header of a printout: the patient's name, birth date and when it was printed, on every page
 * (panel-contract "Reading aids"). Print only; the print stylesheet repeats it on each page. The print time
 * is taken when printing starts (beforeprint), from the injected clock.
 */
import { useEffect, useState } from "react";
import { printHeaderWords } from "../report/printHeader";
import type { ReportPatient } from "../report/types";
import { Untrusted } from "./Untrusted";

export function PrintHeader({ patient: p, clock }: { patient: ReportPatient; clock: () => Date }) {
  const [printedAt, setPrintedAt] = useState(() => clock());
  useEffect(() => {
    const before = () => setPrintedAt(clock());
    window.addEventListener("beforeprint", before);
    return () => window.removeEventListener("beforeprint", before);
  }, [clock]);
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
