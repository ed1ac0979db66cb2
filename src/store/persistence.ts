/**
 * Saving the document in this browser. The saved text is untrusted on the way back (an older
 * version, a hand edit, a half-written value): it goes through `loadScenario`, and when it does
 * not load it is copied aside under BACKUP_KEY before anything can overwrite it. Work is never
 * silently lost.
 */
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { loadScenario } from '../model/load.ts';
import type { AppState } from './index.ts';

export const DOC_KEY = 'archsim.doc.v1';
export const BACKUP_KEY = 'archsim.doc.v1.backup';
export const PREVIOUS_KEY = 'archsim.doc.v1.previous';
export const STORAGE_VERSION = 1;

/** Copy the saved document aside before a link replaces it. Returns the key, or null. */
export function keepSavedAside(storage: Storage = globalThis.localStorage): string | null {
  try {
    const raw = storage.getItem(DOC_KEY);
    if (raw === null) return null;
    storage.setItem(PREVIOUS_KEY, raw);
    return PREVIOUS_KEY;
  } catch {
    return null;
  }
}

interface Persisted {
  doc?: unknown;
  /** Set by our storage when the saved text was not even JSON. */
  unreadable?: string;
}

export interface PersistenceOptions {
  /** Whether edits are written back (off in the embedded view, so it never overwrites work). */
  shouldWrite?: () => boolean;
}

function keepAside(storage: Storage, raw: string): void {
  try {
    storage.setItem(BACKUP_KEY, raw);
  } catch {
    // Storage full or denied: the original value is still under DOC_KEY until the next write.
  }
}

function docStorage(storage: Storage, shouldWrite: () => boolean): PersistStorage<Persisted> {
  return {
    getItem: (name) => {
      const raw = storage.getItem(name);
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as StorageValue<Persisted>;
      } catch {
        return { state: { unreadable: raw }, version: STORAGE_VERSION };
      }
    },
    setItem: (name, value) => {
      if (!shouldWrite()) return;
      try {
        storage.setItem(name, JSON.stringify(value));
      } catch {
        // Quota exceeded: keep editing; the previous save stays.
      }
    },
    removeItem: (name) => storage.removeItem(name),
  };
}

/** The zustand `persist` options: only the document is saved. */
export function persistOptions(
  storage: Storage,
  opts: PersistenceOptions = {},
): PersistOptions<AppState, Persisted> {
  const shouldWrite = opts.shouldWrite ?? (() => true);
  return {
    name: DOC_KEY,
    version: STORAGE_VERSION,
    storage: docStorage(storage, shouldWrite),
    partialize: (s) => ({ doc: s.doc }),
    // A different version is not thrown away: the document inside is handed to the model,
    // whose loader migrates old documents.
    migrate: (persisted) => persisted as Persisted,
    merge: (persisted, current) => {
      // Called with nothing when nothing was saved: a first visit.
      if (persisted === undefined || persisted === null) return current;
      const p = persisted as Persisted;
      const raw = p.unreadable ?? storage.getItem(DOC_KEY) ?? '';
      if (p.unreadable === undefined && p.doc !== undefined) {
        const loaded = loadScenario(p.doc);
        if (loaded.ok) return { ...current, doc: loaded.scenario, restoredFromStorage: true };
        keepAside(storage, raw);
        return withNotice(current, loaded.error);
      }
      keepAside(storage, raw);
      return withNotice(current, 'it is not readable JSON');
    },
  };
}

function withNotice(current: AppState, why: string): AppState {
  const text = `The scenario saved in this browser could not be opened (${why}). It was kept aside under "${BACKUP_KEY}" in local storage, so nothing is lost.`;
  return { ...current, notices: [...current.notices, { id: 0, kind: 'error', text }] };
}
