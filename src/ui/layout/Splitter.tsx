/**
 * The handle between the canvas and a panel beside or below it: drag it (mouse, pen or touch),
 * or focus it and use the arrow keys (Shift for bigger steps, Home and End for the bounds), to
 * size the panel; double-click or Enter goes back to the default size. The panel is the
 * handle's next sibling: its size when the user never chose one is measured there.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { SIZED, clampSize, usePanels, type SizedPanel } from './panelPrefs.ts';

const STEP_PX = 16;
const BIG_STEP_PX = 64;

export function Splitter({ panel }: { panel: SizedPanel }) {
  const { title, min, max, axis } = SIZED[panel];
  const chosen = usePanels((s) => s.prefs[panel]?.size);
  const setSize = usePanels((s) => s.setSize);
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ from: number; size: number } | null>(null);
  const [measured, setMeasured] = useState<number>(min);
  /** The panel's size on screen (the stylesheet may cap a chosen one), else the chosen one. */
  const measure = () => {
    const r = ref.current?.nextElementSibling?.getBoundingClientRect();
    const onScreen = r ? Math.round(axis === 'x' ? r.width : r.height) : 0;
    return onScreen > 0 ? onScreen : (chosen ?? min);
  };
  // The size told to assistive technology: the one on screen (the stylesheet may cap it).
  useEffect(() => {
    const panelEl = ref.current?.nextElementSibling;
    if (!panelEl || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setMeasured(measure()));
    observer.observe(panelEl);
    return () => observer.disconnect();
  });
  const at = (e: PointerEvent) => (axis === 'x' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    // Every later move goes to the handle, even off it (a fast drag, a finger).
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { from: at(e), size: measure() };
  };
  const onPointerMove = (e: PointerEvent) => {
    // The panel is right of or below the handle: moving towards the canvas makes it bigger.
    if (drag.current) setSize(panel, drag.current.size + drag.current.from - at(e), false);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag.current) return;
    setSize(panel, drag.current.size + drag.current.from - at(e));
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? BIG_STEP_PX : STEP_PX;
    const grow = axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
    const shrink = axis === 'x' ? 'ArrowRight' : 'ArrowDown';
    const size = measure();
    const next =
      e.key === grow
        ? size + step
        : e.key === shrink
          ? size - step
          : e.key === 'Home'
            ? min
            : e.key === 'End'
              ? max
              : null;
    if (e.key === 'Enter') setSize(panel, undefined);
    else if (next !== null) setSize(panel, next);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className={`splitter splitter--${axis}`}
      role="separator"
      tabIndex={0}
      aria-label={`Resize ${title} panel`}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={clampSize(panel, chosen ?? measured)}
      title={`Drag to resize the ${title}; double-click for its usual size`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setSize(panel, undefined)}
      onKeyDown={onKeyDown}
    />
  );
}
