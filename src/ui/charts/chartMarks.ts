/**
 * The marks every chart draws over its time axis, on the page and in the exports: the faults as
 * bands, the run's actions as lines. Another source of marks (an objective's alerts, say) joins
 * here, in `chartMarks`: every chart and every export then draws it, with no edit elsewhere.
 */
import { useMemo } from 'react';
import { useAppStore } from '../../store/index.ts';
import type { Scenario } from '../../model/types.ts';
import { faultSpans } from '../faults/faultSpans.ts';
import { actionLabel } from '../faults/actionInfo.ts';
import { useAlertSpans } from '../objectives/alertSpans.ts';

export interface ChartMark {
  key: string;
  startS: number;
  /** Equal to `startS` for an instant (a line), later for a span (a band). */
  endS: number;
  color: string;
  /** The mark's tooltip. */
  label: string;
  /** The SVG class of the mark's group, e.g. `fault-marker`. */
  className: string;
}

const ACTION_COLOR = '#5b6b84';

export function chartMarks(doc: Scenario): ChartMark[] {
  return [
    ...faultSpans(doc).map((f) => ({ ...f, className: 'fault-marker' })),
    ...(doc.actions ?? []).map((a, i) => ({
      key: `action-${i}`,
      startS: a.atS,
      endS: a.atS,
      color: ACTION_COLOR,
      label: `Action at ${a.atS} s: ${actionLabel(doc, a)}`,
      className: 'action-marker',
    })),
  ];
}

export function useChartMarks(): ChartMark[] {
  // Only what the marks are made of: a chart must not redraw when a node is dragged.
  const faults = useAppStore((s) => s.doc.faults);
  const durationS = useAppStore((s) => s.doc.durationS);
  const actions = useAppStore((s) => s.doc.actions);
  // The run's alerts, fire to resolve (a span still firing is cut at the newest row).
  const alerts = useAlertSpans(durationS);
  return useMemo(() => {
    void [faults, durationS, actions]; // the document as it is when these change
    const marks = chartMarks(useAppStore.getState().doc);
    return alerts.length === 0
      ? marks
      : [...marks, ...alerts.map((a) => ({ ...a, className: 'alert-marker' }))];
  }, [faults, durationS, actions, alerts]);
}
