/** The badges an edge wears: its kind when not a plain call, and each caller policy it has. */
import type { ScenarioEdge } from '../../model/types.ts';
import { formatDuration } from '../run/format.ts';

export interface EdgeBadge {
  key: 'kind' | 'timeout' | 'retry' | 'breaker' | 'fallback';
  text: string;
  title: string;
}

const KIND_TEXT = { replication: 'replication', deadLetter: 'dead letters' } as const;

export function edgeBadges(edge: ScenarioEdge): EdgeBadge[] {
  const out: EdgeBadge[] = [];
  if (edge.kind !== 'call') {
    const text = KIND_TEXT[edge.kind];
    out.push({ key: 'kind', text, title: `A ${text} link` });
  }
  if (edge.timeoutMs !== undefined) {
    const t = formatDuration(edge.timeoutMs);
    out.push({ key: 'timeout', text: `timeout ${t}`, title: `Calls give up after ${t}` });
  }
  if (edge.retry !== undefined) {
    const r = edge.retry;
    const budget =
      (r.budgetRatio === undefined ? '' : `, budget ${Math.round(r.budgetRatio * 100)} %`) +
      (r.tokenBucket === undefined ? '' : `, ${r.tokenBucket} retry tokens`) +
      (r.nonIdempotent === true ? ', no retry after a timeout (not idempotent)' : '');
    out.push({
      key: 'retry',
      text: `retry ×${r.max}${r.nonIdempotent === true ? ' (non-idempotent)' : ''}`,
      title: `Up to ${r.max} retries, first after ${formatDuration(r.backoffMs)} (×${r.multiplier} each${r.jitter ? ', jittered' : ''}${budget})`,
    });
  }
  if (edge.circuitBreaker !== undefined) {
    const b = edge.circuitBreaker;
    out.push({
      key: 'breaker',
      text: 'breaker',
      title: `Circuit breaker: opens at ${Math.round(b.failureRatio * 100)} % failures (≥ ${b.minRequests} calls), stays open ${formatDuration(b.openMs)}`,
    });
  }
  if (edge.fallback === true) {
    out.push({
      key: 'fallback',
      text: 'fallback',
      title: 'A failed call is answered with a fallback',
    });
  }
  return out;
}
