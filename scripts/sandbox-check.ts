/**
 * `npm run sandbox:check -- [--patient <id>]... [--launcher <url> | --demo] [--json] [--provider <id>] [--timeout <s>]`
 *
 * Launches the built app (dist/; run `npm run build` first) the way an EHR does, through a SMART launcher
 * (default: the public sandbox, https://launch.smarthealthit.org) or through the built-in demo EHR
 * (--demo, offline), in headless Chromium, and prints each patient's findings (cause, current, strength,
 * basis) and the panel status, as a table, or as JSON with --json. Default patients: the seven sandbox
 * patients the project carries (mocks/data/sandbox). Exits 1 when a launch did not reach a panel or the
 * panel shows an error, 2 when the check itself cannot run (no network, no build, no browser).
 */
import { sandboxPatientIds } from "../mocks/data/sandboxPatients";
import { reportJson, reportTable } from "./sandboxCheck/format";
import { allReachedPanel, CheckError, PUBLIC_LAUNCHER, runCheck } from "./sandboxCheck/run";

function values(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === name && argv[i + 1] !== undefined) out.push(...argv[i + 1]!.split(",").filter(Boolean));
    else if (arg.startsWith(`${name}=`)) out.push(...arg.slice(name.length + 1).split(",").filter(Boolean));
  });
  return out;
}

const argv = process.argv.slice(2);
const demo = argv.includes("--demo");
const launcherUrl = values(argv, "--launcher")[0];
const patients = values(argv, "--patient");
const timeoutSeconds = Number(values(argv, "--timeout")[0] ?? 30);

try {
  const report = await runCheck({
    mode: demo ? "demo" : "launcher",
    launcherUrl: launcherUrl ?? PUBLIC_LAUNCHER,
    patients: patients.length > 0 ? patients : sandboxPatientIds(),
    provider: values(argv, "--provider")[0],
    timeoutMs: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds * 1000 : 30_000,
  });
  console.log(argv.includes("--json") ? reportJson(report) : reportTable(report));
  process.exitCode = allReachedPanel(report) ? 0 : 1;
} catch (error) {
  if (!(error instanceof CheckError)) throw error;
  console.error(`sandbox:check: ${error.message}`);
  process.exitCode = 2;
}
