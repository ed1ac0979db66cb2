/**
 * The inspector's "Faults" section for the selected node or edge: the kinds of fault that fit
 * it, their fields and a duration, and "Inject now". The fault joins the document at the clock
 * (run client's `inject`): while a run goes on, at the next tenth of a second the worker names,
 * and the run takes it without restarting, so a Reset replays it exactly.
 */
import { useState } from 'react';
import type { Fault, FaultKind } from '../../model/types.ts';
import { FAULT_DEFAULTS, FAULT_KINDS, type ParamDescriptor } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import type { RunStatus } from '../../store/runSlice.ts';
import { useRunClient } from '../run/RunClientContext.ts';
import { checkFault, faultName, kindsFor } from './faultInfo.ts';
import { FaultNumberField } from './FaultNumberField.tsx';
import './faults.css';

const INITIAL_TEXT: Partial<Record<string, string>> = {
  forS: '10',
  factor: String(FAULT_DEFAULTS.factor),
  probability: String(FAULT_DEFAULTS.probability),
  multiplier: String(FAULT_DEFAULTS.multiplier),
};

function initialText(kind: FaultKind, key: string): string {
  if (key === 'addMs')
    return String(kind === 'lag' ? FAULT_DEFAULTS.lagAddMs : FAULT_DEFAULTS.latencyAddMs);
  return INITIAL_TEXT[key] ?? '';
}

/** The injector's wording: its own names where the node's params use the same ones. */
function injectorField(d: ParamDescriptor): ParamDescriptor {
  if (d.key === 'forS') return { ...d, help: 'Seconds it lasts. Empty = to the end of the run.' };
  if (d.key === 'replicas') return { ...d, label: 'Replicas down' };
  return d;
}

/** The fault the fields describe, or why a field is not a number. */
function buildFault(
  kind: FaultKind,
  target: string,
  atS: number,
  texts: Record<string, string>,
): { fault: Fault } | { field: string; message: string } {
  const fault: Record<string, unknown> = { atS, kind, target };
  for (const d of FAULT_KINDS[kind].fields) {
    if (d.key === 'atS') continue;
    const text = (texts[d.key] ?? initialText(kind, d.key)).trim();
    if (text === '') continue; // absent: the model's default, or "to the end" / "all"
    const n = Number(text);
    if (!Number.isFinite(n)) return { field: d.key, message: 'must be a number' };
    fault[d.key] = n;
  }
  return { fault: fault as unknown as Fault };
}

function startNote(status: RunStatus, atS: number): string {
  if (status === 'running') return `Starts at ${atS} s, without restarting the run.`;
  if (status === 'done')
    return 'The run has ended, so a fault injected now would never happen. Reset first: it then starts at 0 s, and you can move it on the fault timeline.';
  return `Starts at ${atS} s of simulated time.`;
}

export function FaultInjector({ targetId }: { targetId: string }) {
  const doc = useAppStore((s) => s.doc);
  const simNowS = useAppStore((s) => s.simNowS);
  const runStatus = useAppStore((s) => s.runStatus);
  const runId = useAppStore((s) => s.runId);
  const client = useRunClient();
  const kinds = kindsFor(doc, targetId);
  const [kind, setKind] = useState<FaultKind | undefined>(kinds[0]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  // What was injected, in which run: a Reset or a new run starts another, and the note goes.
  const [injected, setDone] = useState<{ text: string; runId: number } | null>(null);
  const done = injected !== null && injected.runId === runId ? injected.text : null;
  if (kind === undefined || !kinds.includes(kind)) {
    if (kinds[0] !== kind) setKind(kinds[0]);
    return null;
  }
  const desc = FAULT_KINDS[kind];
  const atS = Math.round(simNowS * 10) / 10;
  const finished = runStatus === 'done';

  const validate = (next: Record<string, string>) => {
    const built = buildFault(kind, targetId, atS, next);
    if (!('fault' in built)) return built;
    const r = checkFault(doc, built.fault);
    return r.ok
      ? null
      : { ...(r.field === undefined ? {} : { field: r.field }), message: r.message };
  };
  const onText = (key: string, text: string) => {
    const next = { ...texts, [key]: text };
    setTexts(next);
    setDone(null);
    setError(validate(next));
  };
  const inject = async () => {
    const built = buildFault(kind, targetId, atS, texts);
    if (finished) return;
    const problem = validate(texts);
    if (problem !== null || !('fault' in built)) return setError(problem);
    setError(null);
    const added = await client.inject(built.fault);
    const { doc: now, runId: run } = useAppStore.getState();
    setDone(added === null ? null : { text: `Injected: ${faultName(now, added)}.`, runId: run });
  };

  return (
    <section className="fault-injector" aria-labelledby="fault-injector-title">
      <h3 className="fault-injector__title" id="fault-injector-title">
        Faults
      </h3>
      <label className="field__label" htmlFor="fault-kind">
        Fault
      </label>
      <select
        id="fault-kind"
        className="field__input"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as FaultKind);
          setTexts({});
          setError(null);
          setDone(null);
        }}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {FAULT_KINDS[k].label}
          </option>
        ))}
      </select>
      <p className="field__help">{desc.help}</p>
      {desc.fields
        .filter((d) => d.key !== 'atS')
        .map((d) => (
          <FaultNumberField
            key={`${kind}-${d.key}`}
            desc={injectorField(d)}
            text={texts[d.key] ?? initialText(kind, d.key)}
            error={error?.field === d.key ? error.message : null}
            onText={(t) => onText(d.key, t)}
          />
        ))}
      {error !== null && error.field === undefined && (
        <p className="field__error" role="alert">
          {error.message}
        </p>
      )}
      <button
        type="button"
        className="btn btn--primary"
        // After the end of a run the fault would join the document at its last instant and never
        // take effect: the note below says to Reset first.
        disabled={finished}
        aria-describedby="fault-injector-note"
        onClick={() => void inject()}
      >
        Inject now
      </button>
      <p className="fault-injector__note" id="fault-injector-note" aria-live="polite">
        {/* Once the run has ended, why the button is off matters more than what was injected. */}
        {finished ? startNote(runStatus, atS) : (done ?? startNote(runStatus, atS))}
      </p>
    </section>
  );
}
