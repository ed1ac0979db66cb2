/**
 * The graded challenges: at least six presets carry objectives, a goal and hints; each is
 * missed as loaded (there is something to do) and met by the fix its last hint gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/analysis/objectives.ts';
import { createSimulation } from '../../src/engine/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { Scenario, ScenarioEdge } from '../../src/model/types.ts';

type Raw = {
  nodes: Array<{ id: string; params: Record<string, unknown> }>;
  edges: Array<Record<string, unknown>>;
};

const params = (d: Raw, id: string) => d.nodes.find((n) => n.id === id)!.params;

/** Each challenge's fix, as its last hint words it. */
const FIXES: Record<string, (d: Raw) => void> = {
  'capacity-planning': (d) => void (params(d, 'api')['replicas'] = 3),
  'failover-active-passive': (d) =>
    Object.assign(params(d, 'primary')['failover'] as object, {
      detectionMs: 1000,
      promotionMs: 2000,
    }),
  'retry-storm': (d) => void (params(d, 'inventory')['queueCapacity'] = 30),
  'circuit-breaker': (d) => {
    const e = d.edges.find((x) => (x as Partial<ScenarioEdge>).circuitBreaker !== undefined)!;
    e['timeoutMs'] = 200;
  },
  'back-pressure': (d) => {
    const p = params(d, 'thumbs');
    delete p['queueCapacity'];
    p['shedQueueLength'] = 10;
  },
  'autoscaling-reactive': (d) =>
    void (params(d, 'web')['autoscale'] = {
      mode: 'scheduled',
      schedule: [
        [0, 2],
        [80, 7],
        [215, 2],
      ],
      startupS: 30,
    }),
};

const challenges = readdirSync('presets')
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`presets/${f}`, 'utf8'))] as const)
  .filter(([, d]) => d.challenge !== undefined);

function gradeRun(raw: unknown) {
  const doc: Scenario = loadScenarioOrThrow(raw);
  const sim = createSimulation(doc, { windows: false });
  sim.runUntil(Infinity);
  return grade(doc.objectives!, sim.snapshot(), doc);
}

describe('graded challenges', () => {
  it('at least six presets are challenges, each with a fix tested here', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(6);
    expect(challenges.map(([name]) => name).sort()).toEqual(Object.keys(FIXES).sort());
    for (const [, d] of challenges) {
      expect(d.challenge.goal.length).toBeGreaterThan(20);
      expect(d.challenge.hints.length).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(challenges.map(([name, d]) => [name, d]))(
    '%s: missed as loaded, met with the last hint applied',
    (name, d) => {
      expect(gradeRun(d).some((g) => !g.met)).toBe(true);
      const fixed = structuredClone(d) as Raw;
      FIXES[name]!(fixed);
      const graded = gradeRun(fixed);
      expect(graded.filter((g) => !g.met)).toEqual([]);
    },
    60_000,
  );
});
