/**
 * What is saved in this browser and how it is read back at start-up. The saved work is one
 * record `{ doc, rev, savedAt, tab }` under the key `doc`; recent work is a list under `recent`.
 * Everything read back is untrusted (an older version, a hand edit, a half-written value): the
 * document goes through `loadScenario`, and a saved value that does not load is copied under a
 * key of its own (`backup.<time>.<random>`, so two backups never overwrite each other) before
 * anything may write over it. If even that copy cannot be written, nothing is saved over it.
 *
 * Wave 1 kept the document in localStorage (`archsim.doc.v1`, a zustand persist value, plus a
 * `.previous` and a `.backup` slot): found at start, they are moved into the store in use.
 */
import { loadScenario } from '../model/load.ts';
import type { Scenario } from '../model/types.ts';
import { entryFor, readRecent, sameDocument, withEntry, type RecentEntry } from './recentWork.ts';
import { Unreadable, type Backend } from './storage/backends.ts';
import { judgeLastGasp, readLastGasps, removeLastGasp } from './storage/lastGasp.ts';

export const DOC_KEY = 'archsim.doc.v1';
export const BACKUP_KEY = 'archsim.doc.v1.backup';
export const PREVIOUS_KEY = 'archsim.doc.v1.previous';
const LEGACY_KEYS = [DOC_KEY, BACKUP_KEY, PREVIOUS_KEY];

export interface SavedRecord {
  doc: unknown;
  /** Bumped by every save, in whichever tab: a tab that saw an older number is behind. */
  rev: number;
  savedAt: number;
  tab: string;
  /** The saving tab's count of edits (see storage/lastGasp.ts); missing in older saves. */
  edit?: number;
  /** Set when the page could not show this document: the next start does not reopen it. */
  renderFailed?: boolean;
}

export function asRecord(value: unknown): SavedRecord | null {
  if (typeof value !== 'object' || value === null || value instanceof Unreadable) return null;
  const r = value as SavedRecord;
  return typeof r.rev === 'number' && 'doc' in r ? r : null;
}

export interface StartState {
  doc?: Scenario;
  rev: number;
  recent: RecentEntry[];
  /** Messages for the user (an unreadable save, a document that could not be shown). */
  problems: string[];
  /** Quieter messages (edits of a closed tab kept in Recent work). */
  notes: string[];
  /** What the loader warned about in the reopened document (fields it dropped, and why). */
  warnings: string[];
  /** A save that could not be read nor copied aside: saving over it is not allowed. */
  blocked: boolean;
  /** The document came from wave 1's localStorage or a last-gasp copy and is not yet in the
   *  store. */
  needsSave: boolean;
  /** Last-gasp keys to remove once the document is saved. */
  settled: string[];
}

function describe(value: unknown): string {
  return value instanceof Unreadable ? value.raw : JSON.stringify(value);
}

/** Copies an unreadable value under a key of its own; returns the key, or null if refused. */
async function keepAside(backend: Backend, value: unknown, now: number): Promise<string | null> {
  const key = `backup.${new Date(now).toISOString()}.${Math.random().toString(36).slice(2, 8)}`;
  try {
    await backend.set(key, describe(value));
    return key;
  } catch {
    return null;
  }
}

function unreadableMessage(why: string, key: string | null, where: string): string {
  return key
    ? `The scenario saved in this browser could not be opened (${why}). It was kept aside under "${key}" in ${where}, so nothing is lost.`
    : `The scenario saved in this browser could not be opened (${why}), and there is no room to keep a copy of it aside: nothing will be saved over it. Export your work (Export → JSON) and free some space.`;
}

function wave1Doc(raw: string): { doc?: Scenario; warnings?: string[]; why?: string } {
  try {
    const parsed = JSON.parse(raw) as { state?: { doc?: unknown } };
    const loaded = loadScenario(parsed?.state?.doc);
    return loaded.ok ? { doc: loaded.scenario, warnings: loaded.warnings } : { why: loaded.error };
  } catch {
    return { why: 'it is not readable JSON' };
  }
}

function backendName(backend: Backend): string {
  return backend.kind === 'indexedDB' ? "this browser's IndexedDB" : 'local storage';
}

/**
 * Reads the saved work, recent work, the last-gasp copies of closed tabs (only with `gasps`: the
 * embedded view leaves them for the editor) and wave 1's leftovers, all in the page's
 * localStorage `local`. Never throws.
 */
export async function readStart(
  backend: Backend,
  local: Storage | null,
  now: number,
  gasps = true,
): Promise<StartState> {
  const start: StartState = {
    rev: 0,
    recent: [],
    problems: [],
    notes: [],
    warnings: [],
    blocked: false,
    needsSave: false,
    settled: [],
  };
  let saved: unknown;
  try {
    saved = await backend.get('doc');
    start.recent = readRecent(await backend.get('recent'));
  } catch {
    return start;
  }
  const recentBefore = start.recent;
  const remember = (doc: Scenario, replacedBy: string) => {
    start.recent = withEntry(start.recent, entryFor(doc, replacedBy, now));
  };

  const record = asRecord(saved);
  if (saved !== undefined) {
    const loaded = record ? loadScenario(record.doc) : null;
    if (record) start.rev = record.rev;
    if (record && loaded?.ok && record.renderFailed) {
      remember(loaded.scenario, 'not reopened: the page could not show it');
      start.problems.push(
        `The scenario "${loaded.scenario.name}" could not be shown last time, so it was not reopened. It is in Recent work, to restore when you choose.`,
      );
    } else if (loaded?.ok) {
      start.doc = loaded.scenario;
      start.warnings = loaded.warnings;
    } else {
      const key = await keepAside(backend, saved, now);
      start.blocked = key === null;
      const why = loaded ? loaded.error : 'it is not readable JSON';
      start.problems.push(unreadableMessage(why, key, backendName(backend)));
    }
  }

  const keptInRecent: string[] = [];
  if (local && gasps && !start.blocked) {
    await mergeLastGasps(backend, local, start, record, remember, keptInRecent, now);
  }
  if (local) await migrateWave1(backend, local, start, remember, now);
  if (start.recent !== recentBefore) {
    try {
      await backend.set('recent', start.recent);
      for (const key of keptInRecent) if (local) removeLastGasp(local, key);
    } catch {
      // Kept in this tab's list (and the last-gasp copies stay, for the next start).
    }
  }
  return start;
}

/** The saved record changed under us (another tab): the copy goes to Recent work instead. */
class SavedMeanwhile extends Error {}

/**
 * Merges the last-gasp copies (newest first) into the saved work: one newer than the save is
 * opened and saved in its place; one already saved is dropped; one that another tab's newer save
 * has overtaken goes to Recent work. An unreadable one is kept aside, told, and dropped.
 */
async function mergeLastGasps(
  backend: Backend,
  local: Storage,
  start: StartState,
  record: SavedRecord | null,
  remember: (doc: Scenario, replacedBy: string) => void,
  keptInRecent: string[],
  now: number,
): Promise<void> {
  let current = record;
  for (const found of readLastGasps(local)) {
    const { gasp } = found;
    const loaded = gasp ? loadScenario(gasp.doc) : null;
    if (!gasp || !loaded?.ok) {
      const key = await keepAside(backend, new Unreadable(found.raw), now);
      if (key) removeLastGasp(local, found.key);
      const why = loaded && !loaded.ok ? loaded.error : 'it is not readable JSON';
      start.problems.push(
        `The edits a tab wrote just before it closed could not be opened (${why}). ${
          key
            ? `They were kept aside under "${key}" in ${backendName(backend)}.`
            : `They stay under "${found.key}" in local storage.`
        }`,
      );
      continue;
    }
    const doc = loaded.scenario;
    let verdict = judgeLastGasp(current, gasp);
    const next: SavedRecord = {
      doc,
      rev: Math.max(current?.rev ?? 0, gasp.base) + 1,
      savedAt: gasp.savedAt,
      tab: gasp.tab,
      edit: gasp.edit,
    };
    if (verdict === 'open' && !(start.doc && sameDocument(start.doc, doc))) {
      try {
        await backend.update('doc', (old) => {
          if (judgeLastGasp(asRecord(old), gasp) !== 'open') throw new SavedMeanwhile();
          return next;
        });
        start.rev = next.rev;
        removeLastGasp(local, found.key);
      } catch (e) {
        if (e instanceof SavedMeanwhile) verdict = 'elsewhere';
        else {
          // Not written (storage full): opened here all the same, and saved by the tab.
          start.needsSave = true;
          start.settled.push(found.key);
        }
      }
      if (verdict === 'open') {
        start.doc = doc;
        start.warnings = loaded.warnings;
        // Older copies are judged against this one: none of them may replace it.
        current = next;
        continue;
      }
    }
    if (verdict === 'elsewhere') {
      remember(doc, 'newer work saved in another tab');
      keptInRecent.push(found.key);
      start.notes.push(
        `Edits to "${doc.name}" made just before a tab closed were not opened: another tab has saved newer work since. They are in Recent work.`,
      );
    } else removeLastGasp(local, found.key);
  }
}

async function migrateWave1(
  backend: Backend,
  local: Storage,
  start: StartState,
  remember: (doc: Scenario, replacedBy: string) => void,
  now: number,
): Promise<void> {
  let current: string | null, backup: string | null, previous: string | null;
  try {
    current = local.getItem(DOC_KEY);
    backup = local.getItem(BACKUP_KEY);
    previous = local.getItem(PREVIOUS_KEY);
  } catch {
    return;
  }
  if (current === null && backup === null && previous === null) return;
  let kept = true;
  if (previous !== null) {
    const old = wave1Doc(previous);
    if (old.doc) remember(old.doc, 'kept aside by an earlier version of archsim');
    else kept = (await keepAside(backend, new Unreadable(previous), now)) !== null && kept;
  }
  if (backup !== null) kept = (await keepAside(backend, new Unreadable(backup), now)) !== null;
  if (current !== null) {
    const found = wave1Doc(current);
    if (found.doc) {
      if (start.doc) remember(start.doc, found.doc.name);
      start.doc = found.doc;
      start.warnings = found.warnings ?? [];
      start.needsSave = true;
    } else {
      const key = await keepAside(backend, new Unreadable(current), now);
      kept = key !== null && kept;
      start.problems.push(unreadableMessage(found.why ?? '', key, backendName(backend)));
    }
  }
  // Wave 1's slots are freed only once everything in them is stored again.
  if (!kept || start.needsSave) return;
  forgetWave1(local);
}

/** Called once the migrated document is saved in its new place. */
export function forgetWave1(local: Storage | null): void {
  try {
    for (const k of LEGACY_KEYS) local?.removeItem(k);
  } catch {
    // Refused: the copies stay; they are read again (and found identical) next time.
  }
}
