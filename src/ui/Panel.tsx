/** The panel's root: one element carries data-panel-status; loading, error, or the findings with what was checked. */
import type { PanelData, PanelError, PanelState } from "./panelModel";
import { CheckedSection } from "./CheckedSection";
import { FindingList } from "./FindingList";
import { formatDate } from "./format";
import { sourceLabel, summaryLine, unreadSources } from "./labels";
import { PanelActions } from "./PanelActions";
import { PanelFooter } from "./PanelFooter";
import { PatientBanner } from "./PatientBanner";
import { panelToPlainText } from "./plainText";
import { RlsGuide } from "./RlsGuide";
import { styleVars } from "./smartStyle";
import { Untrusted } from "./Untrusted";
import "./panel.css";

export interface PanelProps {
  state: PanelState;
  now: Date;
  onReload?: () => void;
  onRelaunch?: () => void;
}

const TITLE = "Night leg cramps: causes in the record";

export function Panel({ state, now, onReload, onRelaunch }: PanelProps) {
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
  return <ReadyView status={state.status} data={state.data} now={now} onReload={onReload} />;
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
}

function ReadyView({ status, data, now, onReload }: ReadyProps) {
  const { findings, patient: facts } = data.result;
  const hasRls = findings.some((f) => f.causeId === "restless-legs-syndrome");
  const unread = unreadSources(data.sources);
  // Never claim absence for a kind of record that was not read, whatever the status says.
  const complete = status === "ready" && unread.length === 0 ? "ready" : "partial";
  return (
    <div className="nlc" data-panel-status={status} style={styleVars(data.style)}>
      <header className="nlc-header">
        <h1>{TITLE}</h1>
        {/* The EHR may show its own banner (need_patient_banner false); the printout always names the patient. */}
        <div className={data.showBanner ? undefined : "nlc-print-banner"}>
          <PatientBanner
            patient={data.patient}
            facts={facts}
            now={now}
            read={data.sources.find((s) => s.source === "Patient")?.status === "read"}
          />
        </div>
        <PanelActions getText={() => panelToPlainText(data, now)} />
      </header>
      <main className="nlc-main">
        <p className="nlc-summary">{summaryLine(data, complete)}</p>
        {facts.deceased && (
          <p className="nlc-alert">
            The patient is recorded as deceased
            {facts.deceasedDate ? ` (${formatDate(facts.deceasedDate)})` : ""}: nothing is shown as current.
          </p>
        )}
        {unread.length > 0 && (
          <div className="nlc-alert">
            <p>Not checked completely, so nothing can be ruled out there:</p>
            <ul>
              {unread.map((s) => (
                <li key={s.source}>{sourceLabel(s.source)}</li>
              ))}
            </ul>
          </div>
        )}
        {hasRls && <RlsGuide recorded />}
        {findings.length > 0 && (
          <section className="nlc-findings-section" aria-labelledby="nlc-findings-h">
            <h2 id="nlc-findings-h">Findings by strength of link</h2>
            <FindingList findings={findings} birthDate={data.patient.birthDate} knowledge={data.knowledge} />
          </section>
        )}
        {!hasRls && <RlsGuide recorded={false} />}
        <CheckedSection sources={data.sources} readAt={data.readAt} now={now} onReload={onReload} />
      </main>
      <PanelFooter knowledge={data.knowledge} />
    </div>
  );
}
