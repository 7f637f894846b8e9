/**
 * What the first screen does not need, loaded after it (one chunk, `lazy-…`, vite.config.ts): lab charts,
 * technical details, the restless legs guide's body, the detail with codes. Each is rendered inside
 * Suspense with nothing as its fallback; findings and their evidence are never lazy (panel-contract: they
 * are in the document as soon as the panel is ready).
 */
import { lazy, Suspense, type ComponentProps } from "react";

const load = () => import("./lazy/parts");

const FindingLabsPart = lazy(() => load().then((m) => ({ default: m.FindingLabs })));
const TechnicalDetailsPart = lazy(() => load().then((m) => ({ default: m.TechnicalDetails })));
const RlsGuideBodyPart = lazy(() => load().then((m) => ({ default: m.RlsGuideBody })));

type Parts = typeof import("./lazy/parts");

export function LazyFindingLabs(props: ComponentProps<Parts["FindingLabs"]>) {
  return (
    <Suspense fallback={null}>
      <FindingLabsPart {...props} />
    </Suspense>
  );
}

export function LazyTechnicalDetails(props: ComponentProps<Parts["TechnicalDetails"]>) {
  return (
    <Suspense fallback={null}>
      <TechnicalDetailsPart {...props} />
    </Suspense>
  );
}

export function LazyRlsGuideBody() {
  return (
    <Suspense fallback={<p className="nlc-muted">Loading the guide…</p>}>
      <RlsGuideBodyPart />
    </Suspense>
  );
}

/** The detail with codes (report/fullNote.ts), loaded when asked for. */
export function loadFullNote(): Promise<Parts["fullNote"]> {
  return load().then((m) => m.fullNote);
}

/** Everything lazy, loaded (before printing, so that the printout has the charts and details). */
export function loadLazyParts(): Promise<unknown> {
  return load();
}
