/**
 * What a panel shows, read only through the attributes of docs/spec/panel-contract.md (the same ones the
 * acceptance tests read): the panel status, each finding and each kind of record checked.
 */
import type { Page } from "playwright-core";

export interface PanelFinding {
  cause: string;
  current: string;
  strength: string;
  basis: string;
  evidence: string[];
}

export interface PanelReading {
  status: string;
  findings: PanelFinding[];
  sources: Record<string, string>;
}

/** Waits until the panel leaves "loading" (or `timeoutMs` passes) and reads it. */
export async function readPanel(page: Page, timeoutMs: number): Promise<PanelReading> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector("[data-panel-status]")?.getAttribute("data-panel-status");
      return typeof status === "string" && status !== "loading";
    },
    undefined,
    { timeout: timeoutMs },
  );
  return page.evaluate(() => {
    const status = document.querySelector("[data-panel-status]")?.getAttribute("data-panel-status") ?? "";
    const findings = [...document.querySelectorAll("[data-cause]")].map((el) => ({
      cause: el.getAttribute("data-cause") ?? "",
      current: el.getAttribute("data-current") ?? "",
      strength: el.getAttribute("data-strength") ?? "",
      basis: el.getAttribute("data-basis") ?? "",
      evidence: [...el.querySelectorAll("[data-evidence]")].map((e) => e.getAttribute("data-evidence") ?? ""),
    }));
    const sources = Object.fromEntries(
      [...document.querySelectorAll("[data-source]")].map((el) => [el.getAttribute("data-source") ?? "", el.getAttribute("data-source-status") ?? ""]),
    );
    return { status, findings, sources };
  });
}
