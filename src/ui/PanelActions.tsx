/** "Copy summary" (the short note), "Copy full detail", and "Print", with an announced confirmation and a manual fallback. */
import { useState } from "react";

type CopyState = "idle" | "copied-note" | "copied-full" | "failed";

interface Props {
  /** The 2–4 line note (report/note.ts shortNote). */
  getNote: () => string;
  /** Every record, date, code and id (report/note.ts fullNote). */
  getFull: () => string;
}

export function PanelActions({ getNote, getFull }: Props) {
  const [state, setState] = useState<CopyState>("idle");
  const [fallback, setFallback] = useState("");

  const copy = async (text: string, done: CopyState) => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setFallback("");
      setState(done);
    } catch {
      setFallback(text);
      setState("failed");
    }
  };

  return (
    <div className="nlc-actions">
      <button type="button" className="nlc-btn" onClick={() => void copy(getNote(), "copied-note")}>
        Copy summary
      </button>
      <button type="button" className="nlc-btn" onClick={() => void copy(getFull(), "copied-full")}>
        Copy full detail
      </button>
      <button type="button" className="nlc-btn" onClick={() => window.print()}>
        Print
      </button>
      <p className="nlc-copy-status" role="status" aria-live="polite">
        {state === "copied-note" && "Summary copied. Paste it into the note."}
        {state === "copied-full" && "Full detail copied."}
        {state === "failed" && "Copying is not available here: select the text below and copy it."}
      </p>
      {state === "failed" && <textarea className="nlc-fallback" readOnly value={fallback} aria-label="Text to copy" rows={6} />}
    </div>
  );
}
