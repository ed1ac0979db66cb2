/**
 * The one way a kind is described: infers the kind's name and its params type from the schema.
 * Its figures are declared beside it (./<kind>Figures.ts, listed in ./figureRegistry.ts).
 */
import type { KindDescription, ParamsSchema } from './describe.ts';

export function defineKind<const T extends string, S extends ParamsSchema>(
  description: KindDescription<T, S>,
): KindDescription<T, S> {
  return description;
}
