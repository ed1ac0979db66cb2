/**
 * A waiting line by class priority (a service's `priority`): one FIFO line per priority level,
 * the highest priority (0) served first, first in first out within a level. A discipline's
 * "oldest" and "newest" are taken within the highest level waiting, so LIFO and CoDel still
 * apply within a priority. Shedding takes from the other end: the newest call of the lowest
 * level waiting. A preempted call goes back to the head of its level (preemptive resume: it is
 * the next of its level to be served, and resumes its remaining work).
 */
import { MAX_PRIORITY } from '../../model/kinds/classes.ts';
import { IntQueue } from '../intQueue.ts';
import type { Kernel } from '../kernel.ts';

const LEVELS = MAX_PRIORITY + 1;

export class PriorityLine {
  private readonly levels = Array.from({ length: LEVELS }, () => new IntQueue());
  length = 0;

  constructor(private readonly k: Kernel) {}

  /** Call `id`'s priority level (0 first). */
  levelOf(id: number): number {
    return this.k.classes.priority[this.k.pool.calls[id]!.cls] ?? 0;
  }

  push(id: number): void {
    this.levels[this.levelOf(id)]!.push(id);
    this.length++;
  }

  /** Back at the head of its level (a preempted call). */
  unshift(id: number): void {
    this.levels[this.levelOf(id)]!.unshift(id);
    this.length++;
  }

  /** The oldest call of the highest level waiting. */
  shift(): number {
    this.length--;
    return this.top().shift();
  }

  /** The newest call of the highest level waiting. */
  pop(): number {
    this.length--;
    return this.top().pop();
  }

  /** The lowest level waiting (highest number), or -1 if none waits. */
  lowestLevel(): number {
    for (let p = LEVELS - 1; p >= 0; p--) if (this.levels[p]!.length > 0) return p;
    return -1;
  }

  /** The newest call of the lowest level waiting (to shed). */
  popLowest(): number {
    this.length--;
    return this.levels[this.lowestLevel()]!.pop();
  }

  drain(): number[] {
    const out: number[] = [];
    while (this.length > 0) out.push(this.shift());
    return out;
  }

  private top(): IntQueue {
    let p = 0;
    while (this.levels[p]!.length === 0) p++;
    return this.levels[p]!;
  }
}
