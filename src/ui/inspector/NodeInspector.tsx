/** A node's name and every param its kind describes. */
import type { ScenarioNode } from '../../model/types.ts';
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt, setAt } from '../../store/docOps.ts';
import { ParamField } from './ParamField.tsx';
import { InspectedNode } from './inspectedNode.ts';
import { TextField } from './TextField.tsx';
import { RegionField } from '../regions/RegionField.tsx';
import { KindIcon } from '../icons/KindIcon.tsx';
import { ConnectTo } from './ConnectTo.tsx';
import { effectiveAt, liveSet } from '../../model/actions.ts';
import { useRunClient } from '../run/RunClientContext.ts';
import { commitLive, useLiveClock } from './liveCommit.ts';
import { OperatorActions } from './OperatorActions.tsx';
import NodeCost from '../report/NodeCost.tsx';
import { NodeTracesButton } from '../traces/NodeTracesButton.tsx';

export function NodeInspector({ node }: { node: ScenarioNode }) {
  const kind = KIND_DESCRIPTIONS[node.type];
  const updateParams = useAppStore((s) => s.updateNodeParams);
  const updateLabel = useAppStore((s) => s.updateNodeLabel);
  const duplicate = useAppStore((s) => s.duplicate);
  const remove = useAppStore((s) => s.removeElements);
  const doc = useAppStore((s) => s.doc);
  const client = useRunClient();
  const clock = useLiveClock();
  // While a run goes on, the params as its actions so far have left them.
  const shown = clock === null ? node : effectiveAt(doc, node, clock + 0.1);
  const commit = (key: string, v: unknown) => {
    const next = setAt(shown.params, key, v);
    const set = clock === null ? null : liveSet(node, shown.params, next);
    return set === null
      ? updateParams(node.id, setAt(node.params, key, v))
      : commitLive(client, node.id, set);
  };
  return (
    <section className={`inspector__section kind-${node.type}`}>
      <header className="inspector__head">
        <span className="inspector__icon" aria-hidden="true">
          <KindIcon type={node.type} size={18} />
        </span>
        <div>
          <h2 className="inspector__title">{kind.label}</h2>
          <p className="inspector__sub">{kind.summary}</p>
        </div>
      </header>
      <TextField label="Name" value={node.label} onCommit={(v) => updateLabel(node.id, v)} />
      <RegionField node={node} />
      <p className="inspector__id">
        id <code>{node.id}</code>
      </p>
      <NodeCost nodeId={node.id} />
      <ConnectTo node={node} />
      <InspectedNode.Provider value={node.id}>
        {kind.params.map((desc) => (
          <ParamField
            key={desc.key}
            desc={desc}
            value={getAt(shown.params, desc.key)}
            onCommit={(v) => commit(desc.key, v)}
          />
        ))}
      </InspectedNode.Provider>
      {clock !== null && <OperatorActions target={node} />}
      <NodeTracesButton nodeId={node.id} />
      <div className="inspector__actions">
        <button type="button" className="btn" onClick={() => duplicate([node.id])}>
          Duplicate
        </button>
        <button type="button" className="btn btn--danger" onClick={() => remove([node.id])}>
          Delete node
        </button>
      </div>
    </section>
  );
}
