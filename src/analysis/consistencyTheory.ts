/**
 * Consistency beside the measurement, where an exact argument gives the figure: a replica of a
 * primary with synchronous replication, or with a quorum whose reads meet every write (R + W >
 * N), never returns a stale read; a copy of a group with sticky sessions never serves a read that
 * goes back in time. Each holds while every replication edge of the group carries writes: a
 * partition (with onPartition serve, a write then waits for fewer copies) voids the argument,
 * and the row says so instead of predicting.
 */
import type { SimResult } from '../engine/types.ts';
import type { Scenario, ScenarioNode } from '../model/types.ts';
import type { TheoryRow } from './theoryCompare.ts';

type Database = Extract<ScenarioNode, { type: 'database' }>;

/** The database that feeds `n` over a replication edge, if any. */
function upstreamOf(doc: Scenario, n: ScenarioNode): Database | undefined {
  for (const e of doc.edges) {
    if (e.kind !== 'replication' || e.target !== n.id) continue;
    const up = doc.nodes.find((x) => x.id === e.source);
    if (up?.type === 'database') return up;
  }
  return undefined;
}

/** Why the group of `primary` may read stale despite its mode ('' when nothing does). */
function voided(doc: Scenario, primary: Database): string {
  const group = new Set(
    doc.edges.filter((e) => e.kind === 'replication' && e.source === primary.id).map((e) => e.id),
  );
  const cut = doc.faults.find((f) => f.target !== undefined && group.has(f.target));
  if (cut !== undefined) return `not predicted: ${cut.kind} on replication edge ${cut.target}`;
  if (doc.faults.some((f) => f.target === primary.id))
    return `not predicted: a fault hits the primary`;
  return '';
}

/** Whether `primary`'s mode makes every read fresh, and in which words. */
function freshBy(doc: Scenario, primary: Database): string {
  const p = primary.params;
  if (p.multiPrimary) return '';
  if (p.replicationMode === 'sync') return 'sync replication';
  if (p.replicationMode !== 'quorum') return '';
  const n = 1 + doc.edges.filter((e) => e.kind === 'replication' && e.source === primary.id).length;
  return p.readQuorum + Math.min(p.writeQuorum, n) > n
    ? `quorum R ${p.readQuorum} + W ${p.writeQuorum} > N ${n}`
    : '';
}

function exact(
  nodeId: string,
  model: string,
  metric: TheoryRow['metric'],
  measured: number,
  note: string,
  why: string,
): TheoryRow {
  const predicted = why ? null : 0;
  const relativeError = predicted === null ? null : measured === 0 ? 0 : null;
  return { nodeId, model, metric, predicted, measured, relativeError, note: why || note };
}

export function consistencyRows(doc: Scenario, result: SimResult): TheoryRow[] {
  const rows: TheoryRow[] = [];
  for (const n of doc.nodes) {
    const m = result.nodes[n.id];
    if (n.type !== 'database' || m === undefined) continue;
    const primary = upstreamOf(doc, n) ?? n;
    const why = voided(doc, primary);
    const model = freshBy(doc, primary);
    if (model && primary !== n && typeof m.staleReadShare === 'number') {
      const note = 'exact: a read sees every acknowledged write';
      rows.push(exact(n.id, model, 'stale-read share', m.staleReadShare, note, why));
    }
    if (primary.params.sessions === 'sticky' && typeof m.monotonicViolations === 'number') {
      const note = 'exact: a session reads one copy, whose versions only grow';
      rows.push(
        exact(
          n.id,
          'sticky sessions',
          'monotonic-read violations',
          m.monotonicViolations,
          note,
          '',
        ),
      );
    }
  }
  return rows;
}
