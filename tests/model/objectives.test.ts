/** Objectives and alerts in the document: what loads, and every refusal names path and value. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import { defaultBurnWindows } from '../../src/model/objectives.ts';
import { OBJECTIVE_METRIC_NAMES } from '../../src/model/objectiveMetrics.ts';
import { serializeScenario } from '../../src/model/serialize.ts';

const base = {
  version: 1,
  durationS: 300,
  nodes: [
    { id: 'users', type: 'client' },
    { id: 'api', type: 'service' },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'api', circuitBreaker: {} }],
};

function load(extra: Record<string, unknown>) {
  return loadScenario({ ...base, ...extra });
}

function error(extra: Record<string, unknown>): string {
  const r = load(extra);
  if (r.ok) throw new Error('loaded');
  return r.error;
}

describe('objectives in the document', () => {
  it('loads the issue example with every field kept as written', () => {
    const objectives = [
      { id: 'fast', metric: 'p99Ms', max: 150 },
      { id: 'avail', metric: 'availability', min: 0.999 },
      { id: 'api', metric: 'p95Ms', node: 'api', max: 40 },
      { id: 'cheap', metric: 'costPerHour', max: 2.0 },
    ];
    const r = load({ objectives });
    expect(r.ok && r.scenario.objectives).toEqual(objectives);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('a document without objectives loads and writes exactly as before (no field added)', () => {
    const r = load({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect('objectives' in r.scenario).toBe(false);
    expect('alerts' in r.scenario).toBe(false);
    expect(serializeScenario(r.scenario)).not.toContain('objectives');
  });

  it('survives a write and a read', () => {
    const r = load({
      objectives: [{ id: 'avail', metric: 'availability', min: 0.99 }],
      alerts: [
        {
          id: 'burn',
          objective: 'avail',
          kind: 'burnRate',
          then: { target: 'e1', op: 'openBreaker' },
        },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    const again = loadScenario(serializeScenario(r.scenario));
    expect(again.ok && again.scenario).toEqual(r.scenario);
  });

  it.each([
    [
      { objectives: [{ id: 'a', metric: 'p99', max: 1 }] },
      'objectives[0].metric: is not a metric; did you mean "p99Ms"?',
      'got "p99"',
    ],
    [
      { objectives: [{ id: 'a', metric: 'latency', max: 1 }] },
      'objectives[0].metric: is not a metric (metrics: "p50Ms"',
      'got "latency"',
    ],
    [
      { objectives: [{ id: 'a', metric: 'p95Ms', node: 'apu', max: 40 }] },
      'objectives[0].node: no node has the id "apu"; did you mean "api"?',
      '"apu"',
    ],
    [
      { objectives: [{ id: 'a', metric: 'p99Ms' }] },
      'objectives[0]: needs a target: "max" (at most) or "min" (at least)',
      'got {"id":"a","metric":"p99Ms"}',
    ],
    [
      { objectives: [{ id: 'a', metric: 'availability', min: 1.5 }] },
      'objectives[0].min: must be a number from 0 to 1 for availability',
      'got 1.5',
    ],
    [
      { objectives: [{ id: 'a', metric: 'p99Ms', max: 'fast' }] },
      'objectives[0].max: must be a number',
      'got "fast"',
    ],
    [
      { objectives: [{ id: 'a', metric: 'costPerHour', node: 'api', max: 1 }] },
      'objectives[0].node: costPerHour is measured end to end only',
      'got "api"',
    ],
    [
      {
        objectives: [
          { id: 'a', metric: 'p99Ms', max: 1 },
          { id: 'a', metric: 'p50Ms', max: 1 },
        ],
      },
      'objectives[1].id: "a" is used by another objective',
      '"a"',
    ],
    [
      {
        objectives: [{ id: 'avail', metric: 'availability', min: 0.9 }],
        alerts: [{ id: 'x', objective: 'avial', kind: 'burnRate' }],
      },
      'alerts[0].objective: no objective has the id "avial"; did you mean "avail"?',
      '"avial"',
    ],
    [
      {
        objectives: [{ id: 'p', metric: 'p99Ms', max: 9 }],
        alerts: [{ id: 'x', objective: 'p', kind: 'burnRate' }],
      },
      'alerts[0].kind: "burnRate" watches an error budget',
      'not p99Ms',
    ],
    [
      {
        objectives: [{ id: 'p', metric: 'p99Ms', max: 9 }],
        alerts: [{ id: 'x', objective: 'p', kind: 'threshold', z: 3 }],
      },
      'alerts[0].z: belongs only to "kind": "anomaly"',
      'got 3',
    ],
    [
      {
        objectives: [{ id: 'p', metric: 'p99Ms', max: 9 }],
        alerts: [{ id: 'x', objective: 'p', kind: 'sms' }],
      },
      'alerts[0].kind: must be one of "threshold", "burnRate", "anomaly", "predictive"',
      'got "sms"',
    ],
    [
      {
        objectives: [{ id: 'p', metric: 'p99Ms', max: 9 }],
        alerts: [
          {
            id: 'x',
            objective: 'p',
            kind: 'threshold',
            then: { target: 'api', set: { replicas: 0 } },
          },
        ],
      },
      'alerts[0].then.set.replicas: must be an integer from 1 to 1000',
      'got 0',
    ],
    [
      {
        objectives: [{ id: 'p', metric: 'p99Ms', max: 9 }],
        alerts: [
          {
            id: 'x',
            objective: 'p',
            kind: 'threshold',
            then: { target: 'api', set: { workerz: 2 } },
          },
        ],
      },
      'alerts[0].then.set.workerz: "workerz" cannot change while a run goes on',
      'takes replicas',
    ],
    [
      {
        objectives: [{ id: 'p', metric: 'p99Ms', max: 9 }],
        alerts: [
          { id: 'x', objective: 'p', kind: 'anomaly', then: { target: 'nowhere', op: 'drain' } },
        ],
      },
      'alerts[0].then.target: no node or edge has the id "nowhere"',
      '"nowhere"',
    ],
  ])('refuses %j: %s', (extra, start, value) => {
    const e = error(extra);
    expect(e.startsWith(start), e).toBe(true);
    expect(e).toContain(value);
  });

  it('warns on a target in the unusual direction and a window longer than the run', () => {
    const r = load({ objectives: [{ id: 'a', metric: 'p99Ms', min: 5, windowS: 900 }] });
    expect(r.ok && r.warnings).toEqual([
      'objectives[0].windowS: 900 s is longer than the counted run (300 s); graded over the whole run',
      'objectives[0]: p99Ms is better lower; a "max" is the usual target',
    ]);
  });

  it('names every metric in the unknown-metric message', () => {
    const e = error({ objectives: [{ id: 'a', metric: 'nope', max: 1 }] });
    for (const m of OBJECTIVE_METRIC_NAMES) expect(e).toContain(`"${m}"`);
  });
});

describe('default burn-rate windows', () => {
  it("keep the SRE workbook's rates and 12:1 window ratio, scaled to the run", () => {
    // 30 days counted: the workbook's own windows.
    expect(defaultBurnWindows(30 * 86400, 1)).toEqual([
      { name: 'fast', longS: 3600, shortS: 300, burnRate: 14.4, severity: 'page' },
      { name: 'slow', longS: 21600, shortS: 1800, burnRate: 6, severity: 'page' },
      { name: 'budget', longS: 259200, shortS: 21600, burnRate: 1, severity: 'ticket' },
    ]);
    // A 300 s run: the short fast window is one 1 s window; the long ones capped at the run.
    const short = defaultBurnWindows(300, 1);
    expect(short.map((w) => [w.longS, w.shortS])).toEqual([
      [12, 1],
      [72, 6],
      [300, 72],
    ]);
  });
});
