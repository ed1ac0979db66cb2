/** A number or an integer; an optional one may be left empty (absent in the document). */
import type { ControlProps } from '../ParamField.tsx';
import { emptyText } from '../../../model/kinds/fieldText.ts';
import { useDraft } from '../useDraft.ts';
import { FieldError } from './FieldError.tsx';

const format = (v: unknown): string => (typeof v === 'number' ? String(v) : '');

/** The value a text stands for, or a message saying why it is not one. */
export function parseNumber(
  text: string,
  integer: boolean,
  optional: boolean,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') {
    return optional ? { ok: true, value: undefined } : { ok: false, message: 'is required' };
  }
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, message: 'must be a number' };
  if (integer && !Number.isInteger(n)) return { ok: false, message: 'must be a whole number' };
  return { ok: true, value: n };
}

export function NumberControl({ id, helpId, desc, value, onCommit, disabled }: ControlProps) {
  const d = useDraft(value, format, onCommit);
  const errorId = `${id}-error`;
  const onChange = (text: string, badInput: boolean) => {
    if (badInput) return d.setDraft(text, 'must be a number');
    const parsed = parseNumber(text, desc.control === 'integer', desc.optional === true);
    if (!parsed.ok) return d.setDraft(text, parsed.message);
    d.commit(text, parsed.value);
  };
  return (
    <>
      <input
        id={id}
        type="number"
        className="field__input"
        value={d.draft}
        min={desc.min}
        max={desc.max}
        step={desc.step ?? (desc.control === 'integer' ? 1 : 'any')}
        placeholder={desc.optional ? emptyText(desc) : undefined}
        disabled={disabled}
        aria-invalid={d.error !== null}
        aria-describedby={d.error !== null ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => onChange(e.target.value, e.target.validity.badInput)}
      />
      <FieldError id={errorId} error={d.error} />
    </>
  );
}
