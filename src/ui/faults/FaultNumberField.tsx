/** A number field of the injector: label (its accessible name), unit, help, and the refusal. */
import { useId } from 'react';
import type { ParamDescriptor } from '../../model/kinds/index.ts';
import { emptyText } from '../../model/kinds/fieldText.ts';
import { FieldError } from '../inspector/controls/FieldError.tsx';

interface Props {
  desc: ParamDescriptor;
  text: string;
  error: string | null;
  onText: (text: string) => void;
}

export function FaultNumberField({ desc, text, error, onText }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="field field--number">
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          {desc.label}
        </label>
        {desc.unit && <span className="field__unit">{desc.unit}</span>}
      </div>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="field__input"
        value={text}
        placeholder={desc.optional ? emptyText(desc) : undefined}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => onText(e.target.value)}
      />
      <FieldError id={errorId} error={error} />
      <p className="field__help" id={helpId}>
        {desc.help}
      </p>
    </div>
  );
}
