/**
 * The panel's reading order (docs/spec/panel-contract.md, "Reading aids"): current findings by strength,
 * then an open "status not recorded — check" group (conditions sent with no clinical status, too old to
 * count as current), then everything past, folded. Within a list, a lesser finding whose every record is
 * shown under a stronger one is folded into that finding's row ("also on the source's list as peripheral
 * neuropathy"): one row per record.
 */
import type { CauseId, Finding } from "../engine/types";
import { evidenceHomes, readingOrder } from "./facts";
import type { Report } from "./types";

export interface PanelOrder {
  /** Current findings, strongest first (none for a deceased patient). */
  current: Finding[];
  /** Not current, resting on a condition with no clinical status: shown open, never among past findings. */
  unrecorded: Finding[];
  /** Everything else not current, folded. */
  past: Finding[];
}

/** A finding not current whose records include a condition sent with no clinical status (engine status "unknown"). */
function restsOnUnrecordedStatus(f: Finding): boolean {
  return !f.current && f.evidence.some((e) => e.resourceType === "Condition" && e.status === "unknown");
}

export function panelOrder(report: Pick<Report, "findings" | "patient">): PanelOrder {
  const { current, past } = readingOrder(report);
  if (report.patient.deceased) return { current, unrecorded: [], past };
  return { current, unrecorded: past.filter(restsOnUnrecordedStatus), past: past.filter((f) => !restsOnUnrecordedStatus(f)) };
}

/** One row: a finding and the lesser findings folded into it. */
export interface FindingRow {
  finding: Finding;
  folded: Finding[];
}

/**
 * The rows of one list: a finding every one of whose records is shown in full under an earlier finding
 * of the same list (evidenceHomes), with the same currency, is folded into that finding's row; the others
 * are rows of their own. `homes` is evidenceHomes of the whole reading order.
 */
export function findingRows(list: readonly Finding[], homes: ReadonlyMap<string, readonly CauseId[]>): FindingRow[] {
  const rows: FindingRow[] = [];
  const rowOf = new Map<CauseId, FindingRow>();
  for (const f of list) {
    const hosts = new Set(f.evidence.map((e) => homes.get(e.ref)?.[0]));
    const host = hosts.size === 1 ? [...hosts][0] : undefined;
    const row = host !== undefined && host !== f.causeId ? rowOf.get(host) : undefined;
    if (row && row.finding.current === f.current && f.evidence.length > 0) {
      row.folded.push(f);
      rowOf.set(f.causeId, row);
      continue;
    }
    const own: FindingRow = { finding: f, folded: [] };
    rows.push(own);
    rowOf.set(f.causeId, own);
  }
  return rows;
}

/** evidenceHomes of the panel's order (current, then status not recorded, then past). */
export function panelHomes(order: PanelOrder): Map<string, CauseId[]> {
  return evidenceHomes({ current: order.current, past: [...order.unrecorded, ...order.past] });
}
