/**
 * One action on the timeline: a flag at its time, its label right of it in the first half of
 * the run and left of it in the second. Moving snaps it to a tenth of a second (TimelineMark
 * handles the gestures).
 */
import type { Action } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { TimelineMark } from './TimelineMark.tsx';

interface Props {
  index: number;
  action: Action;
  durationS: number;
  lane: number;
  name: string;
  label: string;
  selected: boolean;
  trackWidth: () => number;
  onSelect: (index: number) => void;
}

export const ACTION_LANE_PX = 20;

export function ActionMark(props: Props) {
  // The rest (name, label, selected, durationS, trackWidth) is the mark's as it is.
  const { index, action, lane, onSelect, ...shared } = props;
  const { durationS } = shared;
  const moveTo = (base: Action, atS: number) => {
    const t = Math.min(Math.max(0, Math.round(atS * 10) / 10), Math.max(0, durationS - 0.1));
    useAppStore.getState().updateAction(index, { ...base, atS: t });
  };
  const rightHalf = action.atS > durationS / 2;
  return (
    <TimelineMark
      className={`action-mark${rightHalf ? ' action-mark--left' : ''}`}
      style={{ left: `${(action.atS / durationS) * 100}%`, top: lane * ACTION_LANE_PX + 2 }}
      {...shared}
      onSelect={() => onSelect(index)}
      onDrag={() => {
        const base = action;
        return (dtS) => moveTo(base, base.atS + dtS);
      }}
      onStep={(s) => moveTo(action, action.atS + s)}
    />
  );
}
