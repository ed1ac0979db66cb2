/**
 * A stand-in engine with the real `Simulation` interface: one event every 1/eventsPerS simulated
 * seconds, one window per second with figures derived from the window's index and the seed, so
 * the run loop and the worker door can be tested on their own.
 */
import type {
  RunProgress,
  SimResult,
  Simulation,
  SimulationOptions,
  WindowStats,
} from '../../src/engine/types.ts';
import type { Action, Fault, Scenario } from '../../src/model/types.ts';

export interface FakeEngineLog {
  injected: Fault[];
  acted?: Action[];
}

export function fakeWindow(doc: Scenario, seed: number, index: number, windowS = 1): WindowStats {
  const base = (seed % 97) + index;
  const w: WindowStats = {
    tS: (index + 1) * windowS,
    startS: index * windowS,
    lengthS: windowS,
    warmup: (index + 1) * windowS <= doc.warmupS,
    throughputRps: 100 + base,
    okRps: 99 + base,
    failedRps: 1,
    errorRate: 1 / (100 + base),
    latencyMs: { p50: 10 + base / 10, p95: 20 + base, p99: 30 + base, mean: 12 },
    errors: { timeout: 1 },
    nodes: {},
    edges: {},
  };
  doc.nodes.forEach((n, k) => {
    w.nodes[n.id] = {
      arrivals: 100 + k,
      ok: 99,
      failed: 1,
      throughputRps: 100 + base + k,
      utilization: ((base + k) % 10) / 10,
      queueLength: k + 0.5,
      queueNow: k,
      p50Ms: 5 + k,
      p99Ms: 50 + base,
      ...(n.type === 'cache' ? { hitRatio: 0.75 } : {}),
      ...(n.type === 'service' ? { replicas: 3, healthyReplicas: 3 } : {}),
    };
  });
  doc.edges.forEach((e, k) => {
    w.edges[e.id] = { calls: 100 + k + base, failed: k, ...(k === 0 ? { breaker: 'open' } : {}) };
  });
  return w;
}

export function createFakeSimulation(
  doc: Scenario,
  opts: SimulationOptions,
  log?: FakeEngineLog,
  eventsPerS = 1000,
  /** Called with the events each call processed, so a test clock can charge for the work. */
  onWork?: (events: number) => void,
): Simulation {
  const seed = opts.seed ?? doc.seed;
  const durationS = opts.durationS ?? doc.durationS;
  const budget = opts.eventBudget ?? Number.POSITIVE_INFINITY;
  const windowS = opts.windowS ?? 1;
  let events = 0;
  let emittedWindows = 0;
  let pending: WindowStats[] = [];
  const nowS = () => events / eventsPerS;
  const sim: Simulation = {
    get nowS() {
      return nowS();
    },
    runUntil(tS: number, maxEvents = Number.POSITIVE_INFINITY): RunProgress {
      const targetEvents = Math.min(Math.min(tS, durationS) * eventsPerS, budget);
      const before = events;
      events = Math.max(events, Math.min(Math.floor(targetEvents), before + maxEvents));
      onWork?.(events - before);
      while ((emittedWindows + 1) * windowS <= nowS() + 1e-9) {
        pending.push(fakeWindow(doc, seed, emittedWindows, windowS));
        emittedWindows += 1;
      }
      const atEnd = nowS() >= durationS - 1e-9;
      const atBudget = events >= budget;
      const stoppedBy = atBudget
        ? 'budget'
        : atEnd
          ? 'end'
          : events - before >= maxEvents
            ? 'events'
            : 'time';
      return { nowS: nowS(), events, done: atEnd || atBudget, stoppedBy };
    },
    inject(fault: Fault) {
      log?.injected.push(fault);
    },
    act(action: Action) {
      log?.acted?.push(action);
      return true;
    },
    stopAtTimeLimit() {
      throw new Error('fake engine: only the headless runner stops at a time limit');
    },
    drainWindows() {
      const out = pending;
      pending = [];
      return out;
    },
    snapshot(): SimResult {
      const result: SimResult = {
        name: doc.name,
        seed,
        durationS,
        warmupS: doc.warmupS,
        events,
        wallMs: 0,
        requests: { total: events, ok: events, failed: 0 },
        throughputRps: 100,
        errorRate: 0,
        latencyMs: { mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 },
        nodes: {},
        timeline: [],
      };
      if (events >= budget)
        result.truncated = {
          reason: 'eventBudget',
          atS: nowS(),
          events,
          message: `Stopped at the event budget (${events} events).`,
        };
      return result;
    },
  };
  return sim;
}
