/**
 * The document's faults as spans of simulated time with their colour, for the chart markers.
 */
import { FAULT_COLORS, faultAmount, faultEnd } from './faultInfo.ts';
import type { Scenario } from '../../model/types.ts';

export interface FaultSpan {
  key: string;
  startS: number;
  endS: number;
  color: string;
  label: string;
}

/** A document's faults as spans (the charts draw them through chartMarks.ts). */
export function faultSpans(doc: Pick<Scenario, 'faults' | 'durationS'>): FaultSpan[] {
  return doc.faults.map((f, i) => ({
    key: `${i}-${f.kind}-${f.target}`,
    startS: f.atS,
    endS: faultEnd(f, doc.durationS),
    color: FAULT_COLORS[f.kind],
    label: `${f.kind} ${f.target} ${faultAmount(f)}`.trim(),
  }));
}
