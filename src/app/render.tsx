/** The React part of index.html, loaded as its own chunk while the data is being read. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { PanelStore } from "./panelStore";

export function render(root: HTMLElement, store: PanelStore): void {
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
