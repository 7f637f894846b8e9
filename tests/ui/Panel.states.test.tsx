// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { buildReport } from "../../src/report/build";
import { fullNote } from "../../src/report/fullNote";
import { shortNote } from "../../src/report/note";
import { NOW, data, mixedFindings, partial, ready, sources, withFindings } from "./fixtures";

afterEach(cleanup);

function statusElements(container: HTMLElement) {
  return container.querySelectorAll("[data-panel-status]");
}

describe("Panel states", () => {
  it("loading: one status element, aria-busy, a role=status message", () => {
    const { container } = render(<Panel state={{ status: "loading" }} now={NOW} />);
    const els = statusElements(container);
    expect(els).toHaveLength(1);
    expect(els[0]!.getAttribute("data-panel-status")).toBe("loading");
    expect(els[0]!.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("Reading the patient's record…");
    expect(container.querySelector("[data-cause]")).toBeNull();
  });

  it("error: title, action, detail code and Launch again", () => {
    const onRelaunch = vi.fn();
    const { container } = render(
      <Panel
        state={{
          status: "error",
          error: { kind: "session-expired", title: "The session has expired.", action: "Open the app again from the EHR.", detail: "invalid_grant" },
        }}
        now={NOW}
        onRelaunch={onRelaunch}
      />,
    );
    const els = statusElements(container);
    expect(els).toHaveLength(1);
    expect(els[0]!.getAttribute("data-panel-status")).toBe("error");
    expect(els[0]!.hasAttribute("aria-busy")).toBe(false);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("The session has expired.");
    expect(screen.getByText("Open the app again from the EHR.")).toBeTruthy();
    expect(screen.getByText("invalid_grant")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Launch again" }));
    expect(onRelaunch).toHaveBeenCalledTimes(1);
  });

  it("error without onRelaunch has no Launch again button", () => {
    render(<Panel state={{ status: "error", error: { kind: "no-session", title: "No session.", action: "Launch from the EHR." } }} now={NOW} />);
    expect(screen.queryByRole("button", { name: "Launch again" })).toBeNull();
  });

  it("ready: status, landmarks, the source's first point, one-line summary counting distinct facts, sources listed", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const els = statusElements(container);
    expect(els).toHaveLength(1);
    expect(els[0]!.getAttribute("data-panel-status")).toBe("ready");
    expect(els[0]!.hasAttribute("aria-busy")).toBe(false);
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("contentinfo")).toBeTruthy();
    expect(screen.getByText("4 facts active in the record are linked to night leg cramps; 2 past or not current.")).toBeTruthy();
    expect(screen.getByRole("main").textContent).toContain("Most night leg cramps have no known cause.");
    const srcs = [...container.querySelectorAll("[data-source]")].map((e) => [
      e.getAttribute("data-source"),
      e.getAttribute("data-source-status"),
    ]);
    expect(srcs).toEqual([
      ["Patient", "read"],
      ["Condition", "read"],
      ["MedicationRequest", "read"],
      ["MedicationStatement", "read"],
      ["Procedure", "read"],
    ]);
  });

  it("partial: says which kinds of record could not be read, in words", () => {
    const state = partial(
      data({
        sources: sources({
          Condition: { status: "failed", count: 0, message: "the server returned an error (500)" },
          MedicationRequest: { status: "truncated", count: 1000 },
          MedicationStatement: { status: "not-supported", count: 0 },
          Procedure: { status: "not-authorized", count: 0, warnings: ["Search limited"] },
        }),
      }),
    );
    const { container } = render(<Panel state={state} now={NOW} />);
    expect(statusElements(container)[0]!.getAttribute("data-panel-status")).toBe("partial");
    const text = (source: string) => container.querySelector(`[data-source="${source}"]`)?.textContent ?? "";
    expect(container.querySelector('[data-source="Condition"]')!.getAttribute("data-source-status")).toBe("failed");
    expect(text("Condition")).toContain("Could not be checked: the server returned an error (500)");
    expect(text("MedicationRequest")).toContain("Incomplete: only the first 1000 were read");
    expect(text("MedicationStatement")).toContain("Not supported by this EHR");
    expect(text("Procedure")).toContain("Not authorised");
    expect(text("Procedure")).toContain("Warning: Search limited");
    expect(text("Patient")).toContain("Read: 3 records");
  });

  it("shows when the data was read, relative to the injected clock, and Reload calls back", () => {
    const onReload = vi.fn();
    const { container } = render(<Panel state={ready()} now={NOW} onReload={onReload} />);
    expect(container.querySelector(".nlc-read-at")!.textContent).toMatch(/Read at .*\(5 minutes ago\)/);
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it("says what is never read (lab results only when the EHR's labs are not read)", () => {
    render(<Panel state={ready()} now={NOW} />);
    expect(screen.getByText(/laboratory results, observations .* allergies/)).toBeTruthy();
    cleanup();
    render(<Panel state={ready(data({ sources: [...sources(), { source: "Observation", status: "read", count: 4, warnings: [] }] }))} now={NOW} />);
    const line = screen.getByText(/^Not used: lab results other than eGFR, hemoglobin, HbA1c, glucose and TSH; other observations \(such as blood pressure readings\); allergies/);
    expect(line.textContent).not.toMatch(/laboratory results,/);
  });

  it("footer: citation link opens safely, the app's conventions once, knowledge version, not-a-diagnosis statement", () => {
    render(<Panel state={ready()} now={NOW} />);
    const link = screen.getByRole("link", { name: "Night leg cramps — Causes" });
    expect(link.getAttribute("href")).toBe("https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(link.getAttribute("target")).toBe("_blank");
    const footer = screen.getByRole("contentinfo").textContent ?? "";
    expect(footer).toContain("March 02, 2023");
    expect(footer).toContain("Knowledge base version 2025.1, reviewed 20 May 2025.");
    expect(footer).toContain("support, not replace, clinical judgement");
    expect(footer).toContain("Older age: the app highlights age 65 and over; the source gives no cut-off.");
  });

  it("the age convention is stated once, in the footer, not on the finding", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    expect(container.textContent!.match(/highlights age 65/g)).toHaveLength(1);
    expect(container.querySelector('[data-cause="older-age"]')!.textContent).not.toContain("highlights age 65");
  });

  it("banner: name, date of birth, age, sex; print-only when showBanner is false", () => {
    const { unmount } = render(<Panel state={ready()} now={NOW} />);
    const banner = screen.getByRole("region", { name: "Patient" }).textContent ?? "";
    expect(banner).toContain("Ada Lovelace");
    expect(banner).toContain("12 May 1950");
    expect(banner).toContain("75");
    expect(banner).toContain("Female");
    unmount();
    const { container } = render(<Panel state={ready(data({ showBanner: false }))} now={NOW} />);
    // The EHR shows its own banner on screen; the printout still names the patient.
    const printOnly = container.querySelector(".nlc-print-banner");
    expect(printOnly?.textContent).toContain("Ada Lovelace");
    expect(printOnly?.textContent).toContain("12 May 1950");
  });

  it("deceased patient: banner and one statement that nothing is current", () => {
    const d = data({
      patient: { resourceType: "Patient", id: "p1", name: [{ text: "Old Tom" }], birthDate: "1920-01-01", deceasedDateTime: "2010-03-04" },
    });
    d.result.patient = { id: "p1", age: 90, ageAt: "death", deceased: true, deceasedDate: "2010-03-04" };
    render(<Panel state={ready(d)} now={NOW} />);
    const banner = screen.getByRole("region", { name: "Patient" }).textContent ?? "";
    expect(banner).toContain("Deceased");
    expect(banner).toContain("4 Mar 2010");
    expect(banner).toContain("90 at death");
    expect(screen.getByRole("main").textContent).toMatch(/recorded as deceased \(4 Mar 2010\): nothing is current/);
  });

  it("headings keep a hierarchy without skipped levels", () => {
    const { container } = render(<Panel state={ready(withFindings(mixedFindings()))} now={NOW} />);
    const levels = [...container.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => {
      if (i > 0) expect(l - levels[i - 1]!).toBeLessThanOrEqual(1);
    });
  });
});

describe("a Patient resource that could not be read", () => {
  it("never says 'not recorded' in the banner or the copied text", () => {
    const d = data({
      patient: { resourceType: "Patient", id: "p1" },
      sources: sources({ Patient: { status: "failed", count: 0, message: "The EHR could not return the patient's demographics." } }),
    });
    const { container } = render(<Panel state={{ status: "partial", data: d }} now={NOW} />);
    expect(screen.getByText("Patient details could not be read")).toBeTruthy();
    expect(container.querySelector(".nlc-banner")?.textContent).not.toMatch(/not recorded/i);
    const text = fullNote(buildReport(d), NOW);
    expect(text).toMatch(/details could not be read/);
    expect(text).not.toMatch(/Name not recorded|Date of birth: not recorded/);
    expect(shortNote(buildReport(d), NOW)).not.toMatch(/not recorded/i);
  });
});
