/** What every exchange route shares: configuration, credentials, sessions, cookie policy, clock, logger. */
import type { AppConfig } from "../../src/fhir/configTypes";
import type { CookiePolicy } from "./http";
import type { Sessions } from "./sessions";
import type { Credentials } from "./tokenClient";
import type { FetchLike } from "./upstream";

export interface ExchangeLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ExchangeContext {
  /** The current smart-config.json (re-read when the file changes). */
  config: () => Promise<AppConfig>;
  credentials: Credentials;
  sessions: Sessions;
  cookies: CookiePolicy;
  /** The app's public URL when it is behind a proxy (`--public-url`); else derived from Host. */
  publicUrl?: string;
  /** Local use (--loopback-csp): a loopback FHIR server is allowed without configuration, as on the pages. */
  loopback: boolean;
  now: () => number;
  /** Messages without tokens, secrets, codes or patient data. */
  logger: ExchangeLogger;
  /** Replaces fetch for upstream calls (tests). */
  fetch?: FetchLike;
}
