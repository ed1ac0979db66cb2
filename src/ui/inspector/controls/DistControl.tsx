/** A distribution: its family, then that family's numbers. */
import type { Dist, DistKind } from '../../../model/types.ts';
import type { EditResult } from '../../../store/graphSlice.ts';
import type { ControlProps } from '../ParamField.tsx';
import { SubNumber } from './SubNumber.tsx';

const KINDS: ReadonlyArray<{ kind: DistKind; label: string }> = [
  { kind: 'constant', label: 'constant' },
  { kind: 'exponential', label: 'exponential' },
  { kind: 'uniform', label: 'uniform' },
  { kind: 'lognormal', label: 'lognormal' },
  { kind: 'erlang', label: 'erlang' },
];

export function asDist(v: unknown): Dist {
  if (typeof v === 'number') return { dist: 'constant', ms: v };
  if (v !== null && typeof v === 'object' && 'dist' in v) return v as Dist;
  return { dist: 'constant', ms: 0 };
}

function meanOf(d: Dist): number {
  if (d.dist === 'constant') return d.ms;
  if (d.dist === 'uniform') return (d.minMs + d.maxMs) / 2;
  return d.meanMs;
}

/** Switching family keeps the mean, so the change is about shape, not size. */
export function switchDist(d: Dist, kind: DistKind): Dist {
  const mean = meanOf(d) || 10;
  switch (kind) {
    case 'constant':
      return { dist: 'constant', ms: mean };
    case 'exponential':
      return { dist: 'exponential', meanMs: mean };
    case 'uniform':
      return { dist: 'uniform', minMs: mean / 2, maxMs: mean * 1.5 };
    case 'lognormal':
      return { dist: 'lognormal', meanMs: mean, cv: 1 };
    case 'erlang':
      return { dist: 'erlang', meanMs: mean, k: 2 };
  }
}

interface Part {
  key: string;
  label: string;
  unit?: string;
  integer?: boolean;
}

const PARTS: Record<DistKind, Part[]> = {
  constant: [{ key: 'ms', label: 'value', unit: 'ms' }],
  exponential: [{ key: 'meanMs', label: 'mean', unit: 'ms' }],
  uniform: [
    { key: 'minMs', label: 'min', unit: 'ms' },
    { key: 'maxMs', label: 'max', unit: 'ms' },
  ],
  lognormal: [
    { key: 'meanMs', label: 'mean', unit: 'ms' },
    { key: 'cv', label: 'cv' },
  ],
  erlang: [
    { key: 'meanMs', label: 'mean', unit: 'ms' },
    { key: 'k', label: 'k', integer: true },
  ],
};

export function DistControl({ id, helpId, desc, value, onCommit, disabled }: ControlProps) {
  const d = asDist(value);
  const commit = (next: Dist): EditResult => onCommit(next);
  return (
    <div className="dist">
      <select
        id={id}
        className="field__input"
        value={d.dist}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => commit(switchDist(d, e.target.value as DistKind))}
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <div className="dist__parts">
        {PARTS[d.dist].map((p) => (
          <SubNumber
            key={`${d.dist}-${p.key}`}
            label={p.label}
            name={`${desc.label} ${p.label}`}
            unit={p.unit}
            integer={p.integer ?? false}
            disabled={disabled}
            value={(d as unknown as Record<string, number>)[p.key] ?? 0}
            onCommit={(n) => commit({ ...d, [p.key]: n } as Dist)}
          />
        ))}
      </div>
    </div>
  );
}
