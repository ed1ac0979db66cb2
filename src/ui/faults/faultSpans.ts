/**
 * The document's faults as spans of simulated time with their colour, for the chart markers.
 * One memoised list per document, so charts that draw them redraw only when the faults change.
 */
import { useMemo } from 'react';
import { useAppStore } from '../../store/index.ts';
import { FAULT_COLORS, faultAmount, faultEnd } from './faultInfo.ts';
import type { Scenario } from '../../model/types.ts';

export interface FaultSpan {
  key: string;
  startS: number;
  endS: number;
  color: string;
  label: string;
}

/** A document's faults as spans (the charts export reads them once, with no hook). */
export function faultSpans(doc: Pick<Scenario, 'faults' | 'durationS'>): FaultSpan[] {
  return doc.faults.map((f, i) => ({
    key: `${i}-${f.kind}-${f.target}`,
    startS: f.atS,
    endS: faultEnd(f, doc.durationS),
    color: FAULT_COLORS[f.kind],
    label: `${f.kind} ${f.target} ${faultAmount(f)}`.trim(),
  }));
}

export function useFaultSpans(): FaultSpan[] {
  // Faults and duration only: a chart must not redraw when a node is dragged.
  const faults = useAppStore((s) => s.doc.faults);
  const durationS = useAppStore((s) => s.doc.durationS);
  return useMemo(() => faultSpans({ faults, durationS }), [faults, durationS]);
}
