/** Debian's Chromium, as every headless run here starts it (never a downloaded browser). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Without the background-networking flags Chromium keeps trying hosts a closed network refuses. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];
