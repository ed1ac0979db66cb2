/**
 * The one way a kind is described: infers the kind's name, its params type from the schema and
 * its figures as written (the engine's NodeResult and NodeWindow fields are derived from them).
 */
import type { KindDescription, ParamsSchema } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

export function defineKind<
  const T extends string,
  S extends ParamsSchema,
  const F extends readonly FigureDescriptor[],
>(description: KindDescription<T, S, F>): KindDescription<T, S, F> {
  return description;
}
