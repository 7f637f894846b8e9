/**
 * One GET through the data layer's connection (in the browser fhirclient's Client, which adds the bearer
 * token and refreshes it when it can), with a timeout, bounded retries for 429/502/503/504 honouring
 * Retry-After, and one retry after a network error or timeout. fhirclient has no retry or timeout of its own;
 * this is the only place that adds them. A redirect is never followed (`redirect: "manual"`): it would carry
 * the access token to wherever the server points.
 */
import { classifyError, type Failure } from "./errors";
import { isRecord } from "../util/json";

/**
 * What the data layer needs from its connection to the FHIR server: one GET of an absolute URL answering
 * the parsed body (a refused answer rejects with its `status`, as fhirclient's HttpError does), and a token
 * refresh before it. fhirclient's Client fits as is (the browser); the CDS Hooks service passes one built on
 * the Node side's hardened read path (node/fhirRead.ts, cds/fetchRecords.ts).
 */
export interface FhirConnection {
  request(options: { url: string; signal: AbortSignal; redirect: "manual" }, fhirOptions: { pageLimit: 1 }): Promise<unknown>;
  refreshIfNeeded(options: { signal?: AbortSignal }): Promise<unknown>;
}

export interface RequestPolicy {
  timeoutMs: number;
  /** Retries after 429 / 502 / 503 / 504. */
  maxRetries: number;
  /** Retries after a network error or timeout. */
  networkRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  nowMs: () => number;
}

export const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(signal.reason);
    }, { once: true });
  });

export function defaultPolicy(timeoutMs = 20000): RequestPolicy {
  return {
    timeoutMs,
    maxRetries: 3,
    networkRetries: 1,
    baseDelayMs: 400,
    maxDelayMs: 8000,
    sleep: defaultSleep,
    nowMs: () => Date.now(),
  };
}

/** Thrown by fetchJson: carries only a safe category, never the URL or response body. */
export class RequestFailure extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(`FHIR request failed: ${failure.kind}${failure.status ? ` (${failure.status})` : ""}`);
    this.name = "RequestFailure";
    this.failure = failure;
  }
}

/**
 * fhirclient refreshes an expiring token inside request(); a refused refresh would then look like a 400/403
 * on the data. Refresh here first, so a refused refresh reads as what it is: the session has ended.
 */
async function refreshOrEnd(client: FhirConnection, policy: RequestPolicy, signal?: AbortSignal): Promise<void> {
  try {
    await client.refreshIfNeeded({ signal });
  } catch (error) {
    if (signal?.aborted) throw new RequestFailure({ kind: "aborted" });
    const failure = classifyError(error, policy.nowMs());
    throw new RequestFailure(failure.status ? { kind: "unauthorized", status: failure.status } : failure);
  }
}

function combine(signal: AbortSignal | undefined, timeout: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

export async function fetchJson(
  client: FhirConnection,
  url: string,
  policy: RequestPolicy,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  await refreshOrEnd(client, policy, signal);
  let retries = 0;
  let networkRetries = 0;
  for (;;) {
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    let failure: Failure;
    try {
      const body: unknown = await client.request({ url, signal: combine(signal, timeout), redirect: "manual" }, { pageLimit: 1 });
      if (isRecord(body) && "resourceType" in body) return body;
      throw new RequestFailure({ kind: "malformed" });
    } catch (error) {
      if (error instanceof RequestFailure) throw error;
      if (signal?.aborted) throw new RequestFailure({ kind: "aborted" });
      failure = timeout.aborted ? { kind: "timeout" } : classifyError(error, policy.nowMs());
    }
    const retryable = failure.kind === "rate-limited" || failure.kind === "unavailable";
    if (retryable && retries < policy.maxRetries) {
      const backoff = policy.baseDelayMs * 2 ** retries;
      const wait = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : backoff;
      retries++;
      try {
        await policy.sleep(Math.min(wait, policy.maxDelayMs), signal);
      } catch {
        throw new RequestFailure({ kind: "aborted" });
      }
      continue;
    }
    if ((failure.kind === "network" || failure.kind === "timeout") && networkRetries < policy.networkRetries) {
      networkRetries++;
      continue;
    }
    throw new RequestFailure(failure);
  }
}
