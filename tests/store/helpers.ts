// A fresh store on its own in-memory storage, opened on the load-balancing preset; a workspace
// opener for the persistence tests.
import { afterEach } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/index.ts';
import type { Backend } from '../../src/store/storage/backends.ts';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/store/workspace.ts';
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

/**
 * `open(backend, options)` opens a page's workspace on a fresh store (no channel, no page
 * localStorage unless given); every workspace opened is disposed after each test.
 */
export function workspaceOpener() {
  const opened: Workspace[] = [];
  afterEach(() => {
    for (const ws of opened.splice(0)) ws.dispose();
  });
  return async (
    backend: Backend,
    options: WorkspaceOptions = {},
  ): Promise<{ store: AppStore; ws: Workspace }> => {
    const store = createAppStore();
    const ws = await openWorkspace(store, { backend, local: null, channel: null, ...options });
    opened.push(ws);
    return { store, ws };
  };
}

/** The quota error a full browser store throws. */
export const quotaError = () =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** `inner` whose writes (`update`) are refused with `error()` while `refusing()` is true. */
export function refusingWrites(
  inner: Backend,
  refusing: () => boolean,
  error: () => Error = quotaError,
): Backend {
  return {
    ...inner,
    update: (key, change) => (refusing() ? Promise.reject(error()) : inner.update(key, change)),
  };
}
