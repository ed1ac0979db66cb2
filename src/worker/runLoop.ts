/**
 * The run loop that lives in the worker. It advances the engine in slices bounded by wall time
 * (so a pause or a reset is answered within one slice, even at "max" speed), paces simulated
 * time to the chosen speed, and batches completed windows into metric frames.
 *
 * It knows nothing of comlink or of `self`: the clock, the scheduler and the frame sink are
 * passed in, so tests drive it directly with the real engine and a fake clock.
 */
import { grade } from '../analysis/objectives.ts';
import { tracingOf } from '../model/tracing.ts';
import type { Scenario } from '../model/types.ts';
import { BROWSER_EVENT_BUDGET } from '../engine/limits.ts';
import type { Simulation, SimulationOptions, WindowStats } from '../engine/types.ts';
import { layoutFor, packWindows, type FrameLayout } from './frame.ts';
import { liveChanges, type LiveChanges } from './liveEdit.ts';
import type { MetricFrame, RunStatus, Speed } from './protocol.ts';
import { TraceKeeper } from './traceKeeper.ts';

export interface RunLoopDeps {
  createSimulation: (doc: Scenario, opts: SimulationOptions) => Simulation;
  /** Wall-clock milliseconds. */
  now: () => number;
  /** Calls `fn` after about `delayMs` (0 = yield, let pending messages in, then go on). */
  schedule: (fn: () => void, delayMs: number) => void;
  /** Where frames go. A returned promise means "in flight" until it settles. */
  emit: (frame: MetricFrame) => unknown;
}

export interface RunLoopLimits {
  /** Engine work per slice before yielding. */
  sliceMs: number;
  /**
   * Minimum wall time between two frames while running (250 ms = 4 Hz): the rate of the page's
   * charts, which draw in the frame after one arrives, so the clock, the summary and the charts
   * change the page together, in one layout and paint. At 10 Hz every frame changed some text
   * (the clock, the traces kept), and each such frame cost the main thread a layout, a paint
   * and a layerization of the whole page (6-8 ms on 100 nodes), between the charts' own.
   */
  frameIntervalMs: number;
  /** Hard cap on events per run; the engine stops and reports `truncated`. */
  eventBudget: number;
  windowS: number;
  /**
   * Rest between two slices at full speed, for a large design (LARGE_DESIGN_NODES). On a
   * two-core machine a worker that never rests takes a whole core, and a large page's painting
   * starts to miss frames; the rest costs a third of the simulation's speed and keeps the page
   * smooth. A small design's page paints little, so its worker only yields between slices (to
   * hear a Pause): with the rest for every design, the page at Max ran at about 0.6 × its speed
   * now (max-speed.mjs), where issue #19 asks for 0.8 × the headless engine.
   */
  restMs: number;
  /**
   * Rest between two slices while the user pans or zooms the canvas (any design, any speed). A
   * pan is the page's dearest work (pointer events, hit tests, React Flow's store, the raster
   * threads repainting), and on two cores it competes with the worker: with the worker at a
   * third of a core for those moments (16 ms), the main thread's busy share in a 100-node pan went
   * from 31-32 % to 27-28 % in runs in turn (the limit is 30 %); at an eighth (56 ms), four
   * runs in turn with 16 ms on an idle machine read 26-27 % against 27-29 %, and a largest gap of
   * 33.4 ms in all four against 33.4-50.1 ms. The charts and figures wait out a pan anyway
   * (viewMotion.ts), so the run's progress meanwhile is not seen until it ends.
   */
  movingRestMs: number;
}

export const DEFAULT_LIMITS: RunLoopLimits = {
  sliceMs: 8,
  frameIntervalMs: 250,
  eventBudget: BROWSER_EVENT_BUDGET,
  windowS: 1,
  restMs: 4,
  movingRestMs: 56,
};

/** Frames sent and not yet received by the page; beyond this, windows wait in the worker. */
const MAX_FRAMES_IN_FLIGHT = 2;
/**
 * The longest gap between frames a busy page is given (a page that takes long to receive a frame
 * is sent fewer, larger ones: the same windows, fewer messages to handle).
 */
export const SLOW_PAGE_FRAME_INTERVAL_MS = 1000;
/**
 * From this many nodes a design's frames come half as often (2 Hz), and the worker rests between
 * slices at Max (RunLoopLimits.restMs). Each frame changes the page
 * once (clock, charts, canvas: one layout and paint), and on a large design that change takes
 * the main thread about a display frame or more, so the frame it lands in comes late: at 4 Hz
 * one display frame in 15, a frame-gap p95 of two frames (issue #19 asks for one); at 2 Hz one
 * in 30, under the 5 % a p95 leaves. Small designs, cheap to redraw, keep 4 Hz.
 */
export const LARGE_DESIGN_NODES = 50;

/** Idle time between paced slices (about one display frame). */
const PACED_SLEEP_MS = 16;
/**
 * How long a hold for a fault by hand (`holdForFault`) may keep the run waiting for the document
 * with the fault: the page answers within milliseconds; a document that never comes (the fault
 * was refused) only delays the run this long.
 */
export const FAULT_HOLD_MS = 1000;

/** What `applyDoc` did with a changed document. */
export type DocApplied = 'injected' | 'restarted';

export class RunLoop {
  private doc: Scenario | undefined;
  private sim: Simulation | undefined;
  private layoutValue: FrameLayout | undefined;
  private status: RunStatus = 'idle';
  private speed: Speed = 10;
  private runIdValue = 0;
  private pending: WindowStats[] = [];
  private lastFrameAt = -Infinity;
  private inFlight = 0;
  /** The gap between frames now: the limit's, longer while the page is slow to take them. */
  private frameGapMs: number;
  /** The gap between frames for this document (longer for a large one: LARGE_DESIGN_NODES). */
  private baseGapMs: number;
  /** The rest between slices at Max for this document (none for a small one). */
  private restMs = 0;
  /** The user is moving the canvas's view: rest longer (RunLoopLimits.movingRestMs). */
  private viewMoving = false;
  private scheduled = false;
  private stepTargetS: number | undefined;
  /** The run waits here for a fault by hand (see `holdForFault`), until wall time `untilMs`. */
  private hold: { simS: number; untilMs: number } | undefined;
  /** Pacing anchor: simulated time `simS` at wall time `wallMs`. */
  private anchor = { wallMs: 0, simS: 0 };
  /** Events per engine call, adapted so that one call takes about a millisecond. */
  private chunkEvents = 2000;
  private events = 0;
  /** The next frame carries the layout: the first frame of every run does. */
  private layoutPending = true;
  private readonly limits: RunLoopLimits;
  private readonly traces = new TraceKeeper();

  constructor(
    private readonly deps: RunLoopDeps,
    limits: Partial<RunLoopLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.baseGapMs = this.limits.frameIntervalMs;
    this.frameGapMs = this.baseGapMs;
  }

  get runId(): number {
    return this.runIdValue;
  }
  get layout(): FrameLayout | undefined {
    return this.layoutValue;
  }
  /** True once simulated time has moved in the current run. */
  get hasProgress(): boolean {
    return (this.sim?.nowS ?? 0) > 0;
  }
  get windowS(): number {
    return this.limits.windowS;
  }

  /** Loads a valid document and stands ready at 0 s; keeps running if it was running. */
  load(doc: Scenario, message?: string): void {
    const wasRunning = this.status === 'running';
    this.doc = doc;
    this.layoutValue = layoutFor(doc);
    const large = doc.nodes.length >= LARGE_DESIGN_NODES;
    this.baseGapMs = this.limits.frameIntervalMs * (large ? 2 : 1);
    this.frameGapMs = this.baseGapMs;
    this.restMs = large ? this.limits.restMs : 0;
    this.rebuild();
    if (wasRunning) this.start();
    this.flush(message);
  }

  start(): void {
    if (this.sim === undefined) return;
    if (this.status === 'done' || this.status === 'error') this.rebuild();
    this.stepTargetS = undefined;
    this.setRunning();
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.status = 'paused';
    this.stepTargetS = undefined;
    this.flush();
  }

  /** Runs to the end of the next window, then pauses. */
  step(): void {
    if (this.sim === undefined) return;
    if (this.status === 'done' || this.status === 'error') this.rebuild();
    const w = this.limits.windowS;
    this.stepTargetS = (Math.floor(this.sim.nowS / w + 1e-9) + 1) * w;
    this.setRunning();
  }

  reset(): void {
    if (this.doc === undefined) return;
    this.rebuild();
    this.flush();
  }

  /**
   * Whether the page shows the traces now (traceKeeper.ts). When it starts to, they are sent at
   * once if no frame is coming soon (the run is paused or over).
   */
  /** The user started (true) or stopped (false) moving the canvas's view. */
  setViewMoving(on: boolean): void {
    this.viewMoving = on;
  }

  wantTraces(on: boolean): void {
    if (this.traces.want(on) && this.status !== 'running') this.flush();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed === 'max' || speed > 0 ? speed : 1;
    this.reanchor();
  }

  /**
   * A changed document. Faults and actions appended at or after the current simulated time join
   * the run going on (liveEdit.ts); any other change, or an action the engine can only take
   * when built with it (Simulation.act), reloads it, from 0 s, keeping it running if it was,
   * with `restartMessage` when the run had moved.
   */
  applyDoc(doc: Scenario, restartMessage: string): DocApplied {
    const sim = this.sim;
    const ended = this.status === 'done' || this.status === 'error';
    const added =
      sim === undefined || this.doc === undefined || ended
        ? null
        : liveChanges(this.doc, doc, sim.nowS);
    if (sim === undefined || added === null || !take(sim, added)) {
      this.load(doc, this.hasProgress ? restartMessage : undefined);
      return 'restarted';
    }
    this.doc = doc;
    this.hold = undefined;
    return 'injected';
  }

  /**
   * The start of a fault by hand: `atS` if that is still ahead, else the first tenth of a second
   * after now (a time the document states exactly, so a Reset replays it). A running run waits
   * there for the document with the fault (at most FAULT_HOLD_MS of wall time), so that the
   * fault is still ahead when it arrives and joins the run instead of restarting it.
   */
  holdForFault(atS: number): number {
    const sim = this.sim;
    if (sim === undefined || !this.hasProgress) return atS;
    const startS = Math.max(atS, tenthAfter(sim.nowS));
    if (this.status === 'running')
      this.hold = { simS: startS, untilMs: this.deps.now() + FAULT_HOLD_MS };
    return startS;
  }

  private rebuild(): void {
    if (this.doc === undefined) return;
    this.runIdValue += 1;
    this.status = 'idle';
    this.pending = [];
    this.stepTargetS = undefined;
    this.hold = undefined;
    this.events = 0;
    this.layoutPending = true;
    this.traces.reset();
    this.sayBuilding();
    this.sim = this.deps.createSimulation(this.doc, {
      eventBudget: this.limits.eventBudget,
      windowS: this.limits.windowS,
      tracing: tracingOf(this.doc),
    });
  }

  /**
   * Tells the page an engine is being built (see MetricFrame.building), before the work, which
   * may take seconds. Not counted as a frame in flight: it carries no windows.
   */
  private sayBuilding(): void {
    const data = new Float64Array(0);
    this.deps.emit({
      runId: this.runIdValue,
      status: 'idle',
      nowS: 0,
      events: 0,
      count: 0,
      data,
      building: true,
    });
  }

  private setRunning(): void {
    this.status = 'running';
    this.reanchor();
    this.flush();
    this.wake(0);
  }

  private reanchor(): void {
    this.anchor = { wallMs: this.deps.now(), simS: this.sim?.nowS ?? 0 };
  }

  private wake(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(() => {
      this.scheduled = false;
      this.slice();
    }, delayMs);
  }

  /** Where simulated time should be now: the speed's or the step's aim, unless held before it. */
  private target(sim: Simulation): number {
    const aim = this.aim(sim);
    const hold = this.hold;
    if (hold === undefined) return aim;
    if (this.deps.now() <= hold.untilMs) return Math.min(aim, hold.simS);
    this.hold = undefined;
    return aim;
  }

  private aim(sim: Simulation): number {
    if (this.stepTargetS !== undefined) return this.stepTargetS;
    if (this.speed === 'max') return Number.POSITIVE_INFINITY;
    const wanted = this.anchor.simS + ((this.deps.now() - this.anchor.wallMs) / 1000) * this.speed;
    // Fallen far behind (a heavy scenario): do not try to catch up in one burst.
    if (wanted - sim.nowS > this.speed * 0.25) this.reanchor();
    return wanted;
  }

  private slice(): void {
    const sim = this.sim;
    if (sim === undefined || this.status !== 'running') return;
    const start = this.deps.now();
    let reachedTarget = false;
    let done = false;
    try {
      for (;;) {
        const callStart = this.deps.now();
        const progress = sim.runUntil(this.target(sim), this.chunkEvents);
        this.adaptChunk(this.deps.now() - callStart, progress.stoppedBy === 'events');
        this.events = progress.events;
        if (progress.done) done = true;
        if (progress.stoppedBy === 'time') reachedTarget = true;
        if (done || reachedTarget || this.deps.now() - start >= this.limits.sliceMs) break;
      }
      this.pending.push(...sim.drainWindows());
    } catch (err) {
      this.status = 'error';
      this.flush(undefined, `The simulation failed: ${String(err)}`);
      return;
    }
    if (done) return this.finish(sim);
    if (this.stepTargetS !== undefined && sim.nowS >= this.stepTargetS - 1e-9) {
      this.stepTargetS = undefined;
      this.status = 'paused';
      this.flush();
      return;
    }
    const due = this.deps.now() - this.lastFrameAt >= this.frameGapMs;
    // A page that has not taken the last frames yet gets the windows later, in one batch.
    if (due && this.inFlight < MAX_FRAMES_IN_FLIGHT) this.flush();
    const paced = this.speed !== 'max' && this.stepTargetS === undefined;
    const rest = this.viewMoving ? this.limits.movingRestMs : this.restMs;
    this.wake(paced && reachedTarget ? Math.max(PACED_SLEEP_MS, rest) : rest);
  }

  /**
   * A frame the page took longer than half a gap to receive means its main thread is busy: the
   * gap doubles (up to SLOW_PAGE_FRAME_INTERVAL_MS); quick receipts bring it back down.
   */
  private adaptFrameGap(receiptMs: number): void {
    const base = this.baseGapMs;
    if (receiptMs > this.frameGapMs / 2)
      this.frameGapMs = Math.min(this.frameGapMs * 2, Math.max(base, SLOW_PAGE_FRAME_INTERVAL_MS));
    else this.frameGapMs = Math.max(base, this.frameGapMs * 0.75);
  }

  private adaptChunk(elapsedMs: number, stoppedOnEvents: boolean): void {
    if (!stoppedOnEvents) return;
    if (elapsedMs < 0.5) this.chunkEvents = Math.min(this.chunkEvents * 2, 1_000_000);
    else if (elapsedMs > 2) this.chunkEvents = Math.max(Math.floor(this.chunkEvents / 2), 100);
  }

  private finish(sim: Simulation): void {
    this.status = 'done';
    const result = sim.snapshot();
    // Graded as `npm run sim` grades it, so the page's result is the headless JSON.
    const objectives = this.doc?.objectives ?? [];
    if (objectives.length > 0 && this.doc !== undefined)
      result.objectives = grade(objectives, result, this.doc);
    const frame = this.takeFrame(result.truncated?.message);
    frame.result = result;
    if (result.truncated !== undefined) frame.truncated = result.truncated.message;
    this.send(frame);
  }

  private takeFrame(message?: string, error?: string): MetricFrame {
    const layout = this.layoutValue;
    const windows = this.pending;
    this.pending = [];
    const data = layout === undefined ? new Float64Array(0) : packWindows(layout, windows);
    const frame: MetricFrame = {
      runId: this.runIdValue,
      status: this.status,
      nowS: this.sim?.nowS ?? 0,
      events: this.events,
      count: layout === undefined ? 0 : windows.length,
      data,
    };
    if (this.layoutPending && layout !== undefined) {
      frame.layout = layout;
      this.layoutPending = false;
    }
    const objectives = this.sim?.drainObjectives?.();
    if (objectives) frame.objectives = objectives;
    this.traces.fill(frame, this.sim?.drainTraces?.(this.status === 'done'));
    if (message !== undefined) frame.message = message;
    if (error !== undefined) frame.error = error;
    return frame;
  }

  /** Sends what is pending with the current status. */
  private flush(message?: string, error?: string): void {
    this.send(this.takeFrame(message, error));
  }

  private send(frame: MetricFrame): void {
    this.lastFrameAt = this.deps.now();
    const sent = this.deps.emit(frame);
    if (sent instanceof Promise) {
      this.inFlight += 1;
      const sentAt = this.lastFrameAt;
      const received = () => {
        this.inFlight -= 1;
        this.adaptFrameGap(this.deps.now() - sentAt);
      };
      sent.then(received, received);
    }
  }
}

/** Faults and actions join the run; false when an action needs the run rebuilt with it. */
function take(sim: Simulation, added: LiveChanges): boolean {
  for (const f of added.faults) sim.inject(f);
  return added.actions.every((a) => sim.act(a));
}

/**
 * The first multiple of 0.1 s after `s`, as the decimal a document would hold. Strictly after:
 * events at `s` itself may already have run, and a fault at t must run before them.
 */
export function tenthAfter(s: number): number {
  const t = Math.ceil(s * 10) / 10;
  return t > s ? t : Math.round(t * 10 + 1) / 10;
}
