/**
 * "Connect to…": the selected node's way to make an edge without a mouse (a drag between handles
 * needs one). The list holds every other node: those the model's rules allow, with the kind of
 * edge it would be, and after them those it refuses, each with the reason, so nothing is a
 * mystery. Tab to the list, arrows to choose, Tab to Connect, Enter.
 */
import { useId, useState } from 'react';
import type { ScenarioNode } from '../../model/types.ts';
import { canAddEdge } from '../../model/canAddEdge.ts';
import { edgeKindBetween } from '../../model/connections.ts';
import { useAppStore } from '../../store/index.ts';
import { readable } from '../../store/graphSlice.ts';
import './connectTo.css';

const KIND_WORDS = { call: 'calls', replication: 'replicates to', deadLetter: 'dead letters to' };

export function ConnectTo({ node }: { node: ScenarioNode }) {
  const id = useId();
  const doc = useAppStore((s) => s.doc);
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const choices = doc.nodes
    .filter((n) => n.id !== node.id)
    .map((n) => {
      const kind = edgeKindBetween(node.type, n.type);
      return { node: n, kind, check: canAddEdge(doc, node.id, n.id, kind) };
    });
  const allowed = choices.filter((c) => c.check.ok);
  const refused = choices.filter((c) => !c.check.ok);

  const connect = () => {
    const choice = allowed.find((c) => c.node.id === target);
    if (!choice) return;
    const result = useAppStore.getState().connect(node.id, choice.node.id, choice.kind);
    setOutcome(
      result.ok
        ? { ok: true, text: `${node.label} now ${KIND_WORDS[choice.kind]} ${choice.node.label}.` }
        : { ok: false, text: `Cannot connect: ${result.reason}` },
    );
    setTarget('');
  };

  return (
    <div className="field connect-to">
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          Connect to…
        </label>
      </div>
      <div className="connect-to__row">
        <select
          id={id}
          className="field__input"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setOutcome(null);
          }}
        >
          <option value="">{allowed.length > 0 ? 'Choose a node' : 'None allowed'}</option>
          {allowed.map((c) => (
            <option key={c.node.id} value={c.node.id}>
              {c.node.label}
              {c.kind === 'call' ? '' : ` (${KIND_WORDS[c.kind]})`}
            </option>
          ))}
          {refused.length > 0 && (
            <optgroup label="Not allowed">
              {refused.map((c) => (
                <option key={c.node.id} value={c.node.id} disabled>
                  {c.node.label}: {c.check.ok ? '' : readable(doc, c.check.reason)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button
          type="button"
          className="btn btn--small"
          disabled={target === ''}
          onClick={connect}
          aria-label={`Connect ${node.label} to the chosen node`}
        >
          Connect
        </button>
      </div>
      {outcome && (
        <p
          className={outcome.ok ? 'field__help' : 'field__error'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
