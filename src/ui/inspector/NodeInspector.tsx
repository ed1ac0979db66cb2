/** A node's name and every param its kind describes. */
import type { ScenarioNode } from '../../model/types.ts';
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt, setAt } from '../../store/docOps.ts';
import { ParamField } from './ParamField.tsx';
import { TextField } from './TextField.tsx';
import { KindIcon } from '../icons/KindIcon.tsx';
import { ConnectTo } from './ConnectTo.tsx';

export function NodeInspector({ node }: { node: ScenarioNode }) {
  const kind = KIND_DESCRIPTIONS[node.type];
  const updateParams = useAppStore((s) => s.updateNodeParams);
  const updateLabel = useAppStore((s) => s.updateNodeLabel);
  const duplicate = useAppStore((s) => s.duplicate);
  const remove = useAppStore((s) => s.removeElements);
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
      <p className="inspector__id">
        id <code>{node.id}</code>
      </p>
      <ConnectTo node={node} />
      {kind.params.map((desc) => (
        <ParamField
          key={desc.key}
          desc={desc}
          value={getAt(node.params, desc.key)}
          onCommit={(v) => updateParams(node.id, setAt(node.params, desc.key, v))}
        />
      ))}
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
