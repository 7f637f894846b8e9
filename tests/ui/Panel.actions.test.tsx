// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { buildReport } from "../../src/report/build";
import { fullNote } from "../../src/report/fullNote";
import { shortNote } from "../../src/report/note";
import { NOTE_MAX_CHARS, NOTE_MAX_LINES } from "../../src/report/summaryNote";
import type { PanelData } from "../../src/ui/panelModel";
import { NOW, mixedFindings, ready, withFindings } from "./fixtures";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Render the panel for `d` with `clipboard` as navigator.clipboard, and press the copy button named `button`. */
async function renderAndCopy(button: string, clipboard: unknown, d?: PanelData) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
  render(<Panel state={ready(d)} now={NOW} />);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: button }));
  });
}

describe("Copy summary", () => {
  it("writes the short note and confirms in a live region", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const d = withFindings(mixedFindings());
    await renderAndCopy("Copy summary", { writeText }, d);
    expect(writeText).toHaveBeenCalledWith(shortNote(buildReport(d), NOW));
    const note = writeText.mock.calls[0]![0] as string;
    expect(note.split("\n").length).toBeGreaterThanOrEqual(2);
    expect(note.split("\n").length).toBeLessThanOrEqual(NOTE_MAX_LINES);
    expect(note.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    // The same text is in the page, as the contract's data-note="summary".
    expect(document.querySelector('[data-note="summary"]')!.textContent).toBe(note);
    const live = screen.getByText("Summary copied. Paste it into the note.");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("offers the detail with codes as a second option, loaded when asked for", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const d = withFindings(mixedFindings());
    await renderAndCopy("Copy detail with codes", { writeText }, d);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(fullNote(buildReport(d), NOW)));
    expect((writeText.mock.calls[0]![0] as string).split("\n").length).toBeGreaterThan(10);
    expect(screen.getByText("Detail with codes copied.")).toBeTruthy();
  });

  it("falls back to a message and selectable text when the clipboard is missing", async () => {
    const d = withFindings(mixedFindings());
    await renderAndCopy("Copy summary", undefined, d);
    expect(screen.getByText(/Copying is not available here/)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Text to copy" }) as HTMLTextAreaElement).value).toBe(shortNote(buildReport(d), NOW));
  });

  it("falls back when writing is refused", async () => {
    await renderAndCopy("Copy summary", { writeText: vi.fn().mockRejectedValue(new Error("NotAllowedError")) });
    expect(screen.getByText(/Copying is not available here/)).toBeTruthy();
  });
});

describe("Print", () => {
  it("calls window.print, once what the printout needs has loaded", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    render(<Panel state={ready()} now={NOW} />);
    fireEvent.click(screen.getByRole("button", { name: "Print" }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
  });
});

describe("Sign out", () => {
  it("is offered only for a session on the app's server, and says it is working once pressed", async () => {
    render(<Panel state={ready()} now={NOW} />);
    expect(screen.queryByRole("button", { name: "Sign out" })).toBeNull();
    cleanup();
    const onSignOut = vi.fn();
    render(<Panel state={ready()} now={NOW} onSignOut={onSignOut} />);
    const button = screen.getByRole("button", { name: "Sign out" });
    expect(button.getAttribute("data-action")).toBe("sign-out");
    await act(async () => {
      fireEvent.click(button);
    });
    expect(onSignOut).toHaveBeenCalledTimes(1);
    const pressed = screen.getByRole("button", { name: "Signing out…" }) as HTMLButtonElement;
    expect(pressed.disabled).toBe(true);
  });
});
