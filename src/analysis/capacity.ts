/**
 * Where theory says the design saturates: for each station (a node whose kind's theory hook says
 * it has workers, ./nodeTheory.ts), its utilization at the design's own load (offered rate × mean
 * service time / servers), and so the total client rate at which it reaches 100 %. The first to saturate is the predicted bottleneck. For a blocking
 * service that calls downstream, a worker is held for the calls too, so its true limit is lower
 * than this figure (`atMost: true`).
 */
import type { SimResult } from '../engine/types.ts';
import type { Scenario, ScenarioNode } from '../model/types.ts';
import { offeredRates, totalRps, type Rate } from './flow.ts';
import { stationOf, stationService } from './nodeTheory.ts';
import { openClientRps } from './sweep.ts';

export interface Saturation {
  nodeId: string;
  /** Utilization at the document's own load. */
  utilization: number;
  /** Total open-client rate (rps) at which the node reaches 100 %. */
  saturatesAtRps: number;
  /** True when the node holds workers during downstream calls: it saturates sooner. */
  atMost: boolean;
}

function capacityPerMs(n: ScenarioNode, rate: Rate): { busyPerMs: number; servers: number } | null {
  const st = stationOf(n);
  if (!st) return null;
  const s = stationService(st, rate.read, rate.write);
  return { busyPerMs: (totalRps(rate) / 1000) * s.meanMs, servers: st.servers * st.replicas };
}

/** Every node with workers, the first to saturate first. */
export function saturationPoints(doc: Scenario, result?: SimResult): Saturation[] {
  const rates = offeredRates(doc, result);
  const base = openClientRps(doc);
  const out: Saturation[] = [];
  for (const n of doc.nodes) {
    const rate = rates.get(n.id);
    const cap = rate ? capacityPerMs(n, rate) : null;
    if (!cap || cap.busyPerMs <= 0) continue;
    const utilization = cap.busyPerMs / cap.servers;
    const calls = doc.edges.some((e) => e.source === n.id && e.kind === 'call');
    out.push({
      nodeId: n.id,
      utilization,
      saturatesAtRps: base / utilization,
      atMost: (stationOf(n)?.holdsWorkerDuringCalls ?? false) && calls,
    });
  }
  return out.sort((a, b) => a.saturatesAtRps - b.saturatesAtRps);
}
