/**
 * A test kind that passes each request on over its one call edge and records, for each request
 * it answers, the time from its arrival to the answer: with zero-latency edges, one sample per
 * request of the sojourn at the node behind it. The engine reports summaries (mean,
 * percentiles); a variance needs the samples. Registered the way any kind is (docs/kinds.md).
 */
import * as z from 'zod';
import { defineKind } from '../../../src/model/kinds/define.ts';
import { registerKind } from '../../../src/model/kinds/index.ts';
import type { Call } from '../../../src/engine/call.ts';
import { BaseNode } from '../../../src/engine/nodes/base.ts';
import { registerBehaviour } from '../../../src/engine/nodes/registry.ts';
import type { ScenarioNode } from '../../../src/model/types.ts';

/** Sojourns (ms) of the counted requests answered, by probe id; cleared by the test. */
export const probeSamples = new Map<string, number[]>();

const PROBE = defineKind({
  type: 'testProbe',
  label: 'Probe',
  icon: '🔎',
  glyph: [['circle', 8, 8, 5]],
  colour: '#6b7280',
  summary: 'A test kind: passes requests on and records how long each took.',
  schema: z.strictObject({}),
  params: [],
  line: () => 'probe',
  flow: () => ({ split: 'every' }),
  theory: () => ({ as: 'none' }),
  faults: [],
  price: { usd: 0, per: 'instance-hour' },
  edges: { call: { targets: 'callable', why: '' } },
});

class ProbeNode extends BaseNode {
  arrive(c: Call): void {
    this.k.send(c, this.out[0]!);
  }

  override onAnswer(parent: Call, _child: Call, reason: number): void {
    if (parent.counted && reason === 0) {
      let list = probeSamples.get(this.id);
      if (!list) probeSamples.set(this.id, (list = []));
      list.push((this.k.now - parent.arriveT) * 1000);
    }
    this.k.respond(parent, reason);
  }
}

registerKind(PROBE);
registerBehaviour(PROBE.type, (ctx) => new ProbeNode(ctx));

export const probe = (id: string): ScenarioNode =>
  ({
    id,
    type: 'testProbe',
    label: id,
    position: { x: 0, y: 0 },
    params: {},
  }) as unknown as ScenarioNode;
