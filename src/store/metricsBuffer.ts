/**
 * Bounded history of metric windows, kept outside React state. Recent windows sit in a ring at
 * full resolution; windows that fall out of it are averaged into coarser rows, and when the
 * coarse rows fill up, neighbours merge pairwise (each row then stands for twice as many
 * windows). Memory stays fixed over a run of any length; the whole run stays visible.
 */
import type { FrameLayout } from '../worker/frame.ts';

export const FINE_CAPACITY = 600;
export const COARSE_CAPACITY = 300;
/**
 * The most the buffer holds, in bytes. A window is 8 bytes per column, and a 1,000-node design
 * has 24,000 columns: 900 rows of them were 173 MB allocated (and zeroed) at the start of every
 * run, which stalled the tab. Beyond this, both parts hold proportionally fewer rows (the
 * charts draw at most 150 points anyway).
 */
export const MAX_BYTES = 48_000_000;

/** Columns 0..2 are tS, startS, lengthS: merged as max, min and sum, not averaged. */
function mergeInto(
  target: Float64Array,
  at: number,
  weightA: number,
  source: Float64Array,
  from: number,
  weightB: number,
  stride: number,
): void {
  const total = weightA + weightB;
  target[at] = Math.max(target[at] ?? NaN, source[from] ?? NaN);
  target[at + 1] = Math.min(target[at + 1] ?? NaN, source[from + 1] ?? NaN);
  target[at + 2] = (target[at + 2] ?? 0) + (source[from + 2] ?? 0);
  for (let k = 3; k < stride; k++) {
    const a = target[at + k] ?? NaN;
    const b = source[from + k] ?? NaN;
    if (Number.isNaN(a)) target[at + k] = b;
    else if (!Number.isNaN(b)) target[at + k] = (a * weightA + b * weightB) / total;
  }
}

export class MetricsBuffer {
  layout: FrameLayout | undefined;
  private stride = 0;
  private fine = new Float64Array(0);
  private fineStart = 0;
  private fineCount = 0;
  private coarse = new Float64Array(0);
  private coarseWeights: number[] = [];
  /** Windows per coarse row. */
  private factor = 1;
  private accum = new Float64Array(0);
  private accumWeight = 0;
  private totalWindows = 0;
  /** The capacities for the current layout (fewer rows than asked for when rows are wide). */
  private fineCapacity: number;
  private coarseCapacity: number;

  constructor(
    private readonly fineAsked = FINE_CAPACITY,
    private readonly coarseAsked = COARSE_CAPACITY,
    private readonly maxBytes = MAX_BYTES,
  ) {
    this.fineCapacity = fineAsked;
    this.coarseCapacity = coarseAsked;
  }

  /** Empties the buffer for a new run (and perhaps a new layout). */
  reset(layout: FrameLayout | undefined): void {
    this.layout = layout;
    this.stride = layout?.stride ?? 0;
    const rows = Math.floor(this.maxBytes / 8 / Math.max(1, this.stride));
    const scale = Math.min(1, rows / (this.fineAsked + this.coarseAsked));
    this.fineCapacity = Math.max(2, Math.floor(this.fineAsked * scale));
    // Even, so that halving merges every row with a neighbour.
    this.coarseCapacity = Math.max(2, 2 * Math.floor((this.coarseAsked * scale) / 2));
    this.fine = new Float64Array(this.fineCapacity * this.stride);
    this.fineStart = 0;
    this.fineCount = 0;
    this.coarse = new Float64Array(this.coarseCapacity * this.stride);
    this.coarseWeights = [];
    this.factor = 4;
    this.accum = new Float64Array(this.stride);
    this.accumWeight = 0;
    this.totalWindows = 0;
  }

  /** Appends `count` packed windows. */
  push(data: Float64Array, count: number): void {
    const s = this.stride;
    if (s === 0) return;
    for (let row = 0; row < count; row++) {
      if (this.fineCount === this.fineCapacity) {
        this.retire(this.fineStart * s);
        this.fineStart = (this.fineStart + 1) % this.fineCapacity;
        this.fineCount -= 1;
      }
      const slot = (this.fineStart + this.fineCount) % this.fineCapacity;
      this.fine.set(data.subarray(row * s, row * s + s), slot * s);
      this.fineCount += 1;
      this.totalWindows += 1;
    }
  }

  /** A window leaving the fine ring joins the accumulator, then a coarse row. */
  private retire(from: number): void {
    const s = this.stride;
    if (this.accumWeight === 0) this.accum.set(this.fine.subarray(from, from + s));
    else mergeInto(this.accum, 0, this.accumWeight, this.fine, from, 1, s);
    this.accumWeight += 1;
    if (this.accumWeight < this.factor) return;
    if (this.coarseWeights.length === this.coarseCapacity) this.halveCoarse();
    this.coarse.set(this.accum, this.coarseWeights.length * s);
    this.coarseWeights.push(this.accumWeight);
    this.accumWeight = 0;
  }

  private halveCoarse(): void {
    const s = this.stride;
    const weights: number[] = [];
    for (let i = 0; i + 1 < this.coarseWeights.length; i += 2) {
      const wa = this.coarseWeights[i] ?? 1;
      const wb = this.coarseWeights[i + 1] ?? 1;
      const to = weights.length * s;
      this.coarse.copyWithin(to, i * s, i * s + s);
      mergeInto(this.coarse, to, wa, this.coarse, (i + 1) * s, wb, s);
      weights.push(wa + wb);
    }
    this.coarseWeights = weights;
    this.factor *= 2;
  }

  /** Windows received since the reset (before any downsampling). */
  get windowsSeen(): number {
    return this.totalWindows;
  }

  /** Rows held now, coarse and fine (the accumulator's partial row is not shown). */
  get length(): number {
    return this.coarseWeights.length + this.fineCount;
  }

  /** Visits rows oldest first: `visit(data, offset)`; every `every`-th row, the newest always. */
  forEachRow(visit: (data: Float64Array, offset: number) => void, every = 1): void {
    const s = this.stride;
    const n = this.length;
    const coarseRows = this.coarseWeights.length;
    const step = Math.max(1, Math.floor(every));
    for (let i = (n - 1) % step; i < n; i += step) {
      if (i < coarseRows) visit(this.coarse, i * s);
      else visit(this.fine, ((this.fineStart + i - coarseRows) % this.fineCapacity) * s);
    }
  }

  /** The newest window's row as [data, offset], or undefined when empty. */
  latest(): [Float64Array, number] | undefined {
    if (this.fineCount === 0) return undefined;
    const slot = (this.fineStart + this.fineCount - 1) % this.fineCapacity;
    return [this.fine, slot * this.stride];
  }
}
