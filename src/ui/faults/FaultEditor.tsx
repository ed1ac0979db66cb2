/**
 * The selected fault's form: its start, length and kind fields, drawn from the model's
 * description and validated by the model as typed (one undo step per field visit), and a delete.
 */
import { useEffect, useRef } from 'react';
import type { Fault } from '../../model/types.ts';
import { FAULT_KINDS } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt, setAt } from '../../store/docOps.ts';
import { ParamField } from '../inspector/ParamField.tsx';
import { targetName } from './faultInfo.ts';

interface Props {
  index: number;
  fault: Fault;
  name: string;
  onClose: () => void;
}

export function FaultEditor({ index, fault, name, onClose }: Props) {
  const updateFault = useAppStore((s) => s.updateFault);
  const removeFault = useAppStore((s) => s.removeFault);
  const doc = useAppStore((s) => s.doc);
  const desc = FAULT_KINDS[fault.kind];
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), [index]);
  return (
    <div
      ref={ref}
      className="fault-editor"
      role="dialog"
      aria-label={`Edit fault: ${name}`}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="fault-editor__head">
        <span>
          {desc.label} · {targetName(doc, fault.target)}
        </span>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close
        </button>
      </div>
      {desc.fields.map((d) => (
        <ParamField
          key={`${index}-${d.key}`}
          desc={d}
          value={getAt(fault, d.key)}
          onCommit={(v) => updateFault(index, setAt(fault, d.key, v))}
        />
      ))}
      <div className="fault-editor__actions">
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => {
            removeFault(index);
            onClose();
          }}
        >
          Delete fault
        </button>
      </div>
    </div>
  );
}
