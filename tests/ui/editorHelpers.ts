// Put the shared app store on a known document before each editor test.
import { useAppStore } from '../../src/store/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import preset from '../../presets/load-balancing.json';

export function resetStore(): void {
  localStorage.clear();
  useAppStore.getState().setDoc(loadScenarioOrThrow(preset));
  useAppStore.setState({ notices: [], readOnly: false, selectedIds: [] });
  useAppStore.temporal.getState().clear();
}

export const nodeById = (id: string) => useAppStore.getState().doc.nodes.find((n) => n.id === id);
