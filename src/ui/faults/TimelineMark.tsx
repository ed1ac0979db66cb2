/**
 * One item on the timeline (a fault's bar, an action's flag): a button whose name says what,
 * where and when. Dragging moves it (and dragging a bar's right edge changes its length), one
 * undo step per drag; a click (or Enter) opens its editor; the arrow keys move it by a second
 * (Shift: ten). The item says what a drag or a step does to it; this handles the gestures.
 */
import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { beginBatch } from '../../store/index.ts';

const DRAG_THRESHOLD_PX = 3;

export type DragMode = 'move' | 'resize';

interface Props {
  className: string;
  style: CSSProperties;
  name: string;
  label: string;
  selected: boolean;
  durationS: number;
  /** Track width in pixels, read when a drag starts. */
  trackWidth: () => number;
  onSelect: () => void;
  /** At the start of a drag: what to do as the pointer moves `dtS` seconds from where it began
   *  (the item as it was then is the closure's). */
  onDrag: (mode: DragMode) => (dtS: number) => void;
  /** An arrow key: move by `stepS` seconds. */
  onStep: (stepS: number) => void;
  /** A handle on the right edge that changes the length. */
  resizable?: boolean;
}

interface Drag {
  x0: number;
  secondsPerPx: number;
  moved: boolean;
  apply: (dtS: number) => void;
  end: () => void;
}

export function TimelineMark(props: Props) {
  const drag = useRef<Drag | null>(null);
  const start = (mode: DragMode, e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    (e.currentTarget as Partial<HTMLElement>).setPointerCapture?.(e.pointerId);
    drag.current = {
      x0: e.clientX,
      secondsPerPx: props.durationS / Math.max(1, props.trackWidth()),
      moved: false,
      apply: props.onDrag(mode),
      end: beginBatch(),
    };
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (d === null) return;
    const dx = e.clientX - d.x0;
    if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    d.apply(dx * d.secondsPerPx);
  };
  const onPointerUp = () => {
    const d = drag.current;
    if (d === null) return;
    drag.current = null;
    d.end();
    if (!d.moved) props.onSelect();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    props.onStep((e.shiftKey ? 10 : 1) * (e.key === 'ArrowLeft' ? -1 : 1));
  };
  const [base] = props.className.split(' ');
  return (
    <button
      type="button"
      className={`${props.className}${props.selected ? ' is-selected' : ''}`}
      aria-label={props.name}
      aria-pressed={props.selected}
      title={props.name}
      style={props.style}
      onPointerDown={(e) => start('move', e)}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      // A pointer press selects through onPointerUp; Enter and Space arrive as a click of detail 0.
      onClick={(e) => e.detail === 0 && props.onSelect()}
      onKeyDown={onKeyDown}
    >
      <span className={`${base}__label`}>{props.label}</span>
      {props.resizable && (
        <span
          className={`${base}__edge`}
          aria-hidden="true"
          onPointerDown={(e) => start('resize', e)}
        />
      )}
    </button>
  );
}
