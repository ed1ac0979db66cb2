/**
 * The run's alerts as spans of simulated time (fired → resolved, or → now while firing), for the
 * charts' markers and the timeline's alert track. Page alerts red, tickets amber.
 */
import { useMemo } from 'react';
import type { AlertEvent } from '../../engine/objectives/types.ts';
import type { FaultSpan } from '../faults/faultSpans.ts';
import { useAppStore } from '../../store/index.ts';
import { useLiveObjectives } from './liveObjectives.ts';

export interface AlertSpan extends FaultSpan {
  severity: AlertEvent['severity'];
  /** Which alert: its id, and its pair for a burn-rate one ("burn/fast"). */
  alert: string;
  /** The automated response taken when it fired, as text. */
  response?: string;
  open: boolean;
}

const COLOR = { page: '#d64545', ticket: '#e08a00' } as const;

export function alertSpans(alerts: readonly AlertEvent[], endS: number): AlertSpan[] {
  const open = new Map<string, AlertSpan>();
  const out: AlertSpan[] = [];
  for (const a of alerts) {
    const id = `${a.alert}/${a.pair ?? ''}`;
    const name = a.pair !== undefined ? `${a.alert} (${a.pair})` : a.alert;
    if (a.event === 'fire') {
      const span: AlertSpan = {
        key: `alert-${id}-${a.tS}`,
        startS: a.tS,
        endS,
        color: COLOR[a.severity],
        label: `alert ${name} fired at ${a.tS} s (${a.severity}): ${a.reason}`,
        severity: a.severity,
        alert: id,
        open: true,
      };
      if (a.action !== undefined) {
        const act = a.action;
        span.response = `${'set' in act ? `set ${JSON.stringify(act.set)}` : act.op} on ${act.target}`;
        span.label += `; then ${span.response}`;
      }
      open.set(id, span);
      out.push(span);
    } else {
      const span = open.get(id);
      if (span === undefined) continue;
      if (a.event === 'escalate') {
        span.severity = 'page';
        span.color = COLOR.page;
        span.label += `; escalated at ${a.tS} s (level ${a.level})`;
      } else {
        span.endS = a.tS;
        span.open = false;
        span.label += `; resolved at ${a.tS} s`;
        open.delete(id);
      }
    }
  }
  return out;
}

/** The current run's alert spans, up to the simulated clock while they fire. */
export function useAlertSpans(endS: number): AlertSpan[] {
  // The alert lists only: a chart must not redraw for the figures that change every frame.
  const final = useAppStore((s) => s.runResult?.alerts);
  const live = useLiveObjectives((s) => s.alerts);
  const alerts = final ?? live;
  return useMemo(() => alertSpans(alerts, endS), [alerts, endS]);
}
