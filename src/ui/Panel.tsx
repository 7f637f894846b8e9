/**
 * The panel's root: one element carries data-panel-status; loading, error, or the report in reading
 * order — gaps first, then what is active in the record now by strength, then everything not current
 * folded in one disclosure, the guides, what was checked, and the footer.
 */
import type { ReactNode } from "react";
import type { Finding } from "../engine/types";
import { buildReport } from "../report/build";
import { evidenceHomes, readingOrder } from "../report/facts";
import { NO_KNOWN_CAUSE, TITLE } from "../report/labels";
import { fullNote, shortNote } from "../report/note";
import { summaryLine } from "../report/summary";
import type { Report } from "../report/types";
import type { PanelData, PanelError, PanelState } from "./panelModel";
import { ActiveNow } from "./ActiveNow";
import { CheckedSection } from "./CheckedSection";
import type { FindingContext } from "./FindingItem";
import { GapsAlert } from "./GapsAlert";
import { PanelActions } from "./PanelActions";
import { PanelFooter } from "./PanelFooter";
import { PastSection } from "./PastSection";
import { PatientBanner } from "./PatientBanner";
import { RlsGuide } from "./RlsGuide";
import { StrengthLegend } from "./StrengthLegend";
import { styleVars } from "./smartStyle";
import { Untrusted } from "./Untrusted";
import "./panel.css";

export interface PanelProps {
  state: PanelState;
  now: Date;
  onReload?: () => void;
  onRelaunch?: () => void;
  /** Extra content for a finding (e.g. a lab-results chart), rendered inside its evidence region. */
  findingExtra?: (finding: Finding) => ReactNode;
}

export function Panel({ state, now, onReload, onRelaunch, findingExtra }: PanelProps) {
  if (state.status === "loading") {
    return (
      <div className="nlc" data-panel-status="loading" aria-busy="true">
        <main className="nlc-main">
          <p role="status" className="nlc-loading">
            {"Reading the patient's record…"}
          </p>
        </main>
      </div>
    );
  }
  if (state.status === "error") return <ErrorView error={state.error} onRelaunch={onRelaunch} />;
  return <ReadyView status={state.status} data={state.data} now={now} onReload={onReload} findingExtra={findingExtra} />;
}

function ErrorView({ error, onRelaunch }: { error: PanelError; onRelaunch?: () => void }) {
  return (
    <div className="nlc" data-panel-status="error">
      <main className="nlc-main nlc-error">
        <div role="alert">
          <h1>
            <Untrusted text={error.title} max={200} />
          </h1>
          <p>
            <Untrusted text={error.action} max={400} />
          </p>
          {error.detail && (
            <p className="nlc-muted">
              Code: <Untrusted text={error.detail} max={80} />
            </p>
          )}
        </div>
        {onRelaunch && (
          <button type="button" className="nlc-btn" onClick={onRelaunch}>
            Launch again
          </button>
        )}
      </main>
    </div>
  );
}

interface ReadyProps {
  status: "ready" | "partial";
  data: PanelData;
  now: Date;
  onReload?: () => void;
  findingExtra?: (finding: Finding) => ReactNode;
}

function findingContext(report: Report, now: Date, extra: ReadyProps["findingExtra"]): FindingContext {
  return {
    now,
    birthDate: report.patient.birthDate,
    deceased: report.patient.deceased,
    homes: evidenceHomes(readingOrder(report)),
    labels: new Map(report.findings.map((f) => [f.causeId, f.label])),
    extra,
    labs: report.labs,
  };
}

function ReadyView({ status, data, now, onReload, findingExtra }: ReadyProps) {
  const report = buildReport(data);
  const order = readingOrder(report);
  const ctx = findingContext(report, now, findingExtra);
  const hasRls = report.findings.some((f) => f.causeId === "restless-legs-syndrome");
  // summaryLine never claims absence for a kind of record that was not read, whatever the status says.
  const summary = summaryLine(report, status);
  return (
    <div className="nlc" data-panel-status={status} style={styleVars(data.style)}>
      <header className="nlc-header">
        <div className="nlc-titlebar">
          <h1>{TITLE}</h1>
          <PanelActions getNote={() => shortNote(report, now)} getFull={() => fullNote(report, now)} />
        </div>
        {/* The EHR may show its own banner (need_patient_banner false); the printout always names the patient. */}
        <div className={data.showBanner ? undefined : "nlc-print-banner"}>
          <PatientBanner patient={report.patient} now={now} />
        </div>
      </header>
      <main className="nlc-main">
        <GapsAlert report={report} />
        <p className="nlc-lede">{NO_KNOWN_CAUSE} Below: what in this record the source links to them.</p>
        {order.current.length > 0 ? (
          <ActiveNow report={report} current={order.current} summary={summary} ctx={ctx} />
        ) : (
          <p className="nlc-summary">{summary}</p>
        )}
        {order.past.length > 0 && <PastSection findings={order.past} ctx={ctx} />}
        {report.findings.length > 0 && <StrengthLegend />}
        <RlsGuide recorded={hasRls} />
        <CheckedSection sources={report.sources} labs={report.labs} readAt={report.readAt} now={now} onReload={onReload} />
      </main>
      <PanelFooter knowledge={report.knowledge} />
    </div>
  );
}
