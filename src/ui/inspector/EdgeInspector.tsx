/** An edge: where it goes, and the caller's policy for calls over it. */
import type { EdgeKind, ScenarioEdge } from '../../model/types.ts';
import { EDGE_PARAMS } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt, setAt } from '../../store/docOps.ts';
import { ParamField } from './ParamField.tsx';
import { effectiveAt, liveSet } from '../../model/actions.ts';
import { useRunClient } from '../run/RunClientContext.ts';
import { commitLive, useLiveClock } from './liveCommit.ts';
import { OperatorActions } from './OperatorActions.tsx';

/** What each kind of edge is, and the fields that mean something for it. */
const KIND_TEXT: Record<EdgeKind, { sub: string; fields: readonly string[] | 'all' }> = {
  call: { sub: "a call path; its policy is the caller's.", fields: 'all' },
  replication: {
    sub: 'replication from the primary to this replica; its latency is the replication lag.',
    fields: ['latencyMs', 'kind'],
  },
  deadLetter: {
    sub: "where the queue sends a message that keeps failing (after the queue's max deliveries).",
    fields: ['latencyMs', 'kind'],
  },
};

export function EdgeInspector({ edge }: { edge: ScenarioEdge }) {
  const nodes = useAppStore((s) => s.doc.nodes);
  const replaceEdge = useAppStore((s) => s.replaceEdge);
  const remove = useAppStore((s) => s.removeElements);
  const name = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const text = KIND_TEXT[edge.kind];
  const doc = useAppStore((s) => s.doc);
  const client = useRunClient();
  const clock = useLiveClock();
  // While a run goes on, the edge as its actions so far have left it.
  const shown = clock === null ? edge : effectiveAt(doc, edge, clock + 0.1);
  const commit = (key: string, v: unknown) => {
    const next = setAt(shown, key, v);
    const set = clock === null ? null : liveSet(edge, shown, next);
    return set === null ? replaceEdge(setAt(edge, key, v)) : commitLive(client, edge.id, set);
  };
  return (
    <section className="inspector__section">
      <header className="inspector__head">
        <span className="inspector__icon" aria-hidden="true">
          →
        </span>
        <div>
          <h2 className="inspector__title">
            {name(edge.source)} → {name(edge.target)}
          </h2>
          <p className="inspector__sub">
            Edge <code>{edge.id}</code>: {text.sub}
          </p>
        </div>
      </header>
      {/* Timeouts, retries, breakers and fallbacks are a caller's: not shown where nobody calls. */}
      {EDGE_PARAMS.filter((d) => text.fields === 'all' || text.fields.includes(d.key)).map(
        (desc) => (
          <ParamField
            key={desc.key}
            desc={desc}
            value={getAt(shown, desc.key)}
            onCommit={(v) => commit(desc.key, v)}
          />
        ),
      )}
      {clock !== null && <OperatorActions target={shown} />}
      <div className="inspector__actions">
        <button type="button" className="btn btn--danger" onClick={() => remove([edge.id])}>
          Delete edge
        </button>
      </div>
    </section>
  );
}
