/** A request class's name, typed; the document's class names are offered as suggestions. */
import type { ControlProps } from '../ParamField.tsx';
import { useDraft } from '../useDraft.ts';
import { FieldError } from './FieldError.tsx';

export function ClassNameControl({
  id,
  helpId,
  value,
  onCommit,
  disabled,
  names,
}: ControlProps & { names: readonly string[] }) {
  const d = useDraft(value, (v) => (typeof v === 'string' ? v : ''), onCommit);
  const errorId = `${id}-error`;
  return (
    <>
      <input
        id={id}
        type="text"
        className="field__input"
        list={`${id}-names`}
        autoComplete="off"
        spellCheck={false}
        value={d.draft}
        disabled={disabled}
        aria-invalid={d.error !== null}
        aria-describedby={d.error !== null ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => d.commit(e.target.value, e.target.value)}
      />
      <datalist id={`${id}-names`}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <FieldError id={errorId} error={d.error} />
    </>
  );
}
