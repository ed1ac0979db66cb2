/**
 * One fault on the timeline: a button (its name says what, where, when and how long). Dragging
 * moves its start, dragging its right edge changes its length, both snapped to whole seconds
 * and recorded as one undo step per drag; a click (or Enter) opens its editor; the arrow keys
 * move it by a second (Shift: ten).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Fault } from '../../model/types.ts';
import { beginBatch, useAppStore } from '../../store/index.ts';
import { FAULT_COLORS } from './faultInfo.ts';

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
  /** Track width in pixels, read when a drag starts. */
  trackWidth: () => number;
  onSelect: (index: number) => void;
}

export const LANE_PX = 22;
const DRAG_THRESHOLD_PX = 3;

interface Drag {
  mode: 'move' | 'resize';
  x0: number;
  fault: Fault;
  secondsPerPx: number;
  moved: boolean;
  end: () => void;
}

export function FaultBar(props: Props) {
  const { index, fault, durationS, lane, name, label, selected, labelPlace = 'inside' } = props;
  const drag = useRef<Drag | null>(null);
  const lengthS = fault.kind === 'flush' ? 0 : (fault.forS ?? durationS - fault.atS);
  const left = (fault.atS / durationS) * 100;
  const width = (Math.min(lengthS, durationS - fault.atS) / durationS) * 100;

  const update = (next: Fault) => useAppStore.getState().updateFault(index, next);
  const moveTo = (base: Fault, atS: number) =>
    update({ ...base, atS: Math.min(Math.max(0, Math.round(atS)), Math.max(0, durationS - 1)) });

  const start = (mode: Drag['mode'], e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    (e.currentTarget as Partial<HTMLElement>).setPointerCapture?.(e.pointerId);
    drag.current = {
      mode,
      x0: e.clientX,
      fault,
      secondsPerPx: durationS / Math.max(1, props.trackWidth()),
      moved: false,
      end: beginBatch(),
    };
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (d === null) return;
    const dx = e.clientX - d.x0;
    if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    const dt = dx * d.secondsPerPx;
    if (d.mode === 'move') moveTo(d.fault, d.fault.atS + dt);
    else {
      const was = d.fault.forS ?? durationS - d.fault.atS;
      update({ ...d.fault, forS: Math.max(1, Math.round(was + dt)) });
    }
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
    const step = (e.shiftKey ? 10 : 1) * (e.key === 'ArrowLeft' ? -1 : 1);
    moveTo(fault, fault.atS + step);
  };

  return (
    <button
      type="button"
      className={`fault-bar kind-${fault.kind}${selected ? ' is-selected' : ''}${
        labelPlace === 'inside' ? '' : ` fault-bar--label-${labelPlace}`
      }`}
      aria-label={name}
      aria-pressed={selected}
      title={name}
      style={{
        left: `${left}%`,
        width: `${width}%`,
        top: lane * LANE_PX + 2,
        background: FAULT_COLORS[fault.kind],
      }}
      onPointerDown={(e) => start('move', e)}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      // A pointer press selects through onPointerUp; Enter and Space arrive as a click of detail 0.
      onClick={(e) => e.detail === 0 && props.onSelect(index)}
      onKeyDown={onKeyDown}
    >
      <span className="fault-bar__label">{label}</span>
      {fault.kind !== 'flush' && (
        <span
          className="fault-bar__edge"
          aria-hidden="true"
          onPointerDown={(e) => start('resize', e)}
        />
      )}
    </button>
  );
}
