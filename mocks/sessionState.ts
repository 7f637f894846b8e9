/**
 * The mock's only server-side state, in memory and per createEhrHandlers() call (fine for a mock):
 * - codes already exchanged (a code works once);
 * - per-session request counters, keyed by the access token (or "anon:<sim segment>" for unauthenticated
 *   discovery requests), used by DemoLaunch `times`, `rate` and `expireAfterRequests`.
 * Both are capped so a long-running demo server cannot grow without bound.
 */
export interface SessionCounters {
  /** Authenticated FHIR requests made with this token. */
  requests: number;
  /** Requests per resource type (first path segment after the FHIR base). */
  byType: Map<string, number>;
}

const MAX_ENTRIES = 10_000;

export class MockEhrState {
  private readonly used = new Set<string>();
  private readonly jtis = new Map<string, number>();
  private readonly sessions = new Map<string, SessionCounters>();

  /** Marks a code as used; false when it had been used before. */
  useCode(code: string): boolean {
    if (this.used.has(code)) return false;
    if (this.used.size >= MAX_ENTRIES) this.used.delete(this.used.values().next().value as string);
    this.used.add(code);
    return true;
  }

  /** Records a client assertion's jti until it expires; false when it was seen before (a replay). */
  useJti(jti: string, expiresAtS: number, nowS: number): boolean {
    for (const [k, exp] of this.jtis) if (exp < nowS) this.jtis.delete(k);
    if (this.jtis.has(jti)) return false;
    if (this.jtis.size >= MAX_ENTRIES) this.jtis.delete(this.jtis.keys().next().value as string);
    this.jtis.set(jti, expiresAtS);
    return true;
  }

  counters(key: string): SessionCounters {
    let c = this.sessions.get(key);
    if (!c) {
      if (this.sessions.size >= MAX_ENTRIES) this.sessions.delete(this.sessions.keys().next().value as string);
      c = { requests: 0, byType: new Map() };
      this.sessions.set(key, c);
    }
    return c;
  }

  /** Counts one more request of `type` in the session and returns its 1-based number. */
  countType(key: string, type: string): number {
    const c = this.counters(key);
    const n = (c.byType.get(type) ?? 0) + 1;
    c.byType.set(type, n);
    return n;
  }
}
