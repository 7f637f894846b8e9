/** Connects the panel store to the presentational Panel. */
import { useSyncExternalStore } from "react";
import { Panel } from "../ui/Panel";
import type { PanelStore } from "./panelStore";

const clock = () => new Date();

export function App({ store }: { store: PanelStore }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const relaunch = store.relaunchUrl();
  return (
    <Panel
      state={state}
      now={new Date()}
      clock={clock}
      onReload={() => void store.reload()}
      onRelaunch={relaunch ? () => window.location.assign(relaunch) : undefined}
      onSignOut={store.signOut ? () => void store.signOut?.() : undefined}
    />
  );
}
