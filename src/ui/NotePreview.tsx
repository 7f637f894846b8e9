/**
 * The note "Copy summary" writes, in the page (panel-contract: the text of data-note="summary"), behind a
 * one-line disclosure so a clinician can read it before pasting. Not printed.
 */
import { Disclosure } from "./Disclosure";

export function NotePreview({ note }: { note: string }) {
  return (
    <section className="nlc-note-preview" aria-label="The note to paste">
      <Disclosure level={2} title="Preview of the note to paste">
        <p className="nlc-note-text" data-note="summary">
          {note}
        </p>
      </Disclosure>
    </section>
  );
}
