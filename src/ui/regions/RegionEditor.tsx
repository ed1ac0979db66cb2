/**
 * The scenario's regions: add, rename, remove, name zones, set the one-way latency between
 * each pair, and put a region down or cut it off (faults at the current simulated time).
 * Lazy: only a design that is being placed on a map loads it.
 */
import { useState } from 'react';
import { latencyBetween, type Region } from '../../model/regions.ts';
import type { FaultKind } from '../../model/types.ts';
import { distMeanMs } from '../../analysis/queueing/general.ts';
import { useAppStore } from '../../store/index.ts';
import type { EditResult, GraphSlice } from '../../store/graphSlice.ts';
import {
  addRegion,
  removeRegion,
  renameRegion,
  setLatency,
  setZones,
} from '../../store/regionOps.ts';
import { TextField } from '../inspector/TextField.tsx';
import { useRunClient } from '../run/RunClientContext.ts';
import { regionHue } from './regionBoxes.ts';
import './regions.css';

const zoneList = (text: string) =>
  text
    .split(',')
    .map((z) => z.trim())
    .filter((z) => z !== '');

export function RegionEditor() {
  const regions = useAppStore((s) => s.doc.regions) ?? [];
  const edit = useAppStore((s) => s.editRegions);
  const [error, setError] = useState<string | null>(null);
  const apply = (r: EditResult): EditResult => {
    setError(r.ok ? null : r.message);
    return r;
  };
  return (
    <section className="region-editor" aria-labelledby="region-editor-title">
      <h3 className="panel-title" id="region-editor-title">
        Regions
      </h3>
      {regions.length === 0 && (
        <p className="inspector__lead">
          One region: no call pays for distance. Add regions to place nodes on a map; a call between
          two regions pays the latency between them each way.
        </p>
      )}
      {regions.map((r, i) => (
        <RegionRow key={r.name} region={r} index={i} edit={edit} apply={apply} />
      ))}
      {regions.length > 1 && <LatencyMatrix regions={regions} edit={edit} apply={apply} />}
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="btn" onClick={() => apply(edit(addRegion))}>
        Add region
      </button>
    </section>
  );
}

interface RowProps {
  region: Region;
  index: number;
  edit: GraphSlice['editRegions'];
  apply: (r: EditResult) => EditResult;
}

function RegionRow({ region, index, edit, apply }: RowProps) {
  const name = region.name;
  return (
    <div
      className="region-editor__row"
      style={{ ['--region-hue' as string]: regionHue(index) }}
      data-region={name}
    >
      <div>
        <TextField
          label={`Region ${index + 1} name`}
          value={name}
          onCommit={(to) => edit((doc) => renameRegion(doc, name, to.trim()))}
        />
        <TextField
          label={`Zones of ${name}`}
          value={(region.zones ?? []).join(', ')}
          onCommit={(text) => edit((doc) => setZones(doc, name, zoneList(text)))}
        />
        <RegionFaults name={name} />
      </div>
      <button
        type="button"
        className="btn btn--danger"
        aria-label={`Remove region ${name}`}
        onClick={() => apply(edit((doc) => removeRegion(doc, name)))}
      >
        Remove
      </button>
    </div>
  );
}

/** Put the region down, or cut it off, from now on (a fault on the timeline; Reset replays it). */
function RegionFaults({ name }: { name: string }) {
  const client = useRunClient();
  const simNowS = useAppStore((s) => s.simNowS);
  const finished = useAppStore((s) => s.runStatus === 'done');
  const add = (kind: FaultKind) =>
    void client.inject({ atS: Math.round(simNowS * 10) / 10, kind, target: name });
  return (
    <div className="region-editor__faults">
      <button
        type="button"
        className="btn btn--small"
        disabled={finished}
        onClick={() => add('regionDown')}
      >
        Take {name} down
      </button>
      <button
        type="button"
        className="btn btn--small"
        disabled={finished}
        onClick={() => add('regionPartition')}
      >
        Cut {name} off
      </button>
    </div>
  );
}

function LatencyMatrix({
  regions,
  edit,
  apply,
}: {
  regions: Region[];
  edit: RowProps['edit'];
  apply: RowProps['apply'];
}) {
  return (
    <table className="region-editor__matrix">
      <caption>One-way latency between regions (ms)</caption>
      <thead>
        <tr>
          <th scope="col" />
          {regions.slice(1).map((r) => (
            <th key={r.name} scope="col">
              {r.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {regions.slice(0, -1).map((a, i) => (
          <tr key={a.name}>
            <th scope="row">{a.name}</th>
            {regions.slice(1).map((b, j) =>
              j < i ? (
                <td key={b.name} />
              ) : (
                <td key={b.name}>
                  <input
                    type="number"
                    min={0}
                    aria-label={`Latency ${a.name} to ${b.name} (ms)`}
                    defaultValue={distMeanMs(latencyBetween(regions, a.name, b.name)!)}
                    onChange={(e) => {
                      const ms = e.target.valueAsNumber;
                      if (Number.isFinite(ms))
                        apply(edit((doc) => setLatency(doc, a.name, b.name, ms)));
                    }}
                  />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
