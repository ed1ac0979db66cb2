/** An edge: where it goes, and the caller's policy for calls over it. */
import type { EdgeKind, ScenarioEdge } from '../../model/types.ts';
import { EDGE_PARAMS } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt, setAt } from '../../store/docOps.ts';
import { ParamField } from './ParamField.tsx';

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
            value={getAt(edge, desc.key)}
            onCommit={(v) => replaceEdge(setAt(edge, desc.key, v))}
          />
        ),
      )}
      <div className="inspector__actions">
        <button type="button" className="btn btn--danger" onClick={() => remove([edge.id])}>
          Delete edge
        </button>
      </div>
    </section>
  );
}
