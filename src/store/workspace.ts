/**
 * The work saved in this browser, live: restores it at start, saves every change of the document
 * within SAVE_DELAY_MS (plus the write itself), keeps replaced documents in Recent work, tells the
 * user when storage is full or refused (the work stays open in the tab either way), and keeps two
 * tabs from silently overwriting each other: every save bumps a revision number, a tab that finds
 * a newer one than it knows writes nothing and asks (see ui/history/ConflictNotice); tabs tell
 * each other of a save at once (storage/tabChannel.ts). A tab hidden or closed with an edit not
 * yet saved leaves a last-gasp copy in localStorage, written synchronously, for the next start
 * (storage/lastGasp.ts).
 */
import { create } from 'zustand';
import type { Scenario } from '../model/types.ts';
import type { AppStore } from './index.ts';
import { asRecord, forgetWave1, readStart, type SavedRecord } from './persistence.ts';
import {
  entryFor,
  isEmptyDocument,
  readRecent,
  sameDocument,
  withEntry,
  type RecentEntry,
} from './recentWork.ts';
import {
  openBackend,
  pageLocalStorage,
  type Backend,
  type BackendKind,
} from './storage/backends.ts';
import { defaultChannel, type Channel } from './storage/tabChannel.ts';
import { lastGaspKey, removeLastGasp, writeLastGasp } from './storage/lastGasp.ts';
import { loadScenario } from '../model/load.ts';
import { warningNote } from './warningNote.ts';

/** An edit is handed to storage this long after it is made (edits meanwhile go with it). */
export const SAVE_DELAY_MS = 150;

export type SaveState =
  | 'off' // the embedded view: never saves
  | 'saving'
  | 'saved'
  | 'failed' // the last write was refused (full, or an error): the next edit tries again
  | 'memory' // storage refused: the work lives in this tab only
  | 'conflict' // another tab saved newer work: nothing is written until the user chooses
  | 'blocked'; // an unreadable save could not be copied aside: nothing is written over it

export interface WorkspaceState {
  backend: BackendKind | null;
  save: SaveState;
  savedAt: number | null;
  /** Why the last save failed, in words. */
  problem: string | null;
  recent: RecentEntry[];
}

export const useWorkspaceStore = create<WorkspaceState>(() => ({
  backend: null,
  save: 'off',
  savedAt: null,
  problem: null,
  recent: [],
}));

/** Another tab wrote a newer revision than this tab's copy. */
class NewerElsewhere extends Error {
  readonly record: SavedRecord;
  constructor(record: SavedRecord) {
    super('another tab saved newer work');
    this.record = record;
  }
}

export interface WorkspaceOptions {
  backend?: Backend;
  /** The page's localStorage (wave 1's saves to migrate, the last-gasp copies); null when
   *  refused. By default the page's own. */
  local?: Storage | null;
  /** The embedded view restores but never writes. */
  readOnly?: boolean;
  channel?: Channel | null;
  now?: () => number;
}

export interface Workspace {
  readonly backend: Backend;
  status(): SaveState;
  /** Writes the pending change now (the page is going away, or a test). */
  flush(): Promise<void>;
  /** Puts a document that is being replaced into Recent work (unless empty or the same). */
  keepInRecent(outgoing: Scenario, incoming: Scenario | string): Promise<void>;
  /** The saved work as another tab left it (for the conflict choice); `doc` is null when it
   *  does not load. */
  readLatest(): Promise<{ doc: Scenario | null; rev: number } | null>;
  /** This tab now builds on revision `rev`: with `doc`, that revision's document, about to be
   *  opened here (nothing to save); without, this tab's own document is saved over it. */
  adopt(rev: number, doc?: Scenario): void;
  refreshRecent(): Promise<void>;
  /** Deletes one entry from Recent work, here and in storage; false if storage refused. */
  forgetRecent(id: string): Promise<boolean>;
  markFailedToRender(doc: Scenario): Promise<void>;
  dispose(): void;
}

let active: Workspace | null = null;
let activeStore: AppStore | null = null;

function reasonOf(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota|full|space/i.test(message)) {
    return "this browser's storage for archsim is full";
  }
  return message.replace(/\.+$/, '') || 'the browser refused the write';
}

export async function openWorkspace(
  store: AppStore,
  options: WorkspaceOptions = {},
): Promise<Workspace> {
  const now = options.now ?? Date.now;
  const backend = options.backend ?? (await openBackend());
  const local = options.local === undefined ? pageLocalStorage() : options.local;
  const readOnly = options.readOnly ?? false;
  const tab = `${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const ui = useWorkspaceStore;
  ui.setState({ backend: backend.kind, recent: [], problem: null });

  const start = await readStart(backend, local, now(), !readOnly);
  let knownRev = start.rev;
  const blocked = start.blocked;
  ui.setState({ recent: start.recent });
  if (start.doc) {
    store.setState({ doc: start.doc, selectedIds: [], restoredFromStorage: true });
    store.temporal.getState().clear();
  }
  for (const text of start.problems) store.getState().notify('error', text);
  for (const text of start.notes) store.getState().notify('info', text);
  if (start.doc && start.warnings.length > 0) {
    store
      .getState()
      .notify(
        'info',
        `Reopened your saved work "${start.doc.name}".${warningNote(start.warnings)}`,
      );
  }

  // What is already in storage as revision knownRev: no need to write it again. A save the
  // loader warned about is written again as loaded, so the note is told once, not every start.
  const rewrite = start.needsSave || start.warnings.length > 0;
  let stored: Scenario | null = rewrite ? null : store.getState().doc;
  let failedToRender: Scenario | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | null = null;
  let dirty = false;
  // This tab's count of edits, stored with each save and each last-gasp copy; `gasped` is the
  // count in the copy this tab left in localStorage, if any.
  let edits = 0;
  let gasped: number | null = null;

  // In memory only, "saving" would promise what cannot be kept: the state stays "memory".
  const idle: SaveState = backend.kind === 'memory' ? 'memory' : 'saved';
  const busy: SaveState = backend.kind === 'memory' ? 'memory' : 'saving';
  // Told once per spell of failures, not on every edit.
  let failing = false;
  let saveState: SaveState = 'off';
  const setSave = (save: SaveState, problem: string | null = null) => {
    saveState = save;
    ui.setState({ save, problem, savedAt: save === 'saved' ? now() : ui.getState().savedAt });
    if (save === idle) failing = false;
    if (save === 'failed' && !failing) {
      failing = true;
      store
        .getState()
        .notify(
          'error',
          `Your latest edits could not be saved in this browser: ${problem}. They stay open in this tab; export them (Export → JSON) to keep a copy. Saving tries again with your next edit.`,
        );
    }
  };

  // Entries not yet in storage (it was full): written with the next save that works.
  const unsavedRecent: RecentEntry[] = [];
  const storeRecent = async (): Promise<void> => {
    if (unsavedRecent.length === 0) return;
    const adding = unsavedRecent.slice();
    let list: RecentEntry[] = [];
    try {
      await backend.update('recent', (old) => {
        list = adding.reduce((acc, e) => withEntry(acc, e), readRecent(old));
        return list;
      });
      unsavedRecent.splice(0, adding.length);
      ui.setState({ recent: list });
    } catch (e) {
      setSave('failed', reasonOf(e));
    }
  };

  const write = async (): Promise<void> => {
    const doc = store.getState().doc;
    dirty = false;
    setSave(busy);
    const edit = edits;
    const record: SavedRecord = { doc, rev: 0, savedAt: now(), tab, edit };
    if (failedToRender === doc) record.renderFailed = true;
    try {
      await backend.update('doc', (old) => {
        const prev = asRecord(old);
        if (prev && prev.rev > knownRev && prev.tab !== tab) throw new NewerElsewhere(prev);
        record.rev = Math.max(knownRev, prev?.rev ?? 0) + 1;
        return record;
      });
      knownRev = record.rev;
      stored = doc;
      if (start.needsSave) {
        start.needsSave = false;
        forgetWave1(local);
        for (const key of start.settled.splice(0)) if (local) removeLastGasp(local, key);
      }
      // The copy left at hiding is now in storage (this write began after it was taken).
      if (local && gasped !== null && edit >= gasped) {
        gasped = null;
        removeLastGasp(local, lastGaspKey(tab));
      }
      setSave(dirty ? busy : idle);
      channel?.postMessage({ rev: knownRev, tab });
      await storeRecent();
    } catch (e) {
      if (e instanceof NewerElsewhere) setSave('conflict');
      else setSave('failed', reasonOf(e));
    }
  };

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    while (writing) await writing;
    if (!dirty || blocked || saveState === 'conflict') return;
    writing = write().finally(() => {
      writing = null;
    });
    await writing;
    if (dirty) schedule();
  };

  const schedule = () => {
    dirty = true;
    if (blocked || saveState === 'conflict') return;
    setSave(busy);
    if (timer === undefined) timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const channel = readOnly
    ? null
    : options.channel === undefined
      ? defaultChannel()
      : options.channel;
  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      const msg = e.data as { rev?: unknown; tab?: unknown };
      if (typeof msg?.rev === 'number' && msg.tab !== tab && msg.rev > knownRev) {
        setSave('conflict');
      }
    };
  }

  let unsubscribe = () => {};
  if (readOnly) {
    setSave('off');
  } else {
    unsubscribe = store.subscribe((s, prev) => {
      if (s.doc !== prev.doc && s.doc !== stored) {
        edits += 1;
        schedule();
      }
    });
    if (blocked) setSave('blocked');
    else setSave(idle);
    if (rewrite) schedule();
  }
  if (backend.kind === 'memory' && !readOnly) {
    store
      .getState()
      .notify(
        'info',
        'This browser does not let archsim keep anything here, so your work stays in this tab only: export it (Export → JSON) to keep it.',
      );
  }

  // An edit not yet in storage, copied synchronously: the write that flush starts is
  // asynchronous, and a closing tab does not wait for it.
  const leaveLastGasp = () => {
    const doc = store.getState().doc;
    if (readOnly || blocked || !local || doc === stored) return;
    if (writeLastGasp(local, { doc, base: knownRev, edit: edits, savedAt: now(), tab })) {
      gasped = edits;
    }
  };
  // A tab being closed, or put in the background (where timers are throttled and a mobile
  // browser may kill it without another event), writes the pending edit at once.
  const onHide = () => {
    leaveLastGasp();
    void flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.addEventListener?.('beforeunload', onHide);
  globalThis.document?.addEventListener('visibilitychange', onVisibility);

  const workspace: Workspace = {
    backend,
    status: () => saveState,
    flush,
    async keepInRecent(outgoing, incoming) {
      if (readOnly || isEmptyDocument(outgoing)) return;
      if (typeof incoming !== 'string' && sameDocument(outgoing, incoming)) return;
      const entry = entryFor(
        outgoing,
        typeof incoming === 'string' ? incoming : incoming.name,
        now(),
      );
      ui.setState({ recent: withEntry(ui.getState().recent, entry) });
      unsavedRecent.push(entry);
      await storeRecent();
    },
    async readLatest() {
      const record = asRecord(await backend.get('doc'));
      if (!record) return null;
      const loaded = loadScenario(record.doc);
      return { doc: loaded.ok ? loaded.scenario : null, rev: record.rev };
    },
    adopt(rev, doc) {
      knownRev = Math.max(knownRev, rev);
      if (saveState === 'conflict') setSave(idle);
      if (doc) stored = doc;
      else schedule();
    },
    async refreshRecent() {
      try {
        ui.setState({ recent: readRecent(await backend.get('recent')) });
      } catch {
        // Keep this tab's list.
      }
    },
    async forgetRecent(id) {
      ui.setState({ recent: ui.getState().recent.filter((e) => e.id !== id) });
      const pending = unsavedRecent.findIndex((e) => e.id === id);
      if (pending >= 0) unsavedRecent.splice(pending, 1);
      if (readOnly) return true;
      try {
        await backend.update('recent', (old) => readRecent(old).filter((e) => e.id !== id));
        return true;
      } catch {
        return false;
      }
    },
    async markFailedToRender(doc) {
      failedToRender = doc;
      if (readOnly || blocked) return;
      dirty = true;
      await flush();
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
      channel?.close();
      globalThis.removeEventListener?.('pagehide', onHide);
      globalThis.removeEventListener?.('beforeunload', onHide);
      globalThis.document?.removeEventListener('visibilitychange', onVisibility);
      if (active === workspace) active = null;
    },
  };
  active = workspace;
  activeStore = store;
  return workspace;
}

export function currentWorkspace(): Workspace | null {
  return active;
}

/**
 * A document is replacing `outgoing` on `store`'s canvas: keep `outgoing` in Recent work.
 * Does nothing outside the page's own store (tests, the compare pane's copies).
 */
export function keepReplacedWork(store: AppStore, outgoing: Scenario, incoming: Scenario): void {
  if (active && store === activeStore) void active.keepInRecent(outgoing, incoming);
}

/**
 * For error boundaries: the document on the canvas could not be shown. Its save is marked so the
 * next start does not reopen it (it offers it from Recent work instead), until it is edited.
 */
export function markSaveFailedToRender(store: AppStore): Promise<void> {
  if (!active || store !== activeStore) return Promise.resolve();
  return active.markFailedToRender(store.getState().doc);
}

const refusedTold = new Set<string>();

/** Something besides the document (named by `what`) could not be saved: told once per page. */
export function tellSaveRefused(what: string, error: unknown): void {
  if (!activeStore || refusedTold.has(what)) return;
  refusedTold.add(what);
  activeStore
    .getState()
    .notify(
      'error',
      `${what} could not be saved in this browser: ${reasonOf(error)}. It stays open in this tab.`,
    );
}
