// A fresh store on its own in-memory storage, opened on the load-balancing preset.
import { createAppStore, type AppStore } from '../../src/store/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';
import preset from '../../presets/load-balancing.json';

export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

export function presetDoc(): Scenario {
  return loadScenarioOrThrow(preset);
}

export function freshStore(doc = presetDoc()): AppStore {
  const store = createAppStore();
  store.getState().setDoc(doc);
  store.temporal.getState().clear();
  return store;
}
