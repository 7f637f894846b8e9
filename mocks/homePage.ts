/** The demo EHR's home page: every demo patient with an EHR "Launch" link into the app. No external assets. */
import type { Patient } from "fhir/r4";
import type { DemoPatient } from "./data/demoPatient";
import { encodeLaunch, profileFhirBase } from "./launchContext";
import { PROFILE_NAMES, PROFILES, type ProfileName } from "./profiles";
import { escapeHtml } from "./responses";

export interface HomePageInput {
  patients: readonly DemoPatient[];
  /** The mock's origin (FHIR bases are derived from it, one per behaviour profile). */
  baseUrl: string;
  /** The behaviour profile the launch links use (profiles.ts); default "plain". */
  profile?: ProfileName;
  /** The app's SMART launch URL, e.g. "http://localhost:4000/launch.html". */
  appLaunchUrl: string;
  now: Date;
  /** FHIR bases on which the app exchanges its code on its own server (a confidential client): one launch link each, for the first patient. */
  serverExchange?: readonly { label: string; fhirBase: string }[];
}

export function launchUrl(appLaunchUrl: string, fhirBase: string, launch?: string): string {
  const url = new URL(appLaunchUrl);
  url.searchParams.set("iss", fhirBase);
  if (launch !== undefined) url.searchParams.set("launch", launch);
  return url.toString();
}

function patientFacts(p: DemoPatient, now: Date): { name: string; birthDate: string; sex: string } {
  const resource = p.resources(now).find((r): r is Patient => r.resourceType === "Patient");
  const birth = resource?.birthDate ?? "unknown";
  const died = resource?.deceasedDateTime ? ` (died ${resource.deceasedDateTime.slice(0, 10)})` : "";
  return { name: p.label, birthDate: birth + died, sex: resource?.gender ?? "unknown" };
}

function profilePicker(current: ProfileName): string {
  const options = PROFILE_NAMES.map((name) => {
    const p = PROFILES[name];
    return `        <li><label><input type="radio" name="profile" value="${name}"${name === current ? " checked" : ""}> ${escapeHtml(p.label)}</label> — <span class="note">${escapeHtml(p.description)}</span></li>`;
  }).join("\n");
  return `    <form method="get" action="/" id="profile-form">
      <fieldset>
        <legend>How this EHR behaves (behaviour profile)</legend>
        <ul class="profiles">
${options}
        </ul>
        <button type="submit">Use this profile</button>
      </fieldset>
    </form>`;
}

function serverExchangeSection(patient: DemoPatient | undefined, launches: HomePageInput["serverExchange"], appLaunchUrl: string, now: Date): string {
  if (!patient || !launches || launches.length === 0) return "";
  const name = patientFacts(patient, now).name.slice(0, 80);
  const items = launches
    .map((l) => {
      const href = launchUrl(appLaunchUrl, l.fhirBase, encodeLaunch({ patient: patient.id }));
      return `      <li><a href="${escapeHtml(href)}" data-server-exchange data-patient-id="${escapeHtml(patient.id)}">Launch ${escapeHtml(name)}</a> — ${escapeHtml(l.label)}</li>`;
    })
    .join("\n");
  return `    <section aria-labelledby="server-exchange">
      <h2 id="server-exchange">Token exchange on the app's server (confidential client)</h2>
      <p class="note">This EHR's token endpoint sends no CORS headers and only accepts the app's registered confidential client: the app exchanges the code on its own server, and the browser never holds a token.</p>
      <ul>
${items}
      </ul>
    </section>`;
}

export function homePage({ patients, baseUrl, profile = "plain", appLaunchUrl, now, serverExchange }: HomePageInput): string {
  const fhirBase = profileFhirBase(baseUrl, profile);
  // The patient whose record shows this profile's EHR comes first.
  const ordered = [...patients.filter((p) => p.profile === profile), ...patients.filter((p) => p.profile !== profile)];
  const rows = ordered
    .map((p) => {
      const f = patientFacts(p, now);
      const href = launchUrl(appLaunchUrl, fhirBase, encodeLaunch({ patient: p.id }));
      return `      <tr>
        <th scope="row"><a href="/chart/${encodeURIComponent(p.id)}" data-chart-link>${escapeHtml(f.name.slice(0, 80))}</a></th>
        <td>${escapeHtml(f.birthDate)}</td>
        <td>${escapeHtml(f.sex)}</td>
        <td>${p.profile === profile && profile !== "plain" ? `<strong data-profile-patient="${escapeHtml(profile)}">Shows this EHR's behaviour.</strong> ` : ""}${escapeHtml(p.description)}</td>
        <td><a href="${escapeHtml(href)}" data-patient-id="${escapeHtml(p.id)}" aria-label="Launch the app for ${escapeHtml(f.name.slice(0, 80))}">Launch</a></td>
      </tr>`;
    })
    .join("\n");
  const standalone = launchUrl(appLaunchUrl, fhirBase);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Demo EHR</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border-bottom: 1px solid #ccc; padding: .5rem; text-align: left; vertical-align: top; }
    a { color: #0645ad; }
    a:focus { outline: 3px solid #1a73e8; outline-offset: 2px; }
    .note { color: #444; }
    fieldset { margin: 0 0 1rem; }
    .profiles { list-style: none; padding: 0; }
    .profiles li { margin: .25rem 0; }
  </style>
</head>
<body>
  <header>
    <h1>Demo EHR</h1>
    <p class="note">A mock EHR with synthetic patients only. Profile: <strong id="current-profile">${escapeHtml(PROFILES[profile].label)}</strong>. FHIR base: <code>${escapeHtml(fhirBase)}</code></p>
  </header>
  <main>
${profilePicker(profile)}
${serverExchangeSection(patients[0], serverExchange, appLaunchUrl, now)}
    <p><a href="${escapeHtml(standalone)}" id="standalone-launch">Standalone launch</a> (the app asks the EHR to pick a patient)</p>
    <table>
      <caption>Patients</caption>
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Birth date</th><th scope="col">Sex</th><th scope="col">About this record</th><th scope="col">App</th></tr>
      </thead>
      <tbody>
${rows}
      </tbody>
    </table>
  </main>
</body>
</html>
`;
}
