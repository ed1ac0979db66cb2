/** The whole scenario document's schema, built from the per-kind schemas in `kinds/`. */
import * as z from 'zod';
import { SCENARIO_VERSION } from './types.ts';
import { idSchema, num, text, int, typed, type Loose } from './kinds/common.ts';
import { edgeSchema } from './kinds/edge.ts';
import { faultSchema, MAX_DURATION_S } from './kinds/fault.ts';
import { KIND_DESCRIPTIONS, sealKinds } from './kinds/index.ts';
import { PRICE_UNIT_TEXT } from './kinds/pricing.ts';
import { SIZE_NAMES, type InstanceSize } from './kinds/sizes.ts';
import type { Action, Fault, ScenarioEdge, ScenarioNode } from './types.ts';
import { actionSchema } from './actions.ts';
import { alertsField, challengeField, objectivesField } from './objectives.ts';
import { regionsField } from './regions.ts';
import { tracingSchema } from './tracing.ts';

export const LIMITS = { nodes: 1000, edges: 5000, faults: 1000, actions: 1000 } as const;

/** Defaults for the top level, where the contract names none. */
export const DOCUMENT_DEFAULTS = {
  name: 'Untitled scenario',
  description: '',
  seed: 42,
  durationS: 60,
  warmupS: 0,
} as const;

const coordinate = num(-1_000_000, 1_000_000);
const position = z
  .strictObject({ x: coordinate.default(0), y: coordinate.default(0) })
  .prefault({});

function nodeSchema(type: string) {
  return z.strictObject({
    id: idSchema,
    type: z.literal(type),
    // Absent label: the loader uses the id.
    label: text(200).optional(),
    position,
    region: idSchema.optional(),
    zone: idSchema.optional(),
    params: (
      KIND_DESCRIPTIONS[type as keyof typeof KIND_DESCRIPTIONS].schema as z.ZodType<unknown, object>
    ).prefault({}),
  });
}

const kinds = sealKinds();
const kindList = kinds.map((t) => `"${t}"`);

const nodeSchemaAny = typed<ScenarioNode>(
  z.discriminatedUnion('type', kinds.map(nodeSchema) as [ReturnType<typeof nodeSchema>], {
    error: `must be a node whose type is ${kindList.slice(0, -1).join(', ')} or ${kindList.at(-1)}`,
  }) as unknown as z.ZodType<Loose<ScenarioNode>, object>,
);

/** A kind's price: an amount in its unit; for a kind with sizes, an amount or one per size. */
function priceEntrySchema(type: string) {
  const kind = KIND_DESCRIPTIONS[type as keyof typeof KIND_DESCRIPTIONS];
  const amount = num(0, 1_000_000, PRICE_UNIT_TEXT[kind.price.per]);
  if (kind.size === undefined) return amount;
  const perSize = z.strictObject(
    Object.fromEntries(SIZE_NAMES.map((s) => [s, amount.optional()])) as Record<
      InstanceSize,
      z.ZodOptional<typeof amount>
    >,
  );
  return z.union([amount, perSize], {
    error: `must be a number from 0 to 1000000 ${PRICE_UNIT_TEXT[kind.price.per]} or one per size, as {"small": 0.1, "large": 0.4}`,
  });
}

function list<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item, { error: 'must be a list' })
    .max(max, { error: `must have at most ${max} entries` })
    .default([]);
}

export const documentSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION),
  name: text(200).default(DOCUMENT_DEFAULTS.name),
  description: text(100_000).default(DOCUMENT_DEFAULTS.description),
  topic: text(100).optional(),
  seed: int(0, 4_294_967_295).default(DOCUMENT_DEFAULTS.seed),
  durationS: num(0.001, MAX_DURATION_S, 's').default(DOCUMENT_DEFAULTS.durationS),
  warmupS: num(0, MAX_DURATION_S, 's').default(DOCUMENT_DEFAULTS.warmupS),
  nodes: list(nodeSchemaAny, LIMITS.nodes),
  edges: list(typed<ScenarioEdge>(edgeSchema), LIMITS.edges),
  faults: list(typed<Fault>(faultSchema), LIMITS.faults),
  // Absent, not [], when there are none: documents without actions read and write as before.
  actions: z
    .array(typed<Action>(actionSchema as z.ZodType<Loose<Action>, object>), {
      error: 'must be a list',
    })
    .max(LIMITS.actions, { error: `must have at most ${LIMITS.actions} entries` })
    .optional(),
  // The design's own price table: US dollars by kind (or kind and size), over the defaults.
  prices: z
    .strictObject(
      Object.fromEntries(kinds.map((k) => [k, priceEntrySchema(k).optional()])) as Record<
        string,
        z.ZodOptional<ReturnType<typeof priceEntrySchema>>
      >,
    )
    .optional(),
  objectives: objectivesField,
  alerts: alertsField,
  challenge: challengeField,
  // Which requests are traced (src/model/tracing.ts); absent: the defaults.
  tracing: tracingSchema.optional(),
  // Where nodes run (src/model/regions.ts); absent: one implicit region.
  regions: regionsField,
});
