/** The inspector: the selected node or edge, or the scenario itself when nothing is selected. */
import { useAppStore } from '../../store/index.ts';
import { NodeInspector } from './NodeInspector.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import { ScenarioInspector } from './ScenarioInspector.tsx';
import { FaultInjector } from '../faults/FaultInjector.tsx';

export function Inspector() {
  const selectedIds = useAppStore((s) => s.selectedIds);
  const doc = useAppStore((s) => s.doc);
  const only = selectedIds.length === 1 ? selectedIds[0] : undefined;
  const node = only === undefined ? undefined : doc.nodes.find((n) => n.id === only);
  const edge = only === undefined ? undefined : doc.edges.find((e) => e.id === only);
  return (
    <aside className="inspector" aria-label="Inspector">
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
      ) : selectedIds.length > 1 ? (
        <MultiSelection ids={selectedIds} />
      ) : (
        <ScenarioInspector />
      )}
      {(node ?? edge) && <FaultInjector key={`faults-${only}`} targetId={only ?? ''} />}
    </aside>
  );
}

function MultiSelection({ ids }: { ids: string[] }) {
  const duplicate = useAppStore((s) => s.duplicate);
  const remove = useAppStore((s) => s.removeElements);
  return (
    <section>
      <h2 className="panel-title">Selection</h2>
      <p className="inspector__lead">{ids.length} items selected.</p>
      <div className="inspector__actions">
        <button type="button" className="btn" onClick={() => duplicate(ids)}>
          Duplicate
        </button>
        <button type="button" className="btn btn--danger" onClick={() => remove(ids)}>
          Delete
        </button>
      </div>
    </section>
  );
}
