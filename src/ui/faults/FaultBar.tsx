/**
 * One fault on the timeline: a bar from its start for its length. Moving snaps its start to
 * whole seconds, stretching its right edge its length (TimelineMark handles the gestures).
 */
import type { Fault } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { FAULT_COLORS } from './faultInfo.ts';
import { TimelineMark, type DragMode } from './TimelineMark.tsx';

interface Props {
  index: number;
  fault: Fault;
  durationS: number;
  lane: number;
  name: string;
  label: string;
  /** Where the label goes: in the bar, or after (before) a bar too short to hold it. */
  labelPlace?: 'inside' | 'after' | 'before';
  selected: boolean;
  trackWidth: () => number;
  onSelect: (index: number) => void;
}

export const LANE_PX = 22;

export function FaultBar(props: Props) {
  // The rest (name, label, selected, durationS, trackWidth) is the mark's as it is.
  const { index, fault, lane, labelPlace = 'inside', onSelect, ...shared } = props;
  const { durationS } = shared;
  const lengthS = fault.kind === 'flush' ? 0 : (fault.forS ?? durationS - fault.atS);
  const update = (next: Fault) => useAppStore.getState().updateFault(index, next);
  const moveTo = (base: Fault, atS: number) =>
    update({ ...base, atS: Math.min(Math.max(0, Math.round(atS)), Math.max(0, durationS - 1)) });
  const onDrag = (mode: DragMode) => {
    const base = fault;
    const was = base.forS ?? durationS - base.atS;
    return mode === 'move'
      ? (dtS: number) => moveTo(base, base.atS + dtS)
      : (dtS: number) => update({ ...base, forS: Math.max(1, Math.round(was + dtS)) });
  };
  return (
    <TimelineMark
      className={`fault-bar kind-${fault.kind}${
        labelPlace === 'inside' ? '' : ` fault-bar--label-${labelPlace}`
      }`}
      style={{
        left: `${(fault.atS / durationS) * 100}%`,
        width: `${(Math.min(lengthS, durationS - fault.atS) / durationS) * 100}%`,
        top: lane * LANE_PX + 2,
        background: FAULT_COLORS[fault.kind],
      }}
      {...shared}
      onSelect={() => onSelect(index)}
      onDrag={onDrag}
      onStep={(s) => moveTo(fault, fault.atS + s)}
      resizable={fault.kind !== 'flush'}
    />
  );
}
