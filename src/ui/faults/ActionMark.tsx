/**
 * One action on the timeline: a flag at its time. Dragging moves it (snapped to a tenth of a
 * second, one undo step per drag); a click (or Enter) opens its editor; the arrow keys move it
 * by a second (Shift: ten).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Action } from '../../model/types.ts';
import { beginBatch, useAppStore } from '../../store/index.ts';

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

const DRAG_THRESHOLD_PX = 3;
export const ACTION_LANE_PX = 20;

export function ActionMark(props: Props) {
  const { index, action, durationS, lane, name, label, selected } = props;
  const drag = useRef<{
    x0: number;
    atS: number;
    sPerPx: number;
    moved: boolean;
    end: () => void;
  } | null>(null);
  const moveTo = (atS: number) => {
    const t = Math.min(Math.max(0, Math.round(atS * 10) / 10), Math.max(0, durationS - 0.1));
    useAppStore.getState().updateAction(index, { ...action, atS: t });
  };
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    (e.currentTarget as Partial<HTMLElement>).setPointerCapture?.(e.pointerId);
    const sPerPx = durationS / Math.max(1, props.trackWidth());
    drag.current = { x0: e.clientX, atS: action.atS, sPerPx, moved: false, end: beginBatch() };
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (d === null) return;
    const dx = e.clientX - d.x0;
    if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    moveTo(d.atS + dx * d.sPerPx);
  };
  const onPointerUp = () => {
    const d = drag.current;
    if (d === null) return;
    drag.current = null;
    d.end();
    if (!d.moved) props.onSelect(index);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    moveTo(action.atS + (e.shiftKey ? 10 : 1) * (e.key === 'ArrowLeft' ? -1 : 1));
  };
  const rightHalf = action.atS > durationS / 2;
  return (
    <button
      type="button"
      className={`action-mark${selected ? ' is-selected' : ''}${rightHalf ? ' action-mark--left' : ''}`}
      aria-label={name}
      aria-pressed={selected}
      title={name}
      style={{ left: `${(action.atS / durationS) * 100}%`, top: lane * ACTION_LANE_PX + 2 }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onClick={(e) => e.detail === 0 && props.onSelect(index)}
      onKeyDown={onKeyDown}
    >
      <span className="action-mark__label">{label}</span>
    </button>
  );
}
