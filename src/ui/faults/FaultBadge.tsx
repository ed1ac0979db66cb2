/**
 * A bolt and the fault's kind ("crash", "slow") on a node or an edge while one of the document's faults is active on it at the
 * simulated clock (during a run, running or paused). The selector returns a string, so a node
 * re-renders only when its own badge changes.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import { useAppStore, type AppState } from '../../store/index.ts';
import { isActive } from './faultInfo.ts';
import { FaultIcon } from '../icons/FaultIcon.tsx';

/** The last answer of activeKindsByTarget, and what it was worked out from. */
let lastActive:
  | { faults: AppState['doc']['faults']; nowS: number; on: boolean; kinds: Map<string, string> }
  | undefined;

/**
 * The active faults' kinds by target, worked out once per fault list, clock and run state: every
 * node's and edge's badge asks on every change of the store (the clock moves several times a
 * second), and filtering the fault list 200 times per change was 1 % of the main thread on a
 * 100-node design at Max (tests/e2e/profile.mjs).
 */
function activeKindsByTarget(s: AppState): ReadonlyMap<string, string> {
  const on = s.runStatus === 'running' || s.runStatus === 'paused';
  const faults = s.doc.faults;
  if (lastActive?.faults === faults && lastActive.nowS === s.simNowS && lastActive.on === on)
    return lastActive.kinds;
  const lists = new Map<string, Set<string>>();
  for (const f of on ? faults : [])
    if (isActive(f, s.simNowS)) lists.set(f.target, (lists.get(f.target) ?? new Set()).add(f.kind));
  const kinds = new Map([...lists].map(([target, set]) => [target, [...set].join(', ')]));
  lastActive = { faults, nowS: s.simNowS, on, kinds };
  return kinds;
}

export const activeFaultKinds = (s: AppState, targetId: string): string =>
  activeKindsByTarget(s).get(targetId) ?? '';

export function FaultBadge({ targetId, className = '' }: { targetId: string; className?: string }) {
  const kinds = useAppStore((s) => activeFaultKinds(s, targetId));
  if (kinds === '') return null;
  return (
    <span
      className={`fault-badge ${className}`}
      role="img"
      aria-label={`Fault active: ${kinds}`}
      title={kinds}
    >
      <FaultIcon />
      {kinds}
    </span>
  );
}

/** The badge beside an edge's middle, in React Flow's label layer, only while a fault is on. */
export function EdgeFaultBadge({ id, x, y }: { id: string; x: number; y: number }) {
  const active = useAppStore((s) => activeFaultKinds(s, id) !== '');
  if (!active) return null;
  return (
    <EdgeLabelRenderer>
      <div
        className="fault-badge--edge"
        style={{ transform: `translate(-50%, 60%) translate(${x}px, ${y}px)` }}
      >
        <FaultBadge targetId={id} />
      </div>
    </EdgeLabelRenderer>
  );
}
