/**
 * A structured param (a circuit breaker, a health check, an autoscaler) as a fieldset: its
 * legend, an "enabled" switch when the whole object may be absent, and one field per sub-key,
 * each with its own label, unit, limits and help. Every edit goes through the same model
 * validation as a plain field; a refusal shows beside the sub-field that caused it.
 */
import { useId, useState } from 'react';
import type { ParamDescriptor } from '../../model/kinds/index.ts';
import { setAt } from '../../store/docOps.ts';
import { ParamField, type ParamFieldProps } from './ParamField.tsx';
import { FieldError } from './controls/FieldError.tsx';
import { VariantSelect, caseOf } from './VariantSelect.tsx';
import { LoadCurvePlot } from './LoadCurvePlot.tsx';
import './group.css';

type Obj = Record<string, unknown>;
const asObject = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

/** The object a group starts from when switched on: the model's defaults for it. */
function startValue(desc: ParamDescriptor): Obj {
  const first = desc.variant?.cases[0];
  return structuredClone(first ? first.defaults : (desc.defaults ?? {}));
}

/** A sub-field with a `shownWhen` shows only while its sibling has one of the values named
 *  (or, naming none, any value). */
function applies(f: ParamDescriptor, obj: Obj | undefined): boolean {
  const when = f.shownWhen;
  if (when === undefined) return true;
  const v = obj?.[when.key];
  return when.is === undefined ? v !== undefined : when.is.includes(String(v));
}

export function GroupField({ desc, value, onCommit }: ParamFieldProps) {
  const id = useId();
  const legendId = `${id}-legend`;
  const helpId = `${id}-help`;
  const [error, setError] = useState<string | null>(null);
  const obj = asObject(value) ?? (desc.optional ? undefined : startValue(desc));
  const commit = (next: unknown) => {
    const r = onCommit(next);
    setError(r.ok ? null : r.message);
    return r;
  };
  const all = desc.variant ? (caseOf(desc, obj)?.fields ?? []) : (desc.fields ?? []);
  const fields = all.filter((f) => applies(f, obj));
  return (
    <fieldset
      className={`field field--group${obj ? '' : ' field--group-off'}`}
      aria-labelledby={legendId}
      aria-describedby={helpId}
    >
      <legend id={legendId} className="field__label group__legend">
        {desc.label}
      </legend>
      <p className="field__help group__help" id={helpId}>
        {desc.help}
      </p>
      {desc.optional && (
        <label className="group__toggle">
          <input
            type="checkbox"
            className="field__check"
            checked={obj !== undefined}
            aria-label={`${desc.label} enabled`}
            onChange={(e) => commit(e.target.checked ? startValue(desc) : undefined)}
          />
          <span>Enabled</span>
        </label>
      )}
      <FieldError id={`${id}-error`} error={error} />
      {obj && (
        <div className="group__fields">
          {desc.variant && <VariantSelect desc={desc} value={obj} onCommit={commit} />}
          {fields.map((f) => (
            <ParamField
              key={f.key}
              desc={f}
              value={obj[f.key]}
              onCommit={(v) => onCommit(setAt(obj, f.key, v))}
            />
          ))}
          {desc.plot === 'loadCurve' && <LoadCurvePlot value={obj} />}
        </div>
      )}
    </fieldset>
  );
}
