/**
 * Edits while a run goes on. A change to params the target takes live becomes an action at the
 * run's clock (no restart); it is checked at once, like any edit, and sent once the field has
 * settled (typing "900" is one action, not three). Any other change edits the document, and the
 * worker restarts the run, saying so.
 */
import { loadScenario } from '../../model/load.ts';
import { useAppStore } from '../../store/index.ts';
import type { EditResult } from '../../store/graphSlice.ts';
import type { RunClient } from '../run/runConnection.ts';

/** Wall time a field must rest before its change is taken as an action. */
export const SETTLE_MS = 600;

type RunState = Pick<ReturnType<typeof useAppStore.getState>, 'runStatus' | 'simNowS'>;

/** The run's clock while it has started (running or paused), else null: edits are plain. */
export function liveClockOf(s: RunState): number | null {
  return (s.runStatus === 'running' || s.runStatus === 'paused') && s.simNowS > 0
    ? s.simNowS
    : null;
}

export function useLiveClock(): number | null {
  return useAppStore(liveClockOf);
}

const pending = new Map<
  string,
  { set: Record<string, unknown>; timer: ReturnType<typeof setTimeout> }
>();

/** Checks `set` on `target` as an action now, and takes it once the edits settle. */
export function commitLive(
  client: RunClient,
  target: string,
  set: Record<string, unknown>,
): EditResult {
  const { doc, simNowS } = useAppStore.getState();
  const probe = { atS: simNowS, target, set };
  const r = loadScenario({ ...doc, actions: [...(doc.actions ?? []), probe] });
  if (!r.ok) {
    const prefix = `${r.path || 'document'}: `;
    const message = r.error.startsWith(prefix) ? r.error.slice(prefix.length) : r.error;
    return { ok: false, error: r.error, message, path: r.path };
  }
  const before = pending.get(target);
  if (before !== undefined) clearTimeout(before.timer);
  const merged = { ...before?.set, ...set };
  const timer = setTimeout(() => {
    pending.delete(target);
    void client.act({ target, set: merged });
  }, SETTLE_MS);
  pending.set(target, { set: merged, timer });
  return { ok: true };
}
