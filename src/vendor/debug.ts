/**
 * Stands in for the `debug` package inside fhirclient (vite.config.ts). fhirclient's debug output, turned
 * on by `localStorage.debug`, prints token responses (docs/spec/smart-notes.md §2): in this app it can
 * never be turned on, and the logger costs nothing.
 */
type Logger = ((...args: unknown[]) => void) & { enabled: boolean; extend: () => Logger };

function silent(): Logger {
  const log = (() => undefined) as unknown as Logger;
  log.enabled = false;
  log.extend = silent;
  return log;
}

export default function debug(): Logger {
  return silent();
}
