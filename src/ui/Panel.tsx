/**
 * The panel's root: one element carries data-panel-status; loading, error, or the report in reading
 * order — the cramp record in the header, real gaps first, what is worth reviewing, what is active in the
 * record now by strength (one row per record), conditions with no status recorded (open), everything past
 * folded in one disclosure, the guides, what was checked, the note to paste, and the footer. A running
 * header names the patient on every printed page.
 */
import type { ReactNode } from "react";
import type { Finding } from "../engine/types";
import { buildReport } from "../report/build";
import { legCrampAnchor } from "../report/crampAnchor";
import { NO_KNOWN_CAUSE, TITLE } from "../report/labels";
import { chartHomes } from "../report/labStory";
import { shortNote } from "../report/summaryNote";
import { findingRows, panelHomes, panelOrder } from "../report/order";
import { worthReviewing } from "../report/review";
import { completeness, summaryLine } from "../report/summary";
import type { Report } from "../report/types";
import type { PanelData, PanelError, PanelState } from "./panelModel";
import { ActiveNow } from "./ActiveNow";
import { CheckedSection } from "./CheckedSection";
import { CrampAnchor } from "./CrampAnchor";
import type { FindingContext } from "./FindingItem";
import { GapsAlert } from "./GapsAlert";
import { loadFullNote, loadLazyParts } from "./LazyParts";
import { NotePreview } from "./NotePreview";
import { PanelActions } from "./PanelActions";
import { PanelFooter } from "./PanelFooter";
import { PastSection } from "./PastSection";
import { PatientBanner } from "./PatientBanner";
import { PrintHeader } from "./PrintHeader";
import { RlsGuide } from "./RlsGuide";
import { StatusNotRecorded } from "./StatusNotRecorded";
import { StrengthLegend } from "./StrengthLegend";
import { styleVars } from "./smartStyle";
import { Untrusted } from "./Untrusted";
import { WorthReviewing } from "./WorthReviewing";
import "./panel.css";

export interface PanelProps {
  state: PanelState;
  now: Date;
  /** The clock for the printout's "printed at" (src/app passes the browser's; without it, `now`). */
  clock?: () => Date;
  onReload?: () => void;
  onRelaunch?: () => void;
  /** Ends a server session (absent for a browser session, which ends with the tab). */
  onSignOut?: () => void;
  /** Extra content for a finding (e.g. a lab-results chart), rendered inside its evidence region. */
  findingExtra?: (finding: Finding) => ReactNode;
}

export function Panel({ state, now, clock, onReload, onRelaunch, onSignOut, findingExtra }: PanelProps) {
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
  return <ReadyView status={state.status} data={state.data} now={now} clock={clock} onReload={onReload} onSignOut={onSignOut} findingExtra={findingExtra} />;
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
  clock?: () => Date;
  onReload?: () => void;
  onSignOut?: () => void;
  findingExtra?: (finding: Finding) => ReactNode;
}

function findingContext(report: Report, now: Date, extra: ReadyProps["findingExtra"], homes: FindingContext["homes"], findings: Finding[]): FindingContext {
  const anchor = legCrampAnchor(report);
  return {
    now,
    birthDate: report.patient.birthDate,
    deceased: report.patient.deceased,
    homes,
    labels: new Map(report.findings.map((f) => [f.causeId, f.label])),
    extra,
    labs: report.labs,
    sources: report.sources,
    ...(anchor ? { anchor } : {}),
    chartHomes: chartHomes(findings),
  };
}

function ReadyView({ status, data, now, clock, onReload, onSignOut, findingExtra }: ReadyProps) {
  const report = buildReport(data);
  const order = panelOrder(report);
  const homes = panelHomes(order);
  const ctx = findingContext(report, now, findingExtra, homes, [...order.current, ...order.unrecorded, ...order.past]);
  const hasRls = report.findings.some((f) => f.causeId === "restless-legs-syndrome");
  // summaryLine never claims absence for a kind of record that was not read, whatever the status says.
  const summary = summaryLine(report, status, now);
  const note = shortNote(report, now);
  const complete = status === "ready" && completeness(report) === "ready";
  return (
    <div className="nlc" data-panel-status={status} style={styleVars(data.style)}>
      {/* A layout table (blocks on screen): in print its head repeats on every page, naming the patient. */}
      <table className="nlc-frame" role="presentation">
        <thead>
          <tr>
            <td>
              <PrintHeader patient={report.patient} clock={clock} now={now} />
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
      <header className="nlc-header">
        <div className="nlc-titlebar">
          <h1>{TITLE}</h1>
          <PanelActions
            getNote={() => note}
            getFull={() => loadFullNote().then((full) => full(report, now))}
            beforePrint={loadLazyParts}
            onSignOut={onSignOut}
          />
        </div>
        {/* The EHR may show its own banner (need_patient_banner false); the printout always names the patient. */}
        <div className={data.showBanner ? undefined : "nlc-print-banner"}>
          <PatientBanner patient={report.patient} now={now} />
        </div>
        <CrampAnchor anchor={ctx.anchor} />
      </header>
      <main className="nlc-main">
        <GapsAlert report={report} />
        <p className="nlc-lede">{NO_KNOWN_CAUSE}</p>
        <WorthReviewing items={worthReviewing(report, now, ctx.anchor)} />
        {order.current.length > 0 ? <ActiveNow rows={findingRows(order.current, homes)} summary={summary} ctx={ctx} /> : <p className="nlc-summary">{summary}</p>}
        {order.unrecorded.length > 0 && <StatusNotRecorded rows={findingRows(order.unrecorded, homes)} count={order.unrecorded.length} ctx={ctx} />}
        {order.past.length > 0 && <PastSection rows={findingRows(order.past, homes)} count={order.past.length} ctx={ctx} />}
        {report.findings.length > 0 && <StrengthLegend />}
        <RlsGuide recorded={hasRls} />
        <CheckedSection complete={complete} sources={report.sources} labs={report.labs} readAt={report.readAt} now={now} onReload={onReload} />
      </main>
      <NotePreview note={note} />
      <PanelFooter knowledge={report.knowledge} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
