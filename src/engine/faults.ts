/**
 * Faults: each has a start and (unless it lasts to the end) an end event. Events use sequence
 * keys derived from the fault's index, below every ordinary event's, so a fault at t runs
 * before anything else at t: a fault given by `inject()` at the current time and the same fault
 * written in the document replay identically.
 *
 * On every start or end, the state of the fault's target is recomputed from all active faults
 * of that kind on it (crash replicas add up; slow factors, cpu speeds (1 − share), spike
 * multipliers, loss and error survival multiply; added latencies add; the latest pause fault
 * sets the pause schedule), so overlapping faults compose and undo exactly.
 */
import { FAULT_DEFAULTS, FAULT_TARGETS } from '../model/kinds/faultDefaults.ts';
import type { Fault } from '../model/types.ts';
import { FailureProcess, TICK } from './availability/failureProcess.ts';
import { Uptime } from './availability/uptime.ts';
import { EV_FAULT, type Kernel } from './kernel.ts';

const FAULT_SEQ_BASE = -1e15;
const isNodeFault = (f: Fault) => FAULT_TARGETS[f.kind] === 'node';
/** Faults that slow a node's work compose into one factor: slow multiplies, cpu divides. */
const slowsWork = (f: Fault) => f.kind === 'slow' || f.kind === 'cpu';

export class Faults {
  readonly list: Fault[] = [];
  private readonly active: boolean[] = [];
  /** The random failures of each `failures` fault, by fault index. */
  private readonly processes: (FailureProcess | undefined)[] = [];

  constructor(
    private readonly k: Kernel,
    private readonly nodeIndex: Map<string, number>,
    private readonly edgeIndex: Map<string, number>,
    /** How many replicas a node runs (a service's `replicas`; 1 for other kinds). */
    private readonly replicasOf: (node: number) => number,
    /** The document's region names, and the node and edge faults a region fault stands for. */
    private readonly regions: ReadonlySet<string> = new Set(),
    private readonly regionParts: (f: Fault) => Fault[] = () => [],
  ) {}

  add(f: Fault): void {
    if (FAULT_TARGETS[f.kind] === 'region') {
      if (!this.regions.has(f.target)) {
        throw new Error(`fault ${f.kind}: target "${f.target}" is not a region`);
      }
      for (const part of this.regionParts(f)) this.add(part);
      return;
    }
    const isNode = isNodeFault(f);
    const known = isNode ? this.nodeIndex.has(f.target) : this.edgeIndex.has(f.target);
    if (!known) {
      throw new Error(`fault ${f.kind}: target "${f.target}" is not a ${isNode ? 'node' : 'edge'}`);
    }
    const i = this.list.length;
    this.list.push(f);
    this.active.push(false);
    if (f.kind === 'failures') this.addFailures(i, f);
    this.k.queue.pushWithSeq(f.atS, FAULT_SEQ_BASE + 2 * i, EV_FAULT, i, 1, 0);
    if (f.forS !== undefined) {
      this.k.queue.pushWithSeq(f.atS + f.forS, FAULT_SEQ_BASE + 2 * i + 1, EV_FAULT, i, 0, 0);
    }
  }

  /** Fault `i` starts (code 1), ends (0), or its failure process ticks (TICK + replica). */
  onEvent(i: number, code: number): void {
    const f = this.list[i]!;
    const start = code === 1;
    const process = this.processes[i];
    if (process !== undefined) {
      if (code >= TICK) {
        if (process.tick(code - TICK)) this.recompute(f);
        return;
      }
      if (start) process.start();
      else process.stop();
    }
    if (f.kind === 'flush') {
      if (start) this.k.nodes[this.nodeIndex.get(f.target)!]!.flush();
      return;
    }
    this.active[i] = start;
    this.recompute(f);
  }

  private recompute(f: Fault): void {
    const same = this.list.filter(
      (g, j) => this.active[j] && g.kind === f.kind && g.target === f.target,
    );
    if (isNodeFault(f)) {
      const node = this.k.nodes[this.nodeIndex.get(f.target)!]!;
      if (f.kind === 'crash' || f.kind === 'failures') {
        const down = this.replicasDown(f.target);
        node.setDown(down);
        this.k.uptimes[node.index]?.set(down);
      } else if (slowsWork(f)) {
        node.setSlow(this.slowFactor(f.target));
      } else if (f.kind === 'error') {
        const pass = same.reduce(
          (keep, g) => keep * (1 - (g.probability ?? FAULT_DEFAULTS.errorProbability)),
          1,
        );
        node.setErrorShare?.(1 - pass);
      } else if (f.kind === 'pause') {
        // The latest pause fault on the node sets its schedule; none left: no more pauses.
        const g = same.at(-1);
        if (g === undefined) node.setPause?.(0, 0, 0);
        else
          node.setPause?.(
            g.everyS ?? FAULT_DEFAULTS.pauseEveryS,
            (g.pauseMs ?? FAULT_DEFAULTS.pauseMs) / 1000,
            (g.perRequestMs ?? 0) / 1000,
          );
      } else if (f.kind === 'spike') {
        node.setSpike(same.reduce((m, g) => m * (g.multiplier ?? FAULT_DEFAULTS.multiplier), 1));
      }
      return;
    }
    const edge = this.k.edges[this.edgeIndex.get(f.target)!]!;
    if (f.kind === 'latency')
      edge.addMs = same.reduce((s, g) => s + (g.addMs ?? FAULT_DEFAULTS.latencyAddMs), 0);
    else if (f.kind === 'lag')
      edge.lagMs = same.reduce((s, g) => s + (g.addMs ?? FAULT_DEFAULTS.lagAddMs), 0);
    else if (f.kind === 'partition') {
      edge.partitioned = same.length > 0;
      if (!edge.partitioned) this.k.nodes[edge.source]!.healed?.(edge.index);
    } else if (f.kind === 'loss') {
      edge.loss =
        1 - same.reduce((keep, g) => keep * (1 - (g.probability ?? FAULT_DEFAULTS.probability)), 1);
    }
  }

  /** A `failures` fault: its process, and the availability book of its node (the first such
   *  fault on a node says when the node counts as up). */
  private addFailures(i: number, f: Fault): void {
    const node = this.nodeIndex.get(f.target)!;
    const replicas = this.replicasOf(node);
    this.processes[i] = new FailureProcess(this.k, i, replicas, f, FAULT_DEFAULTS);
    this.k.uptimes[node] ??= new Uptime(this.k, replicas, Math.min(f.minUp ?? 1, replicas));
  }

  /** Replicas down on a node: active crashes (absent `replicas`: all) plus random failures. */
  private replicasDown(target: string): number {
    let n = 0;
    this.list.forEach((g, j) => {
      if (g.target !== target) return;
      if (g.kind === 'crash' && this.active[j]) n += g.replicas ?? Number.MAX_SAFE_INTEGER;
      else if (g.kind === 'failures') n += this.processes[j]!.replicasDown;
    });
    return n;
  }

  /** The factor a node's work is slowed by: slow factors multiply, each cpu loss divides by
   *  (1 − share), so a node losing half its CPU takes twice as long. */
  private slowFactor(target: string): number {
    let m = 1;
    this.list.forEach((g, j) => {
      if (!this.active[j] || g.target !== target) return;
      if (g.kind === 'slow') m *= g.factor ?? FAULT_DEFAULTS.factor;
      else if (g.kind === 'cpu') m /= 1 - (g.share ?? FAULT_DEFAULTS.cpuShare);
    });
    return m;
  }
}
