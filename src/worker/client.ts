/**
 * The page's side of the worker door: creates the worker, `wrap`s it, receives metric frames,
 * and watches it. A worker that stops answering while it runs (no frame for `watchdogMs`), or
 * that throws, is terminated and replaced, the document reloaded, and the user told. A Reset
 * always works: if the worker does not answer it in time, it is terminated too.
 */
import * as Comlink from 'comlink';
import type { SimApi } from './api.ts';
import type { LoadAnswer, MetricFrame, Speed } from './protocol.ts';

export const UNRESPONSIVE_MESSAGE = 'The simulation stopped responding and was restarted.';
export const CRASHED_MESSAGE = 'The simulation failed and was restarted.';
export const FORCED_RESET_MESSAGE = 'The simulation did not stop in time, so it was restarted.';

/** What the client needs of a worker: a message endpoint that can be terminated. */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

export interface SimClientOptions {
  onFrame: (frame: MetricFrame) => void;
  /** The worker was replaced; the document is loaded again, at 0 s. */
  onRestart: (message: string) => void;
  createWorker?: () => WorkerLike;
  watchdogMs?: number;
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
  private speed: Speed = 10;
  /** True from a Run or Step until a frame says otherwise: the watchdog only guards a run. */
  private expectingFrames = false;
  private lastHeardAt = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly opts: Required<Omit<SimClientOptions, 'onFrame' | 'onRestart'>> &
    SimClientOptions;

  constructor(options: SimClientOptions) {
    this.opts = {
      createWorker: createSimWorker,
      watchdogMs: 3000,
      resetTimeoutMs: 1500,
      now: () => performance.now(),
      ...options,
    };
    this.spawn();
    this.timer = setInterval(() => this.checkPulse(), Math.min(500, this.opts.watchdogMs / 2));
  }

  private spawn(): void {
    const worker = this.opts.createWorker();
    this.worker = worker;
    if ('addEventListener' in worker) {
      worker.addEventListener('error', () => {
        if (this.worker === worker) void this.recover(CRASHED_MESSAGE);
      });
    }
    this.api = Comlink.wrap<SimApi>(worker);
    void this.api.subscribe(
      Comlink.proxy((frame: MetricFrame) => {
        if (this.worker === worker) this.receive(frame);
      }),
    );
    void this.api.setSpeed(this.speed);
  }

  private receive(frame: MetricFrame): void {
    this.lastHeardAt = this.opts.now();
    this.expectingFrames = frame.status === 'running';
    this.opts.onFrame(frame);
  }

  private checkPulse(): void {
    if (!this.expectingFrames) return;
    if (this.opts.now() - this.lastHeardAt > this.opts.watchdogMs) {
      void this.recover(UNRESPONSIVE_MESSAGE);
    }
  }

  /** Throws the worker away, starts a fresh one with the same document, and says so. */
  private async recover(message: string): Promise<void> {
    this.expectingFrames = false;
    this.worker.terminate();
    this.api[Comlink.releaseProxy]();
    this.spawn();
    this.opts.onRestart(message);
    if (this.doc !== undefined) await this.api.load(this.doc);
  }

  load(doc: unknown): Promise<LoadAnswer> {
    this.doc = doc;
    return this.api.load(doc);
  }

  /** A changed document: restarts the run from 0 s if one was going on. */
  applyDoc(doc: unknown): Promise<LoadAnswer> {
    this.doc = doc;
    return this.api.applyDoc(doc);
  }

  private expectRun(): void {
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
    if (!answered) await this.recover(FORCED_RESET_MESSAGE);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.worker.terminate();
  }
}
