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

  record(ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    if (this.list.length < MAX_KEPT) this.list.push(r4(ms));
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
