/** A small labelled number inside a composite control (a distribution's mean, an arrival rate). */
import { useId } from 'react';
import type { EditResult } from '../../../store/graphSlice.ts';
import { useDraft } from '../useDraft.ts';
import { parseNumber } from './NumberControl.tsx';
import { FieldError } from './FieldError.tsx';

export interface SubNumberProps {
  /** Visible short label ("mean"). */
  label: string;
  /** Accessible name ("Service time mean"). */
  name: string;
  unit?: string | undefined;
  value: number;
  integer?: boolean;
  disabled?: boolean | undefined;
  onCommit: (n: number) => EditResult;
}

export function SubNumber({
  label,
  name,
  unit,
  value,
  integer = false,
  disabled,
  onCommit,
}: SubNumberProps) {
  const id = useId();
  const d = useDraft(
    value,
    (v) => (typeof v === 'number' ? String(v) : ''),
    (v) => onCommit(v as number),
  );
  return (
    <div className="subfield">
      <label className="subfield__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        className="field__input"
        aria-label={name}
        value={d.draft}
        step={integer ? 1 : 'any'}
        disabled={disabled}
        aria-invalid={d.error !== null}
        onChange={(e) => {
          const text = e.target.value;
          if (e.target.validity.badInput) return d.setDraft(text, 'must be a number');
          const parsed = parseNumber(text, integer, false);
          if (!parsed.ok || parsed.value === undefined) {
            return d.setDraft(text, parsed.ok ? 'is required' : parsed.message);
          }
          d.commit(text, parsed.value);
        }}
      />
      {unit && <span className="subfield__unit">{unit}</span>}
      <FieldError id={`${id}-error`} error={d.error} />
    </div>
  );
}
