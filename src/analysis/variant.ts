/**
 * Variant B's start: its own module, not compare.ts, because opening any document needs it at
 * first paint while the comparison's statistics can wait for the Analyze drawer.
 */
import type { Scenario } from '../model/types.ts';

/** Variant B: a deep copy of A, renamed, ready to be changed. */
export function duplicateAsVariant(doc: Scenario, suffix = ' (B)'): Scenario {
  return { ...structuredClone(doc), name: `${doc.name}${suffix}` };
}
