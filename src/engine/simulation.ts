/**
 * `createSimulation`: builds the kernel, the edges, the node behaviours (from the registry), the
 * faults and the windows from a loaded document, and returns the `Simulation` face.
 */
import type { Action, Fault, Scenario } from '../model/types.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import { Actions, actionsTouchEdges, buildShape, plannedReplicas } from './actions.ts';
import { ClassStats } from './classes/classStats.ts';
import { classTable } from './classes/classTable.ts';
import { EdgeRuntime } from './edge.ts';
import { Faults } from './faults.ts';
import { EV_WARMUP, EV_WINDOW, Kernel } from './kernel.ts';
import { MAX_IN_FLIGHT } from './limits.ts';
import { buildResult } from './metrics/result.ts';
import { Windows } from './metrics/windows.ts';
import { nodeRegistry, UnsupportedKindError } from './nodes/registry.ts';
import { regionFaultParts } from './regionFaults.ts';
import { RegionStats } from './metrics/regionStats.ts';
import { placeEdgesInRegions } from './regionLatency.ts';
import { ObjectiveMonitor } from './objectives/monitor.ts';
import { createCallPolicy, ResiliencePolicy } from './policies/resilience.ts';
import { Rng } from './rng.ts';
import { Tracer } from './tracing/tracer.ts';
import type { RunProgress, SimResult, Simulation, SimulationOptions } from './types.ts';

export function createSimulation(doc: Scenario, opts: SimulationOptions = {}): Simulation {
  const seed = opts.seed ?? doc.seed;
  const durationS = opts.durationS ?? doc.durationS;
  const windowS = opts.windowS ?? 1;
  const budget = opts.eventBudget ?? Infinity;
  const rng = new Rng(seed);

  const nodeIndex = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const edgeIndex = new Map(doc.edges.map((e, i) => [e.id, i]));
  const edges = doc.edges.map((e, i) => {
    const s = nodeIndex.get(e.source);
    const t = nodeIndex.get(e.target);
    if (s === undefined || t === undefined) {
      throw new Error(
        `edge "${e.id}": endpoint "${s === undefined ? e.source : e.target}" is not a node`,
      );
    }
    return new EdgeRuntime(i, e, s, t, rng);
  });
  placeEdgesInRegions(doc, edges, rng);
  const k = new Kernel(
    rng,
    edges,
    doc.warmupS,
    budget,
    opts.maxInFlight ?? MAX_IN_FLIGHT,
    opts.windows ?? true,
  );
  k.policy = createCallPolicy(k, doc, actionsTouchEdges(doc));
  const tracer = opts.tracing ? new Tracer(k, opts.tracing, seed, windowS) : null;
  k.tracer = tracer;
  // Requests carry a key or a source address only when some node's kind reads it.
  const reads = doc.nodes.map((n) => KIND_DESCRIPTIONS[n.type].reads?.(n.params) ?? {});
  k.needKeys = reads.some((r) => r.key === true);
  k.needSources = reads.some((r) => r.source === true);
  k.classes = classTable(doc);
  const classCount = k.classes.count;
  if (classCount > 0)
    k.global.byClass = new ClassStats(
      k,
      Array.from({ length: classCount }, (_, i) => i),
      true,
      false,
    );
  const planned = plannedReplicas(doc);
  k.nodes = doc.nodes.map((node, index) => {
    const factory = nodeRegistry[node.type];
    if (!factory) throw new UnsupportedKindError(node.id, node.type);
    const out = edges
      .filter((e) => e.source === index && e.doc.kind === 'call')
      .map((e) => e.index);
    return factory({ kernel: k, node, index, out, targets: doc.nodes, plannedReplicas: planned });
  });
  k.stats = k.nodes.map((n) => n.stats);
  if (doc.regions !== undefined && doc.regions.length > 0)
    k.global.byRegion = new RegionStats(doc.regions, doc.nodes, k.stats, doc.warmupS);

  // One client that nothing calls: its departures are exactly the requests' end-to-end ones.
  const clients = k.nodes.filter((n) => n.type === 'client');
  if (clients.length === 1 && !edges.some((e) => e.target === clients[0]!.index)) {
    k.global.shareWithClient(clients[0]!.stats);
  }

  const faults = new Faults(
    k,
    nodeIndex,
    edgeIndex,
    (i) => {
      const n = doc.nodes[i]!;
      return n.type === 'service' ? n.params.replicas : 1;
    },
    new Set((doc.regions ?? []).map((r) => r.name)),
    // Every region fault, from the document or live, passes here once.
    (f) => {
      k.global.byRegion?.faulted(f);
      return regionFaultParts(doc, f);
    },
  );
  const actions = new Actions(k, doc, nodeIndex, edgeIndex);
  const windows = new Windows(k, windowS, durationS);
  const monitor =
    (doc.objectives ?? []).length > 0
      ? new ObjectiveMonitor(k, doc, nodeIndex, actions, durationS, windowS)
      : null;
  /** Close windows (`close` or `finish`); the objectives are watched at each timeline point. */
  const closeWindows = (t: number, end: boolean): void => {
    const points = windows.timeline.length;
    if (end) windows.finish(t);
    else windows.close(t);
    if (monitor !== null && windows.timeline.length > points) monitor.onPoint(t);
    if (monitor !== null && end) monitor.finish(t);
  };
  k.hooks = {
    onFault: (i, code) => faults.onEvent(i, code),
    onWindow: (t) => {
      closeWindows(t, false);
      if (t + windowS < durationS) k.queue.push(t + windowS, EV_WINDOW, 0, 0, 0);
    },
    onWarmup: (t) => k.nodes.forEach((n) => n.stats.markWarmup(t)),
    onAction: (i) => actions.onEvent(i),
  };
  for (const f of doc.faults) faults.add(f);
  for (const a of doc.actions ?? []) actions.add(a);
  /** The document the run now stands for: the built one plus the actions taken live. */
  let current = doc;
  if (windowS < durationS) k.queue.push(windowS, EV_WINDOW, 0, 0, 0);
  if (doc.warmupS > 0) k.queue.push(doc.warmupS, EV_WARMUP, 0, 0, 0);
  for (const n of k.nodes) n.start();

  let done = false;
  let truncated: SimResult['truncated'];
  const progress = (stoppedBy: RunProgress['stoppedBy']): RunProgress => ({
    nowS: k.now,
    events: k.events,
    done,
    stoppedBy,
  });
  const stopEarly = (reason: NonNullable<SimResult['truncated']>['reason'], why: string): void => {
    const atS = k.now;
    const message = `stopped at ${atS.toFixed(3)} s of ${durationS} s: ${why}`;
    truncated = { reason, atS, events: k.events, message };
    done = true;
    closeWindows(atS, true);
  };

  return {
    runUntil(tS: number, maxEvents = Infinity): RunProgress {
      if (done) return progress('end');
      const stop = k.run(Math.min(tS, durationS), maxEvents);
      if (stop === 'budget') {
        stopEarly(
          'eventBudget',
          `the event budget of ${budget} events ran out (shorten durationS or lower the load)`,
        );
        return progress('budget');
      }
      if (stop === 'inFlight') {
        stopEarly(
          'inFlight',
          `more than ${k.maxInFlight} calls (requests and their downstream calls) were in flight at once (the system cannot keep up with its load)`,
        );
        return progress('budget');
      }
      if (stop === 'events') return progress('events');
      if (k.now >= durationS) {
        done = true;
        closeWindows(durationS, true);
        return progress('end');
      }
      return progress('time');
    },
    inject(fault: Fault): void {
      if (fault.atS < k.now - 1e-9) {
        throw new Error(`inject: fault at ${fault.atS} s is in the past (now ${k.now} s)`);
      }
      faults.add(fault);
    },
    act(action: Action): boolean {
      if (action.atS < k.now - 1e-9) {
        throw new Error(`act: action at ${action.atS} s is in the past (now ${k.now} s)`);
      }
      const next = { ...current, actions: [...(current.actions ?? []), action] };
      if (buildShape(next) !== buildShape(current)) return false;
      current = next;
      if (edgeIndex.has(action.target) && !(k.policy instanceof ResiliencePolicy)) {
        k.policy = new ResiliencePolicy(k, doc);
      }
      actions.add(action);
      return true;
    },
    stopAtTimeLimit(limitS: number): void {
      if (done) return;
      stopEarly(
        'timeLimit',
        `the headless time limit of ${limitS} s of wall time ran out (shorten durationS or lower the load; where it stops depends on the machine)`,
      );
    },
    drainWindows: () => windows.drain(),
    drainObjectives: () => monitor?.drain() ?? null,
    drainTraces: (end = false) => tracer?.drain(end) ?? null,
    tracingCounts: () => (tracer === null ? null : { ...tracer.counts }),
    snapshot(): SimResult {
      const meta = { name: doc.name, seed, durationS, warmupS: doc.warmupS };
      const result = buildResult(
        k,
        windows,
        truncated === undefined ? meta : { ...meta, truncated },
      );
      if (monitor !== null) {
        result.alerts = monitor.alerts.slice();
        result.budgets = monitor.budgets();
        const worst = monitor.windows();
        if (Object.keys(worst).length > 0) result.objectiveWindows = worst;
      }
      return result;
    },
    get nowS(): number {
      return k.now;
    },
    debug: () => ({ liveCalls: k.pool.live, queuedEvents: k.queue.size }),
  };
}
