/** A heading whose button shows or hides a region (WAI-ARIA disclosure). Hidden content stays in the DOM (and prints). */
import { useId, useState, type ReactNode } from "react";

export type HeadingLevel = 2 | 3 | 4 | 5;

interface Props {
  level: HeadingLevel;
  title: ReactNode;
  defaultOpen?: boolean;
  /** Class of the region. */
  className?: string;
  /** Class of the heading. */
  headingClassName?: string;
  /** Shown between the heading and the region, whether open or not. */
  lead?: ReactNode;
  children: ReactNode;
}

export function Disclosure({ level, title, defaultOpen = false, className, headingClassName, lead, children }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <>
      <Heading className={`nlc-disclosure-heading ${headingClassName ?? ""}`}>
        <button
          type="button"
          className="nlc-disclosure"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="nlc-disclosure-title">{title}</span>
        </button>
      </Heading>
      {lead}
      <div id={id} className={`nlc-region ${className ?? ""}`} hidden={!open}>
        {children}
      </div>
    </>
  );
}
