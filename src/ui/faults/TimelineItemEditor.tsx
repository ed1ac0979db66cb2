/**
 * The form of the fault or action selected on the timeline: a heading, its fields (each drawn
 * from the model's descriptions by ParamField and validated by the model as typed, one undo step
 * per field visit), Close (or Escape) and Delete. The first field takes the focus when it opens.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** The dialog's accessible name: "Edit fault: …", "Edit action: …". */
  name: string;
  heading: ReactNode;
  /** Which item it is, for the button: "Delete fault". */
  what: 'fault' | 'action';
  /** Changes when another item is selected: the focus moves to its first field. */
  itemKey: unknown;
  children: ReactNode;
  onDelete: () => void;
  onClose: () => void;
}

export function TimelineItemEditor({
  name,
  heading,
  what,
  itemKey,
  children,
  onDelete,
  onClose,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), [itemKey]);
  return (
    <div
      ref={ref}
      className="fault-editor"
      role="dialog"
      aria-label={name}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="fault-editor__head">
        <span>{heading}</span>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
      <div className="fault-editor__actions">
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => {
            onDelete();
            onClose();
          }}
        >
          Delete {what}
        </button>
      </div>
    </div>
  );
}
