/** Nothing selected: the scenario's own fields (name, seed, duration, warm-up). */
import type { ParamDescriptor } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { ParamField } from './ParamField.tsx';
import { TextField } from './TextField.tsx';
import { Suspense } from 'react';
import { LazyRegionEditor } from '../regions/lazyRegions.ts';

const FIELDS: ReadonlyArray<ParamDescriptor & { key: 'seed' | 'durationS' | 'warmupS' }> = [
  {
    key: 'seed',
    label: 'Seed',
    help: 'The same document and seed give the same numbers on every machine; change it to see another sample.',
    control: 'integer',
    min: 0,
    max: 4294967295,
  },
  {
    key: 'durationS',
    label: 'Duration',
    help: 'Simulated time a run lasts.',
    unit: 's',
    control: 'number',
    min: 1,
  },
  {
    key: 'warmupS',
    label: 'Warm-up',
    help: 'Requests created before this are simulated but not counted, so the results show the steady state.',
    unit: 's',
    control: 'number',
    min: 0,
  },
];

export function ScenarioInspector() {
  const doc = useAppStore((s) => s.doc);
  const update = useAppStore((s) => s.updateDocFields);
  return (
    <section className="inspector__section">
      <h2 className="panel-title">Scenario</h2>
      <TextField label="Scenario name" value={doc.name} onCommit={(name) => update({ name })} />
      {FIELDS.map((desc) => (
        <ParamField
          key={desc.key}
          desc={desc}
          value={doc[desc.key]}
          onCommit={(v) => update({ [desc.key]: v })}
        />
      ))}
      <p className="inspector__lead">
        {doc.nodes.length} nodes, {doc.edges.length} edges, {doc.faults.length} faults. Select a
        node or an edge to edit it.
      </p>
      <Suspense fallback={null}>
        <LazyRegionEditor />
      </Suspense>
    </section>
  );
}
