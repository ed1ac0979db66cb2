/**
 * A cache's lookups, hit or miss: the counted ones over the run and all of the current window,
 * reported as the cache's declared `hitRatio` figure.
 */
import type { NodeResult, NodeWindow } from '../types.ts';
import { r4 } from './summary.ts';

export class LookupTally {
  private hits = 0;
  private misses = 0;
  private wHits = 0;
  private wMisses = 0;

  record(counted: boolean, hit: boolean): void {
    if (hit) this.wHits++;
    else this.wMisses++;
    if (counted) {
      if (hit) this.hits++;
      else this.misses++;
    }
  }

  /** The run's hit ratio (0 before any lookup); a window's only when it had lookups, then the
   *  window restarts. */
  describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      const lookups = this.wHits + this.wMisses;
      if (lookups > 0) out.hitRatio = r4(this.wHits / lookups);
      this.wHits = 0;
      this.wMisses = 0;
      return;
    }
    const lookups = this.hits + this.misses;
    out.hitRatio = lookups > 0 ? r4(this.hits / lookups) : 0;
  }
}
