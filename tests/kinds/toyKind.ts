/**
 * A toy kind for the kind contract test, made the way a new kind is made and nothing else: one
 * model description and one engine behaviour, added to the registries at run time. Import this
 * file before anything that reads documents: the document schema is built from the registry.
 *
 * `toyDelay` answers every request after a fixed delay and calls nothing.
 */
import * as z from 'zod';
import { MAX_MS, num } from '../../src/model/kinds/common.ts';
import { defineKind } from '../../src/model/kinds/define.ts';
import { registerKindFigures } from '../../src/model/kinds/figureRegistry.ts';
import type { FigureDescriptor } from '../../src/model/kinds/figures.ts';
import { registerKind } from '../../src/model/kinds/index.ts';
import { describeFields } from '../../src/model/kinds/schemaInfo.ts';
import type { Call } from '../../src/engine/call.ts';
import { BaseNode } from '../../src/engine/nodes/base.ts';
import { registerBehaviour } from '../../src/engine/nodes/registry.ts';
import type { NodeContext } from '../../src/engine/nodes/types.ts';
import type { NodeResult, NodeWindow } from '../../src/engine/types.ts';
import { UNAVAILABLE } from '../../src/engine/reasons.ts';

const toySchema = z.strictObject({ delayMs: num(0, MAX_MS, 'ms').default(5) });

/** Its own figure, declared beside the description as a built-in kind's are. */
const TOY_FIGURES = [
  {
    key: 'answered',
    label: 'Answered',
    unit: 'requests',
    help: 'Requests answered after the delay.',
    nature: 'count',
    where: 'both',
    chart: { group: 'answered', style: 'line' },
  },
] as const satisfies readonly FigureDescriptor[];

export const TOY_DELAY = defineKind({
  type: 'toyDelay',
  label: 'Toy delay',
  icon: '⏳',
  glyph: [
    ['circle', 8, 8, 5.5],
    ['path', 'M8 4.5V8l2.5 1.5'],
  ],
  colour: '#6b7280',
  summary: 'A test kind: answers every request after a fixed delay.',
  schema: toySchema,
  params: describeFields(toySchema, [
    { key: 'delayMs', label: 'Delay', help: 'Time to answer a request.' },
  ]),
  line: (p) => `answers in ${p.delayMs} ms`,
  flow: () => ({ split: 'every' }),
  theory: (p) => ({ as: 'delay', ms: { dist: 'constant', ms: p.delayMs } }),
  faults: ['slow'],
  price: { usd: 0.25, per: 'instance-hour' },
  edges: { call: { targets: [], why: 'a toy delay calls nothing' } },
});

class ToyDelayNode extends BaseNode {
  private readonly delayS: number;
  private answered = 0;
  private wAnswered = 0;

  constructor(ctx: NodeContext) {
    super(ctx);
    this.delayS = (ctx.node.params as unknown as { delayMs: number }).delayMs / 1000;
  }

  arrive(c: Call): void {
    if (this.down) return this.k.respond(c, UNAVAILABLE);
    this.k.scheduleNode(this.delayS * this.slow, this.index, 0, c.id, c.gen);
  }

  override onEvent(_sub: number, a: number, b: number): void {
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    this.wAnswered++;
    if (c.counted) this.answered++;
    this.k.respond(c, 0);
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    out.answered = window ? this.wAnswered : this.answered;
    if (window) this.wAnswered = 0;
  }
}

registerKind(TOY_DELAY);
registerKindFigures(TOY_DELAY.type, TOY_FIGURES);
registerBehaviour(TOY_DELAY.type, (ctx) => new ToyDelayNode(ctx));
