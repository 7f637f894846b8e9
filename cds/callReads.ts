/**
 * What one hook call may read from its `fhirServer`, and within what (docs/spec/cds-hooks.md, "Hostile
 * servers, hostile records, several replicas"), for every hook alike (patient-view, order-select, order-sign):
 *
 * - only a server the calling client lists (HookDeps.fhirServerFor), with the call's own token; otherwise the
 *   call is answered from what it carries (prefetch, draft orders) alone;
 * - one deadline from the moment the call arrives: past it the hook answers `{ "cards": [] }` at once and every
 *   read in flight is aborted;
 * - one read path call (node/fhirRead.ts), opened at the first read and shared by every later one, so the
 *   byte caps and the Medication-read cap hold for the whole hook call (records and draft orders' Medications
 *   together), and the token goes to the `fhirServer` base only.
 */
import { openFhirCall, type FhirCall, type ReadLimits } from "../node/fhirRead";
import type { ServerConfig } from "../src/fhir/configTypes";

/** The call may read: its server's entry, base, token and granted scope. */
export interface FhirAccess {
  /** The `fhirServer` without a trailing slash. */
  base: string;
  token: string;
  scope: string;
  server: ServerConfig;
}

/** Why a call cannot read at all: no server or token given, or a server its client did not list. */
export type NoAccess = "cannot-fetch" | "server-not-allowed";

export interface CallReadsOptions {
  fhirServer?: string;
  auth?: Record<string, unknown>;
  /** The entry under which the calling client may have `fhirServer` read; undefined: never contacted. */
  fhirServerFor: (fhirServer: string) => ServerConfig | undefined;
  callDeadlineMs: number;
  readLimits?: Partial<ReadLimits>;
}

export const DEADLINE = Symbol("deadline");

/** `work`, or DEADLINE as soon as `signal` aborts (without waiting for `work` to unwind). */
function untilDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof DEADLINE> {
  work.catch(() => undefined); // settles after the answer was sent: nothing is waiting for it any more
  if (signal.aborted) return Promise.resolve(DEADLINE);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(DEADLINE);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error("fetch failed"));
      },
    );
  });
}

function accessOf(options: CallReadsOptions): FhirAccess | NoAccess {
  const token = options.auth?.access_token;
  if (!options.fhirServer || typeof token !== "string" || token === "") return "cannot-fetch";
  const server = options.fhirServerFor(options.fhirServer);
  if (!server) return "server-not-allowed";
  const scope = typeof options.auth?.scope === "string" ? options.auth.scope : "";
  return { base: options.fhirServer.replace(/\/+$/, ""), token, scope, server };
}

/** One hook call's reads: created when the call arrives (its deadline starts then). */
export class CallReads {
  /** Aborts when the call's deadline passes. */
  readonly deadline: AbortSignal;
  /** The call's access to its FHIR server, or why it has none. */
  readonly access: FhirAccess | NoAccess;
  private opened: FhirCall | undefined;

  constructor(private readonly options: CallReadsOptions) {
    this.deadline = AbortSignal.timeout(options.callDeadlineMs);
    this.access = accessOf(options);
  }

  /**
   * The read path's limits for this call: its caps, and the call's deadline as the read path's own (not only
   * the `deadline` signal): else the read path's default deadline (8 s) would cut a longer call deadline short.
   */
  private get limits(): Partial<ReadLimits> {
    return { ...this.options.readLimits, deadlineMs: this.options.callDeadlineMs };
  }

  /** The call's one FhirCall (opened at the first use); undefined when the call may not read or its base is not a usable URL. */
  fhirCall(): FhirCall | undefined {
    if (this.opened) return this.opened;
    if (typeof this.access === "string") return undefined;
    try {
      this.opened = openFhirCall({ base: this.access.base, token: this.access.token, limits: this.limits, signal: this.deadline });
    } catch {
      return undefined; // not an http(s) base without credentials: nothing is sent to it
    }
    return this.opened;
  }

  /** `work`, or DEADLINE when the call's deadline passes first. */
  until<T>(work: Promise<T>): Promise<T | typeof DEADLINE> {
    return untilDeadline(work, this.deadline);
  }
}
