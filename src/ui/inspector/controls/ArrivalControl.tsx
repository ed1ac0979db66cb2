/** How a client's requests arrive: an open process at a rate, or a closed population of users. */
import type { ArrivalProcess } from '../../../model/types.ts';
import type { ControlProps } from '../ParamField.tsx';
import { SubNumber } from './SubNumber.tsx';
import { DistControl } from './DistControl.tsx';

const PROCESSES: ReadonlyArray<{ value: ArrivalProcess['process']; label: string }> = [
  { value: 'poisson', label: 'poisson (random, open)' },
  { value: 'constant', label: 'constant rate (open)' },
  { value: 'closed', label: 'closed: users who think' },
];

function asArrival(v: unknown): ArrivalProcess {
  if (v !== null && typeof v === 'object' && 'process' in v) return v as ArrivalProcess;
  return { process: 'poisson', rps: 10 };
}

function switchProcess(a: ArrivalProcess, to: ArrivalProcess['process']): ArrivalProcess {
  if (to === 'closed') {
    return a.process === 'closed'
      ? a
      : { process: 'closed', users: 50, thinkMs: { dist: 'exponential', meanMs: 1000 } };
  }
  const rps = a.process === 'closed' ? 10 : a.rps;
  return { process: to, rps };
}

export function ArrivalControl(props: ControlProps) {
  const { id, helpId, desc, value, onCommit, disabled } = props;
  const a = asArrival(value);
  return (
    <div className="arrival">
      <select
        id={id}
        className="field__input"
        value={a.process}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => onCommit(switchProcess(a, e.target.value as ArrivalProcess['process']))}
      >
        {PROCESSES.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      {a.process === 'closed' ? (
        <div className="arrival__closed">
          <SubNumber
            label="users"
            name={`${desc.label} users`}
            integer
            value={a.users}
            disabled={disabled}
            onCommit={(n) => onCommit({ ...a, users: n })}
          />
          <div className="arrival__think">
            <span className="subfield__label">think time</span>
            <DistControl
              id={`${id}-think`}
              helpId={helpId}
              desc={{
                key: 'thinkMs',
                label: `${desc.label} think time`,
                help: '',
                control: 'dist',
                unit: 'ms',
              }}
              value={a.thinkMs}
              onCommit={(d) => onCommit({ ...a, thinkMs: d })}
              {...(disabled !== undefined ? { disabled } : {})}
            />
          </div>
        </div>
      ) : (
        <SubNumber
          label="rate"
          name={`${desc.label} rate`}
          unit="rps"
          value={a.rps}
          disabled={disabled}
          onCommit={(n) => onCommit({ ...a, rps: n })}
        />
      )}
    </div>
  );
}
