/**
 * "Copy summary" (the short note), "Copy detail with codes" (the audit version, loaded when asked for),
 * and "Print" (after the lazily loaded parts are in, so the printout has the charts and details), with an
 * announced confirmation and a manual fallback; "Sign out" when the session lives on the app's server.
 */
import { useState } from "react";

type CopyState = "idle" | "copied-note" | "copied-full" | "failed";

interface Props {
  /** The short note (report/summaryNote.ts shortNote). */
  getNote: () => string;
  /** Every record, date, code and id (report/fullNote.ts), loaded when asked for. */
  getFull: () => Promise<string>;
  /** Resolves when what the printout needs is loaded. */
  beforePrint?: () => Promise<unknown>;
  /** Ends the server session (a browser session ends with the tab: no button then). */
  onSignOut?: () => void;
}

export function PanelActions({ getNote, getFull, beforePrint, onSignOut }: Props) {
  const [state, setState] = useState<CopyState>("idle");
  const [signingOut, setSigningOut] = useState(false);
  const [fallback, setFallback] = useState("");

  const copy = async (text: string | Promise<string>, done: CopyState) => {
    let value = "";
    try {
      value = await text;
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setFallback("");
      setState(done);
    } catch {
      setFallback(value);
      setState("failed");
    }
  };

  const print = () => {
    const go = () => window.print();
    if (!beforePrint) return go();
    // Printing without the charts beats not printing: a failed load still prints.
    void beforePrint().then(go, go);
  };

  return (
    <div className="nlc-actions">
      <button type="button" className="nlc-btn" onClick={() => void copy(getNote(), "copied-note")}>
        Copy summary
      </button>
      <button type="button" className="nlc-btn" onClick={() => void copy(getFull(), "copied-full")}>
        Copy detail with codes
      </button>
      <button type="button" className="nlc-btn" onClick={print}>
        Print
      </button>
      {onSignOut && (
        <button
          type="button"
          className="nlc-btn"
          data-action="sign-out"
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            onSignOut();
          }}
        >
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      )}
      <p className="nlc-copy-status" role="status" aria-live="polite">
        {state === "copied-note" && "Summary copied. Paste it into the note."}
        {state === "copied-full" && "Detail with codes copied."}
        {state === "failed" && "Copying is not available here: select the text below and copy it."}
      </p>
      {state === "failed" && <textarea className="nlc-fallback" readOnly value={fallback} aria-label="Text to copy" rows={6} />}
    </div>
  );
}
