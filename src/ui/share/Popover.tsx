/**
 * A toolbar button that opens a small dialog under it: Escape closes it and gives focus back
 * to the button; a click outside closes it. Shared by the presets, share and export menus.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './dialogs.css';

export function Popover(props: {
  label: string;
  title?: string;
  children: (close: () => void) => ReactNode;
  wide?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  const panel = useRef<HTMLDivElement>(null);

  // Keyboard users land inside the dialog that opened (the presets search focuses itself).
  useEffect(() => {
    const el = panel.current;
    if (!open || el === null || el.contains(document.activeElement)) return;
    el.querySelector<HTMLElement>(
      'input, select, textarea, button, a[href], [tabindex="0"]',
    )?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <div className="popover" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={props.title}
        onClick={() => setOpen((o) => !o)}
      >
        {props.label}
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label={props.label}
          className={`popover__panel${props.wide ? ' popover__panel--wide' : ''}`}
        >
          {props.children(close)}
        </div>
      )}
    </div>
  );
}
