/** The inspector's place of a node: its region and zone, from the document's regions. */
import { useId } from 'react';
import { regionOf } from '../../model/regions.ts';
import type { ScenarioNode } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { placeNode } from '../../store/regionOps.ts';
import './regions.css';

const NO_ZONE = '';

export function RegionField({ node }: { node: ScenarioNode }) {
  const regions = useAppStore((s) => s.doc.regions);
  const edit = useAppStore((s) => s.editRegions);
  const regionId = useId();
  const zoneId = useId();
  if (regions === undefined || regions.length === 0) return null;
  const region = regionOf(node, regions)!;
  const zones = regions.find((r) => r.name === region)?.zones ?? [];
  return (
    <>
      <div className="field">
        <div className="field__head">
          <label className="field__label" htmlFor={regionId}>
            Region
          </label>
        </div>
        <select
          id={regionId}
          className="field__input"
          value={region}
          onChange={(e) => edit((doc) => placeNode(doc, node.id, e.target.value, undefined))}
        >
          {regions.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {zones.length > 0 && (
        <div className="field">
          <div className="field__head">
            <label className="field__label" htmlFor={zoneId}>
              Zone
            </label>
          </div>
          <select
            id={zoneId}
            className="field__input"
            value={node.zone ?? NO_ZONE}
            onChange={(e) =>
              edit((doc) =>
                placeNode(
                  doc,
                  node.id,
                  region,
                  e.target.value === NO_ZONE ? undefined : e.target.value,
                ),
              )
            }
          >
            <option value={NO_ZONE}>none</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
