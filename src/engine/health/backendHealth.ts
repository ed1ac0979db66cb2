/**
 * A balancer's view of its backends' health: active checks and passive outlier detection,
 * each able to take a backend out of rotation. A backend is in rotation (`Backends.healthy`)
 * only when neither has it out; the strategies skip the others, and with none left the
 * balancer answers 'unavailable' (no panic mode).
 *
 * Active (`healthCheck`): every intervalMs, one probe to every backend. A probe fails when the
 * replica is crashed, the edge is partitioned (or the probe is lost on a lossy edge), or the
 * replica is so busy that the probe would wait in its queue longer than timeoutMs (the wait is
 * estimated as queue length × mean service time × slow factor / workers). A failure is known
 * timeoutMs after the probe (the prober waits out its timeout); a success at once.
 * `unhealthyAfter` failures in a row take the backend out; `healthyAfter` successes in a row
 * put it back.
 *
 * Passive (`outlierDetection`): `consecutiveErrors` failed answers in a row from a backend
 * (any reason but 'circuitOpen') eject it for `ejectMs`; then it is back, and ejected again if
 * it keeps failing (no growing ejection time, no cap on the share ejected).
 */
import type { HealthCheck, OutlierDetection } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Backends } from '../nodes/lbStrategies.ts';
import { ServiceNode } from '../nodes/service.ts';
import { CIRCUIT_OPEN } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { DetectionTimes } from './detection.ts';

/** The balancer's event subs used here (0 is left to the balancer itself). */
export const SUB_PROBE_ROUND = 1;
export const SUB_PROBE_FAILED = 2;
export const SUB_EJECT_END = 3;

export class BackendHealth {
  private readonly n: number;
  private readonly checkedOut: Uint8Array;
  private readonly ejected: Uint8Array;
  private readonly probeFails: Int32Array;
  private readonly probeOks: Int32Array;
  private readonly errorsInRow: Int32Array;
  private readonly ejectGen: Int32Array;
  /** The crash (downSinceS) already detected per backend, so one crash counts once. */
  private readonly detectedCrash: Float64Array;
  private services: Array<ServiceNode | null> = [];
  private ejections = 0;
  private readonly detection = new DetectionTimes();

  constructor(
    private readonly k: Kernel,
    private readonly lb: number,
    private readonly backends: Backends,
    private readonly check: HealthCheck | undefined,
    private readonly outlier: OutlierDetection | undefined,
  ) {
    const n = backends.n;
    this.n = n;
    this.checkedOut = new Uint8Array(n);
    this.ejected = new Uint8Array(n);
    this.probeFails = new Int32Array(n);
    this.probeOks = new Int32Array(n);
    this.errorsInRow = new Int32Array(n);
    this.ejectGen = new Int32Array(n);
    this.detectedCrash = new Float64Array(n).fill(-1);
  }

  /** Once every node exists: find the services behind, and schedule the first probe round. */
  start(): void {
    this.services = Array.from(this.backends.edge, (e) => {
      const node = this.k.nodes[this.k.edges[e]!.target];
      return node instanceof ServiceNode ? node : null;
    });
    if (this.check !== undefined) {
      this.k.scheduleNode(this.check.intervalMs / 1000, this.lb, SUB_PROBE_ROUND, 0, 0);
    }
  }

  onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_PROBE_ROUND) this.probeRound();
    else if (sub === SUB_PROBE_FAILED) this.probeResult(a, false);
    else if (sub === SUB_EJECT_END && this.ejectGen[a] === b) {
      this.ejected[a] = 0;
      this.update(a);
    }
  }

  /** A call to backend b answered (reason 0 = ok): passive outlier detection. */
  onAnswer(b: number, reason: number): void {
    const od = this.outlier;
    if (od === undefined) return;
    if (reason === 0) {
      this.errorsInRow[b] = 0;
      return;
    }
    if (reason === CIRCUIT_OPEN || ++this.errorsInRow[b]! < od.consecutiveErrors) return;
    this.errorsInRow[b] = 0;
    if (this.ejected[b] === 1) return;
    this.ejected[b] = 1;
    const gen = ++this.ejectGen[b]!;
    this.k.scheduleNode(od.ejectMs / 1000, this.lb, SUB_EJECT_END, b, gen);
    this.takenOut(b);
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      let out_ = 0;
      for (let b = 0; b < this.n; b++) if (this.listed(b)) out_ += 1 - this.backends.healthy[b]!;
      (out as NodeWindow).ejectedBackends = out_;
      const detected = this.detection.takeWindow();
      if (detected !== null) out.detectionsMs = detected;
      return;
    }
    out.ejections = this.ejections;
    out.detectionMs = this.detection.summary();
  }

  private probeRound(): void {
    const hc = this.check!;
    const k = this.k;
    const bs = this.backends;
    for (let b = 0; b < this.n; b++) {
      const svc = this.services[b];
      const r = bs.replica[b]!;
      const e = k.edges[bs.edge[b]!]!;
      let ok = !e.partitioned && !(e.loss > 0 && k.rng.next() < e.loss);
      if (ok && svc !== null && svc !== undefined && r >= 0) {
        ok = svc.isUp(r) && svc.probeWaitMs(r) <= hc.timeoutMs;
      }
      if (ok) this.probeResult(b, true);
      else k.scheduleNode(hc.timeoutMs / 1000, this.lb, SUB_PROBE_FAILED, b, 0);
    }
    k.scheduleNode(hc.intervalMs / 1000, this.lb, SUB_PROBE_ROUND, 0, 0);
  }

  private probeResult(b: number, ok: boolean): void {
    const hc = this.check!;
    if (ok) {
      this.probeFails[b] = 0;
      if (++this.probeOks[b]! >= hc.healthyAfter && this.checkedOut[b] === 1) {
        this.checkedOut[b] = 0;
        this.update(b);
      }
      return;
    }
    this.probeOks[b] = 0;
    if (++this.probeFails[b]! >= hc.unhealthyAfter && this.checkedOut[b] === 0) {
      this.checkedOut[b] = 1;
      this.takenOut(b);
    }
  }

  /** A backend that exists now (not an autoscaled slot that is off, starting or draining). */
  private listed(b: number): boolean {
    const svc = this.services[b];
    const r = this.backends.replica[b]!;
    return svc === null || svc === undefined || r < 0 || svc.slots.isActive(r);
  }

  private takenOut(b: number): void {
    const wasIn = this.backends.healthy[b] === 1;
    this.update(b);
    if (!wasIn) return;
    const svc = this.services[b];
    const r = this.backends.replica[b]!;
    if (svc === null || svc === undefined || r < 0 || svc.isUp(r)) {
      this.ejections++; // up but failing (overload, a lossy or partitioned edge)
      return;
    }
    // An autoscaled slot that is off, starting or draining (crashed or not) is not serving by
    // design: leaving the rotation is service discovery, not an ejection nor a crash detected.
    if (!svc.slots.isActive(r)) return;
    this.ejections++;
    const crashAt = svc.downSinceS[r]!;
    if (this.detectedCrash[b] === crashAt) return;
    this.detectedCrash[b] = crashAt;
    this.detection.record((this.k.now - crashAt) * 1000);
  }

  private update(b: number): void {
    this.backends.setHealthy(b, this.checkedOut[b] === 0 && this.ejected[b] === 0);
  }
}
