/**
 * The fault timeline under the charts: the run's span [0, durationS] with each fault of the
 * document as a bar in its kind's colour (overlapping faults get lanes of their own) and a
 * playhead at the simulated clock. Bars move and stretch by dragging; a click opens the editor.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Fault } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { faultEnd, faultLabel, faultName } from './faultInfo.ts';
import { FaultBar, LANE_PX } from './FaultBar.tsx';
import { FaultEditor } from './FaultEditor.tsx';
import { timeTicks } from './timeTicks.ts';
import { ActionEditor } from './ActionEditor.tsx';
import { ACTION_LANE_PX, ActionMark } from './ActionMark.tsx';
import { actionLabel, actionLabelPx, actionLanes, actionName } from './actionInfo.ts';
import { AlertTrack } from '../objectives/AlertTrack.tsx';
import './faults.css';

const AXIS_PX = 12;

/** Lane per fault, first fit by start time, so bars that overlap in time never overlap. A bar
 * whose label is drawn after it reserves the label's span too (`labelS`, seconds per fault). */
export function assignLanes(
  faults: readonly Fault[],
  durationS: number,
  labelS: (i: number) => number = () => 0,
): number[] {
  const order = faults
    .map((_, i) => i)
    .sort((a, b) => (faults[a]?.atS ?? 0) - (faults[b]?.atS ?? 0));
  const laneEnds: number[] = [];
  const lanes: number[] = faults.map(() => 0);
  for (const i of order) {
    const f = faults[i];
    if (f === undefined) continue;
    const end = Math.max(faultEnd(f, durationS) + labelS(i), f.atS + durationS / 50);
    let lane = laneEnds.findIndex((e) => e <= f.atS);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = end;
    lanes[i] = lane;
  }
  return lanes;
}

/** About how wide a label is drawn at the bar's 10 px font, with the bar's padding. */
const labelPx = (label: string) => label.length * 6 + 14;

export type LabelPlace = 'inside' | 'after' | 'before';

export function labelPlacement(
  f: Fault,
  label: string,
  durationS: number,
  trackPx: number,
): LabelPlace {
  if (trackPx <= 0) return 'inside'; // not measured yet
  const pxPerS = trackPx / durationS;
  const barPx = Math.max(6, (faultEnd(f, durationS) - f.atS) * pxPerS);
  const need = labelPx(label);
  if (barPx >= need) return 'inside';
  return faultEnd(f, durationS) * pxPerS + need <= trackPx ? 'after' : 'before';
}

/** The track's width in pixels, kept up to date as the window resizes. */
function useTrackWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [px, setPx] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = () => setPx(el.getBoundingClientRect().width);
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [ref]);
  return px;
}

const tickShift = (t: number, durationS: number) =>
  t === 0 ? '50% 0' : t >= durationS ? '-50% 0' : undefined;

export function FaultTimeline() {
  const doc = useAppStore((s) => s.doc);
  const simNowS = useAppStore((s) => s.simNowS);
  const [selected, setSelected] = useState<number | null>(null);
  const [selectedAction, setSelectedAction] = useState<number | null>(null);
  const actions = useMemo(() => doc.actions ?? [], [doc.actions]);
  const chosenAction = selectedAction === null ? undefined : actions[selectedAction];
  const track = useRef<HTMLDivElement>(null);
  const durationS = Math.max(doc.durationS, 1);
  const trackPx = useTrackWidth(track);
  // A bar too short for its label shows the label after it (before it at the right end).
  const placements = useMemo(
    () => doc.faults.map((f) => labelPlacement(f, faultLabel(doc, f), durationS, trackPx)),
    [doc, durationS, trackPx],
  );
  const lanes = useMemo(
    () =>
      assignLanes(doc.faults, durationS, (i) =>
        placements[i] === 'after'
          ? labelPx(faultLabel(doc, doc.faults[i]!)) * (durationS / trackPx)
          : 0,
      ),
    [doc, durationS, placements, trackPx],
  );
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  const chosen = selected === null ? undefined : doc.faults[selected];
  const ticks = useMemo(() => timeTicks(durationS), [durationS]);
  const actionLane = useMemo(
    () =>
      actionLanes(
        actions.map((a) => ({
          x: (a.atS / durationS) * trackPx,
          width: actionLabelPx(actionLabel(doc, a)),
          left: a.atS > durationS / 2,
        })),
      ),
    [actions, doc, durationS, trackPx],
  );
  const actionLaneCount = Math.max(1, ...actionLane.map((l) => l + 1));

  return (
    <section className="fault-timeline" aria-label="Fault timeline">
      <div className="fault-timeline__head">
        <span className="fault-timeline__title">Faults</span>
        <span>
          {doc.faults.length === 0
            ? 'None yet: select a node or an edge and inject one from the inspector.'
            : 'Drag a bar to move it, its right edge to stretch it; click to edit.'}
        </span>
      </div>
      <div
        ref={track}
        className="fault-timeline__track"
        style={{ height: laneCount * LANE_PX + AXIS_PX + 4 }}
      >
        {ticks.map(({ t, label }) => (
          <span
            key={t}
            className="fault-timeline__tick"
            // The end ticks stay inside the track instead of being cut in half.
            style={{ left: `${(t / durationS) * 100}%`, translate: tickShift(t, durationS) }}
          >
            {label}
          </span>
        ))}
        {doc.faults.map((f, i) => (
          <FaultBar
            key={i}
            index={i}
            fault={f}
            durationS={durationS}
            lane={lanes[i] ?? 0}
            name={faultName(doc, f)}
            label={faultLabel(doc, f)}
            labelPlace={placements[i] ?? 'inside'}
            selected={i === selected}
            trackWidth={() => track.current?.getBoundingClientRect().width ?? 0}
            onSelect={(index) => setSelected(index === selected ? null : index)}
          />
        ))}
        <div
          className="fault-timeline__playhead"
          data-testid="fault-playhead"
          style={{ left: `${(Math.min(simNowS, durationS) / durationS) * 100}%` }}
        />
      </div>
      <div className="fault-timeline__head">
        <span className="fault-timeline__title">Actions</span>
        <span>
          {actions.length === 0
            ? 'None yet: change a param while the run goes on and it is recorded here.'
            : 'Changes made while running, replayed after Reset. Drag to move; click to edit.'}
        </span>
      </div>
      {actions.length > 0 && (
        <div
          className="fault-timeline__track action-track"
          aria-label="Actions"
          style={{ height: actionLaneCount * ACTION_LANE_PX + 4 }}
        >
          {actions.map((a, i) => (
            <ActionMark
              key={i}
              index={i}
              action={a}
              durationS={durationS}
              lane={actionLane[i] ?? 0}
              name={actionName(doc, a)}
              label={actionLabel(doc, a)}
              selected={i === selectedAction}
              trackWidth={() => track.current?.getBoundingClientRect().width ?? 0}
              onSelect={(index) => setSelectedAction(index === selectedAction ? null : index)}
            />
          ))}
          <div
            className="fault-timeline__playhead"
            style={{ left: `${(Math.min(simNowS, durationS) / durationS) * 100}%` }}
          />
        </div>
      )}
      <AlertTrack durationS={durationS} />
      {chosenAction !== undefined && selectedAction !== null && (
        <ActionEditor
          index={selectedAction}
          action={chosenAction}
          name={actionName(doc, chosenAction)}
          onClose={() => setSelectedAction(null)}
        />
      )}
      {chosen !== undefined && selected !== null && (
        <FaultEditor
          index={selected}
          fault={chosen}
          name={faultName(doc, chosen)}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}
