/**
 * The document's `regions`: where nodes run, and the one-way network latency between places.
 * A document without regions is one implicit region: no call pays anything extra. With regions,
 * a node without `region` is in the first one, and a call between nodes in two regions adds the
 * one-way latency between them to each direction (src/engine/regionLatency.ts).
 */
import * as z from 'zod';
import { distSchema, idSchema } from './kinds/common.ts';
import type { Dist } from './types.ts';

export const MAX_REGIONS = 32;
export const MAX_ZONES = 16;

export interface Region {
  /** 1 to 64 of `A-Z a-z 0-9 _ -`, unique among regions. */
  name: string;
  /** Availability zones inside the region (names unique within it); absent = none named. */
  zones?: string[];
  /** One-way latency between this region and others, by region name: the same both ways, so
   *  each pair is given once, in either region. */
  latencyMs?: Record<string, Dist>;
}

export const regionSchema = z.strictObject({
  name: idSchema,
  zones: z
    .array(idSchema, { error: 'must be a list of zone names' })
    .max(MAX_ZONES, { error: `must have at most ${MAX_ZONES} zones` })
    .optional(),
  latencyMs: z
    .record(z.string(), distSchema, { error: 'must map region names to latencies' })
    .optional(),
});

export const regionsField = z
  .array(regionSchema, { error: 'must be a list' })
  .max(MAX_REGIONS, { error: `must have at most ${MAX_REGIONS} regions` })
  .optional();

/** The region a node is in: its own, else the first region; undefined without regions. */
export function regionOf(
  node: { region?: string },
  regions: readonly Region[] | undefined,
): string | undefined {
  return node.region ?? regions?.[0]?.name;
}

/** The one-way latency from region `a` to region `b` (a ≠ b): a's entry, else b's. */
export function latencyBetween(regions: readonly Region[], a: string, b: string): Dist | undefined {
  const from = regions.find((r) => r.name === a);
  const to = regions.find((r) => r.name === b);
  return from?.latencyMs?.[b] ?? to?.latencyMs?.[a];
}
