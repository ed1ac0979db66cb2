/** A switch; an optional one is absent from the document when off. */
import type { ControlProps } from '../ParamField.tsx';
import { useDraft } from '../useDraft.ts';
import { FieldError } from './FieldError.tsx';

export function BooleanControl({ id, helpId, desc, value, onCommit, disabled }: ControlProps) {
  const d = useDraft(value, String, onCommit);
  return (
    <>
      <input
        id={id}
        type="checkbox"
        className="field__check"
        checked={value === true}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => {
          const on = e.target.checked;
          d.commit(String(on), on || !desc.optional ? on : undefined);
        }}
      />
      <FieldError id={`${id}-error`} error={d.error} />
    </>
  );
}
