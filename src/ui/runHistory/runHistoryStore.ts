/**
 * The kept runs: in this tab at once, and in the browser's storage (the workspace's backend,
 * key `runs`) so they survive a reload. Storage that refuses or fails leaves the list working
 * in this tab, with a note saying so; two tabs add to the one stored list, each reading it
 * again in the same step (`update`).
 */
import { create } from 'zustand';
import { currentWorkspace } from '../../store/workspace.ts';
import { mergeRecords, readRecords, withRecord, type RunRecord } from './runRecord.ts';

const KEY = 'runs';
export const RUN_HISTORY_PANEL_ID = 'run-history';

export interface RunHistoryState {
  records: RunRecord[];
  open: boolean;
  /** Up to two runs picked for comparison, in the order picked. */
  picked: string[];
  /** Why the list lives in this tab only, when it does. */
  problem: string | null;
  setOpen: (open: boolean) => void;
  togglePick: (id: string) => void;
}

export const useRunHistory = create<RunHistoryState>()((set) => ({
  records: [],
  open: false,
  picked: [],
  problem: null,
  setOpen: (open) => set({ open }),
  // A third pick replaces the older of the two.
  togglePick: (id) =>
    set((s) => ({
      picked: s.picked.includes(id)
        ? s.picked.filter((p) => p !== id)
        : [...s.picked, id].slice(-2),
    })),
}));

const IN_TAB_ONLY = 'This browser would not keep the runs: they are listed for this tab only.';

/** Reads the stored runs into the list (beside any this tab has added meanwhile). */
export async function loadRunHistory(): Promise<void> {
  const backend = currentWorkspace()?.backend;
  // No workspace yet (the page is still opening it): the next opening of the list reads it.
  if (!backend) return;
  if (backend.kind === 'memory') {
    useRunHistory.setState({ problem: IN_TAB_ONLY });
    return;
  }
  try {
    const stored = readRecords(await backend.get(KEY));
    useRunHistory.setState((s) => ({ records: mergeRecords(s.records, stored) }));
  } catch {
    useRunHistory.setState({ problem: IN_TAB_ONLY });
  }
}

/** Keeps one run: listed at once, stored behind. */
export async function keepRun(record: RunRecord): Promise<void> {
  useRunHistory.setState((s) => ({ records: withRecord(s.records, record) }));
  const backend = currentWorkspace()?.backend;
  if (!backend || backend.kind === 'memory') return;
  try {
    let stored: RunRecord[] = [];
    await backend.update(KEY, (old) => (stored = withRecord(readRecords(old), record)));
    useRunHistory.setState((s) => ({ records: mergeRecords(s.records, stored), problem: null }));
  } catch {
    useRunHistory.setState({ problem: IN_TAB_ONLY });
  }
}
