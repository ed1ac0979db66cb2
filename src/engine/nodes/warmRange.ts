/**
 * The entries of a large warm start that the run has not touched: keys 0..size-1 (key 0 the
 * newest) minus those taken out, each put at t = 0 to expire at `ttlS` unless refreshed. Memory
 * grows with the keys taken out or refreshed, not with `size`.
 */
import type { Rng } from '../rng.ts';

export class WarmRange {
  /** Keys at or above `top` are all taken out. */
  private top: number;
  private readonly taken = new Set<number>();
  private readonly refreshed = new Map<number, number>();
  count: number;

  constructor(
    readonly size: number,
    private readonly ttlS: number,
  ) {
    this.top = size;
    this.count = size;
  }

  has(key: number): boolean {
    return key < this.top && !this.taken.has(key);
  }

  expiresAt(key: number): number {
    return this.refreshed.get(key) ?? this.ttlS;
  }

  /** Put again while untouched: a new expiry, the same place in line. */
  refresh(key: number, expires: number): void {
    this.refreshed.set(key, expires);
  }

  /** The key leaves the range (evicted, expired, removed, or given a slot of its own). */
  take(key: number): void {
    this.taken.add(key);
    this.refreshed.delete(key);
    this.count--;
  }

  /** Takes out up to `n` of the oldest entries (a cache made smaller); returns how many. */
  dropOldest(n: number): number {
    const dropped = Math.min(n, this.count);
    for (let left = dropped; left > 0; left--) {
      const key = this.oldest();
      this.refreshed.delete(key);
      this.top = key; // every key above is gone: no need to remember it as taken
      this.count--;
    }
    return dropped;
  }

  /** One of the untouched keys, uniformly (the range must not be empty). */
  randomKey(rng: Rng): number {
    for (;;) {
      const key = rng.int(this.top);
      if (!this.taken.has(key)) return key;
    }
  }

  /** The oldest untouched entry: the highest key still here (-1 when none). */
  oldest(): number {
    while (this.top > 0 && this.taken.has(this.top - 1)) this.taken.delete(--this.top);
    return this.count > 0 ? this.top - 1 : -1;
  }
}
