/** One of the descriptor's options; an optional field has a "none" choice. */
import type { ControlProps } from '../ParamField.tsx';
import { useDraft } from '../useDraft.ts';
import { FieldError } from './FieldError.tsx';

const NONE = '';

export function SelectControl({ id, helpId, desc, value, onCommit, disabled }: ControlProps) {
  const d = useDraft(value, (v) => (typeof v === 'string' ? v : NONE), onCommit);
  return (
    <>
      <select
        id={id}
        className="field__input"
        value={typeof value === 'string' ? value : NONE}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => {
          const v = e.target.value;
          d.commit(v, v === NONE ? undefined : v);
        }}
      >
        {desc.optional && <option value={NONE}>none</option>}
        {(desc.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={d.error} />
    </>
  );
}
