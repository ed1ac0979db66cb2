/**
 * A structured value as JSON text (a rate profile, a retry policy): edited freely, checked when
 * the field loses focus. An optional field left empty is removed from the document.
 */
import type { ControlProps } from '../ParamField.tsx';
import { useDraft } from '../useDraft.ts';
import { FieldError } from './FieldError.tsx';

const format = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v));

export function JsonControl({ id, helpId, desc, value, onCommit, disabled }: ControlProps) {
  const d = useDraft(value, format, onCommit);
  const errorId = `${id}-error`;
  const onBlur = () => {
    const text = d.draft.trim();
    if (text === format(value)) return;
    if (text === '') {
      if (desc.optional) d.commit('', undefined);
      else d.setDraft(d.draft, 'is required');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      d.setDraft(d.draft, 'is not valid JSON');
      return;
    }
    d.commit(d.draft, parsed);
  };
  return (
    <>
      <textarea
        id={id}
        className="field__input field__json"
        rows={desc.control === 'profile' ? 2 : 3}
        spellCheck={false}
        value={d.draft}
        placeholder={desc.optional ? 'none' : undefined}
        disabled={disabled}
        aria-invalid={d.error !== null}
        aria-describedby={d.error !== null ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => d.setDraft(e.target.value, d.error)}
        onBlur={onBlur}
      />
      <FieldError id={errorId} error={d.error} />
    </>
  );
}
