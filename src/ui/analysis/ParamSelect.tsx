/** Which param to sweep: every numeric param the design has now, by node and field. */
import { useId } from 'react';
import type { ParamInfo } from '../../analysis/paramPath.ts';

interface Props {
  label: string;
  params: readonly ParamInfo[];
  value: string;
  onChange: (path: string) => void;
  /** Offer "none" (the second param is optional). */
  optional?: boolean;
}

export function ParamSelect({ label, params, value, onChange, optional }: Props) {
  // The label names the select alone (wrapping it would add the chosen option to the name).
  const id = useId();
  return (
    <div className="an-field ps-param">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {optional && <option value="">none (one param)</option>}
        {params.map((p) => (
          <option key={p.path} value={p.path}>
            {p.label}
            {p.bounds.unit ? ` (${p.bounds.unit})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
