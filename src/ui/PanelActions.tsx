/** "Copy summary" (with a visible, announced confirmation and a manual fallback) and "Print". */
import { useState } from "react";

type CopyState = "idle" | "copied" | "failed";

export function PanelActions({ getText }: { getText: () => string }) {
  const [state, setState] = useState<CopyState>("idle");
  const [fallback, setFallback] = useState("");

  const copy = async () => {
    const text = getText();
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setFallback("");
      setState("copied");
    } catch {
      setFallback(text);
      setState("failed");
    }
  };

  return (
    <div className="nlc-actions">
      <button type="button" className="nlc-btn" onClick={() => void copy()}>
        Copy summary
      </button>
      <button type="button" className="nlc-btn" onClick={() => window.print()}>
        Print
      </button>
      <p className="nlc-copy-status" role="status" aria-live="polite">
        {state === "copied" && "Summary copied. Paste it into the note."}
        {state === "failed" && "Copying is not available here: select the summary below and copy it."}
      </p>
      {state === "failed" && (
        <textarea className="nlc-fallback" readOnly value={fallback} aria-label="Summary to copy" rows={8} />
      )}
    </div>
  );
}
