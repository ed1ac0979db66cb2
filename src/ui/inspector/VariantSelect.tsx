/**
 * The form a variant takes (autoscale's mode). Switching keeps the values both forms share
 * (min, max, start-up time) and starts the rest from the model's defaults for the new form.
 */
import { useId } from 'react';
import type { ParamDescriptor, VariantCase } from '../../model/kinds/index.ts';
import type { EditResult } from '../../store/graphSlice.ts';

type Obj = Record<string, unknown>;

/** The case an object is in (by its discriminator), or the first case. */
export function caseOf(desc: ParamDescriptor, obj: Obj | undefined): VariantCase | undefined {
  const v = desc.variant;
  if (!v) return undefined;
  return v.cases.find((c) => c.value === obj?.[v.key]) ?? v.cases[0];
}

export function switchCase(from: Obj, to: VariantCase): Obj {
  const next: Obj = structuredClone(to.defaults);
  for (const f of to.fields) if (from[f.key] !== undefined) next[f.key] = from[f.key];
  return next;
}

export interface VariantSelectProps {
  desc: ParamDescriptor;
  value: Obj;
  onCommit: (value: unknown) => EditResult;
}

export function VariantSelect({ desc, value, onCommit }: VariantSelectProps) {
  const id = useId();
  const v = desc.variant;
  const current = caseOf(desc, value);
  if (!v || !current) return null;
  return (
    <div className="field field--select">
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          {v.label}
        </label>
      </div>
      <select
        id={id}
        className="field__input"
        aria-label={`${desc.label} ${v.label.toLowerCase()}`}
        value={current.value}
        onChange={(e) => {
          const to = v.cases.find((c) => c.value === e.target.value);
          if (to) onCommit(switchCase(value, to));
        }}
      >
        {v.cases.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
