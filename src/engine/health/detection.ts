/**
 * Time to detect: for each crash of a backend replica, the time from the crash to the moment
 * the balancer took that backend out of rotation (by a failed health check or an outlier
 * ejection), counted once per crash. Removals of replicas that were up (overload, false
 * positives) count as ejections but not as detections.
 */
import { r4 } from '../metrics/summary.ts';

const MAX_KEPT = 100;

export interface DetectionSummary {
  count: number;
  mean: number;
  max: number;
  /** The first detections, in ms, in order (at most 100). */
  list: number[];
}

export class DetectionTimes {
  private count = 0;
  private sum = 0;
  private max = 0;
  private readonly list: number[] = [];
  /** Detections in the current window, for a marker on the charts. */
  private window: number[] = [];

  record(ms: number): void {
    this.window.push(r4(ms));
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    if (this.list.length < MAX_KEPT) this.list.push(r4(ms));
  }

  /** This window's detections (ms), or null if none; the next window starts empty. */
  takeWindow(): number[] | null {
    if (this.window.length === 0) return null;
    const out = this.window;
    this.window = [];
    return out;
  }

  summary(): DetectionSummary {
    return {
      count: this.count,
      mean: this.count > 0 ? r4(this.sum / this.count) : 0,
      max: r4(this.max),
      list: this.list.slice(),
    };
  }
}
