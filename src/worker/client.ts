/**
 * The page's side of the worker door: creates the worker, `wrap`s it, receives metric frames,
 * and watches it. The watchdog tells two silences apart. A worker building an engine (it says so
 * first: MetricFrame.building) may take up to `buildTimeoutMs`, with a notice after `watchdogMs`;
 * a build that takes longer is stopped and the document not loaded again (it would only build
 * as slowly). A worker silent while it runs (no frame for `watchdogMs`) is stuck: it is replaced
 * and the document reloaded. A worker that throws is replaced too, and the user is told which of
 * these happened. A Reset always works: if the worker does not answer it in time (and is not
 * building), it is terminated too.
 */
import * as Comlink from 'comlink';
import type { SimApi } from './api.ts';
import type { LoadAnswer, MetricFrame, Speed } from './protocol.ts';

export const UNRESPONSIVE_MESSAGE =
  'The simulation engine got stuck while running (it stopped answering), so it was restarted.';
export const CRASHED_MESSAGE = 'The simulation failed and was restarted.';
export const FORCED_RESET_MESSAGE = 'The simulation did not stop in time, so it was restarted.';
export const BUILDING_MESSAGE = 'Building the simulation: this scenario is large, please wait…';

/** Said when building an engine took longer than the client allows. */
export function slowBuildMessage(buildTimeoutMs: number): string {
  return `Building the simulation took longer than ${Math.round(buildTimeoutMs / 1000)} s, so it was stopped (the engine was not stuck: this scenario is too large to build here). Make it smaller, then press Run.`;
}
/** Said when the worker failed while it was building an engine. */
export const BUILD_FAILED_MESSAGE =
  'The simulation failed while building this scenario (it may be too large for this browser), so it was stopped. Make it smaller, then press Run.';

/** What the client needs of a worker: a message endpoint that can be terminated. */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

export interface SimClientOptions {
  onFrame: (frame: MetricFrame) => void;
  /** The worker was replaced (the document loaded again at 0 s, unless its build was the trouble). */
  onRestart: (message: string) => void;
  /** A build has taken longer than `watchdogMs` (BUILDING_MESSAGE), or it ended (null). */
  onBuilding?: (message: string | null) => void;
  createWorker?: () => WorkerLike;
  watchdogMs?: number;
  /** The longest an engine may take to build before the worker is stopped. */
  buildTimeoutMs?: number;
  resetTimeoutMs?: number;
  now?: () => number;
}

export function createSimWorker(): WorkerLike {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'archsim-simulation',
  });
}

export class SimClient {
  private worker!: WorkerLike;
  private api!: Comlink.Remote<SimApi>;
  private doc: unknown;
  /** False after a build was stopped: the fresh worker has no document until asked to run. */
  private loaded = true;
  private speed: Speed = 10;
  private tracesWanted = false;
  /** True from a Run or Step until a frame says otherwise: the watchdog only guards a run. */
  private expectingFrames = false;
  private lastHeardAt = 0;
  /** When the worker said it started building an engine (undefined: not building). */
  private buildingSince: number | undefined;
  private toldBuilding = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly beatMs: number;
  /** When the last pulse check ran (see checkPulse). */
  private lastCheckAt: number;
  private readonly opts: Required<Omit<SimClientOptions, 'onFrame' | 'onRestart' | 'onBuilding'>> &
    SimClientOptions;

  constructor(options: SimClientOptions) {
    this.opts = {
      createWorker: createSimWorker,
      watchdogMs: 3000,
      buildTimeoutMs: 30_000,
      resetTimeoutMs: 1500,
      now: () => performance.now(),
      ...options,
    };
    this.spawn();
    this.beatMs = Math.min(500, this.opts.watchdogMs / 2);
    this.lastCheckAt = this.opts.now();
    this.timer = setInterval(() => this.checkPulse(), this.beatMs);
  }

  private spawn(): void {
    const worker = this.opts.createWorker();
    this.worker = worker;
    if ('addEventListener' in worker) {
      worker.addEventListener('error', () => {
        if (this.worker !== worker) return;
        if (this.buildingSince === undefined) void this.recover(CRASHED_MESSAGE);
        else void this.recover(BUILD_FAILED_MESSAGE, false);
      });
    }
    this.api = Comlink.wrap<SimApi>(worker);
    void this.api.subscribe(
      Comlink.proxy((frame: MetricFrame) => {
        if (this.worker === worker) this.receive(frame);
      }),
    );
    void this.api.setSpeed(this.speed);
    if (this.tracesWanted) void this.api.wantTraces(true);
  }

  private receive(frame: MetricFrame): void {
    this.lastHeardAt = this.opts.now();
    if (frame.building === true) {
      this.buildingSince = this.lastHeardAt;
      return;
    }
    this.endBuilding();
    this.expectingFrames = frame.status === 'running';
    this.opts.onFrame(frame);
  }

  private endBuilding(): void {
    this.buildingSince = undefined;
    if (this.toldBuilding) this.opts.onBuilding?.(null);
    this.toldBuilding = false;
  }

  private checkPulse(): void {
    const now = this.opts.now();
    // A check that comes late means the page itself was stalled (a long task, a starved
    // machine): the worker's frames may be queued behind this very check, so the silence is
    // not the worker's. Judged again on the next check, after those frames.
    const late = now - this.lastCheckAt > 2 * this.beatMs;
    this.lastCheckAt = now;
    if (late) return;
    if (this.buildingSince !== undefined) {
      const buildingMs = now - this.buildingSince;
      if (buildingMs > this.opts.buildTimeoutMs)
        void this.recover(slowBuildMessage(this.opts.buildTimeoutMs), false);
      else if (buildingMs > this.opts.watchdogMs && !this.toldBuilding) {
        this.toldBuilding = true;
        this.opts.onBuilding?.(BUILDING_MESSAGE);
      }
      return;
    }
    if (!this.expectingFrames) return;
    if (now - this.lastHeardAt > this.opts.watchdogMs) void this.recover(UNRESPONSIVE_MESSAGE);
  }

  /**
   * Throws the worker away, starts a fresh one and says so; the fresh one loads the same
   * document unless building it was the trouble (the next edit or Run sends it again).
   */
  private recover(message: string, reload = true): Promise<void> {
    this.expectingFrames = false;
    this.endBuilding();
    this.worker.terminate();
    this.api[Comlink.releaseProxy]();
    this.spawn();
    this.opts.onRestart(message);
    if (!reload) this.loaded = false;
    return reload && this.doc !== undefined
      ? this.api.load(this.doc).then(() => {})
      : Promise.resolve();
  }

  load(doc: unknown): Promise<LoadAnswer> {
    this.doc = doc;
    this.loaded = true;
    return this.api.load(doc);
  }

  /** A changed document: restarts the run from 0 s if one was going on. */
  applyDoc(doc: unknown): Promise<LoadAnswer> {
    this.doc = doc;
    this.loaded = true;
    return this.api.applyDoc(doc);
  }

  private expectRun(): void {
    // After a stopped build, Run tries the document again (the worker takes messages in order).
    if (!this.loaded && this.doc !== undefined) void this.load(this.doc);
    this.expectingFrames = true;
    this.lastHeardAt = this.opts.now();
  }

  start(): Promise<void> {
    this.expectRun();
    return this.api.start();
  }

  step(): Promise<void> {
    this.expectRun();
    return this.api.step();
  }

  pause(): Promise<void> {
    return this.api.pause();
  }

  setSpeed(speed: Speed): Promise<void> {
    this.speed = speed;
    return this.api.setSpeed(speed);
  }

  /** The user started or stopped moving the canvas's view (the run rests longer meanwhile). */
  setViewMoving(on: boolean): Promise<void> {
    return this.api.setViewMoving(on);
  }

  /** Whether the page shows the run's traces now (the worker sends them only then). */
  wantTraces(on: boolean): Promise<void> {
    this.tracesWanted = on;
    return this.api.wantTraces(on);
  }

  /** When a fault by hand asked for `atS` can start (later if the run has passed it). */
  holdForFault(atS: number): Promise<number> {
    return this.api.holdForFault(atS);
  }

  /** Back to 0 s. Always works: a worker that does not answer in time is replaced. */
  async reset(): Promise<void> {
    this.expectingFrames = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      this.api.reset().then(() => true),
      new Promise<false>((r) => (timer = setTimeout(() => r(false), this.opts.resetTimeoutMs))),
    ]);
    clearTimeout(timer);
    // A Reset rebuilds the engine: a worker that said it is building is not stuck (the
    // watchdog bounds the build).
    if (!answered && this.buildingSince === undefined) await this.recover(FORCED_RESET_MESSAGE);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.worker.terminate();
  }
}
