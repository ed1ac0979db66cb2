/**
 * The last-gasp copy: when a tab is hidden or closed with an edit not yet in IndexedDB, the
 * document is written to localStorage at once. IndexedDB writes are asynchronous and die with
 * the tab; a localStorage write is done when `setItem` returns. The next start merges the copy
 * (persistence.ts) and removes it.
 *
 * Each tab has a key of its own, so two tabs closing together never write over each other's
 * copy. Which copy wins at the next start is decided by `judgeLastGasp`, from two counters:
 * `base`, the saved revision the tab had built on, and `edit`, the tab's own count of edits
 * (also stored with each of its saves), so a save that landed after the copy is told apart from
 * one that was already on its way before it.
 */
import type { SavedRecord } from '../persistence.ts';

const PREFIX = 'archsim.lastgasp.';

export interface LastGasp {
  doc: unknown;
  /** The saved revision this tab's document builds on. */
  base: number;
  /** The tab's edit count when the copy was taken. */
  edit: number;
  savedAt: number;
  tab: string;
}

/** What the next start does with a copy: open it, drop it (already saved), or keep it in Recent
 *  work because another tab saved work this one had not seen. */
export type GaspVerdict = 'open' | 'saved' | 'elsewhere';

export function judgeLastGasp(saved: SavedRecord | null, gasp: LastGasp): GaspVerdict {
  if (!saved) return 'open';
  if (saved.tab === gasp.tab) return (saved.edit ?? -1) >= gasp.edit ? 'saved' : 'open';
  return saved.rev <= gasp.base ? 'open' : 'elsewhere';
}

/** Writes the copy; false if storage refused it (full, blocked). Never throws. */
export function writeLastGasp(storage: Storage, gasp: LastGasp): boolean {
  try {
    storage.setItem(PREFIX + gasp.tab, JSON.stringify(gasp));
    return true;
  } catch {
    return false;
  }
}

export function removeLastGasp(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Refused: the copy stays, and the next start finds it already saved.
  }
}

export function lastGaspKey(tab: string): string {
  return PREFIX + tab;
}

function asGasp(value: unknown): LastGasp | null {
  if (typeof value !== 'object' || value === null) return null;
  const g = value as LastGasp;
  const ok =
    'doc' in g &&
    Number.isFinite(g.base) &&
    Number.isFinite(g.edit) &&
    Number.isFinite(g.savedAt) &&
    typeof g.tab === 'string';
  return ok ? g : null;
}

/** A copy as found: `gasp` is null when `raw` is not a copy's shape. */
export interface FoundGasp {
  key: string;
  raw: string;
  gasp: LastGasp | null;
}

/** Every copy in `storage`, newest first (unreadable ones last). */
export function readLastGasps(storage: Storage): FoundGasp[] {
  const found: FoundGasp[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const raw = storage.getItem(key) ?? '';
      let gasp: LastGasp | null = null;
      try {
        gasp = asGasp(JSON.parse(raw));
      } catch {
        // Not JSON: reported as raw below.
      }
      found.push({ key, raw, gasp });
    }
  } catch {
    // Storage refused while reading: whatever was found so far.
  }
  const at = (f: FoundGasp) => f.gasp?.savedAt ?? -Infinity;
  return found.sort((a, b) => at(b) - at(a));
}
