/** A text field (a node's name, the scenario's name), validated as typed like the params. */
import { useId } from 'react';
import type { EditResult } from '../../store/graphSlice.ts';
import { useDraft } from './useDraft.ts';
import { FieldError } from './controls/FieldError.tsx';
import { useEditBatch } from './useEditBatch.ts';

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => EditResult;
}

export function TextField({ label, value, onCommit }: TextFieldProps) {
  const id = useId();
  const d = useDraft(
    value,
    (v) => (typeof v === 'string' ? v : ''),
    (v) => onCommit(String(v)),
  );
  const batch = useEditBatch();
  return (
    <div className="field field--text" {...batch}>
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <input
        id={id}
        className="field__input"
        value={d.draft}
        aria-invalid={d.error !== null}
        onChange={(e) => d.commit(e.target.value, e.target.value)}
      />
      <FieldError id={`${id}-error`} error={d.error} />
    </div>
  );
}
