/**
 * The worker door: everything the page may ask of the simulation. `SimApi` is the one type the
 * main side `wrap`s. Every document is validated here again (the worker trusts nothing), and
 * metric frames leave as transferred buffers.
 *
 * A changed document while a run goes on restarts the run from 0 s with the new document (the
 * frame says so in `message`), so the numbers stay reproducible for the document on screen. The
 * one exception gives the same numbers: faults added at or after the current simulated time
 * join the run going on (RunLoop.applyDoc).
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../model/types.ts';
import type { Simulation, SimulationOptions } from '../engine/types.ts';
import { RunLoop, type RunLoopLimits } from './runLoop.ts';
import type { FrameListener, LoadAnswer, Speed } from './protocol.ts';
import type { Schedule } from './scheduler.ts';

export type LoadScenarioResult =
  | { ok: true; scenario: Scenario; warnings: readonly unknown[] }
  | { ok: false; error: string; path: string };

export interface SimApiDeps {
  createSimulation: (doc: Scenario, opts: SimulationOptions) => Simulation;
  loadScenario: (input: unknown) => LoadScenarioResult;
  now: () => number;
  schedule: Schedule;
  limits?: Partial<RunLoopLimits>;
}

export const RESTART_MESSAGE = 'The scenario changed, so the run restarted from 0 s.';

const warningText = (w: unknown): string =>
  typeof w === 'string'
    ? w
    : typeof w === 'object' && w !== null && 'message' in w
      ? String((w as { message: unknown }).message)
      : JSON.stringify(w);

export function createSimApi(deps: SimApiDeps) {
  let listener: FrameListener | undefined;
  const loop = new RunLoop(
    {
      createSimulation: deps.createSimulation,
      now: deps.now,
      schedule: deps.schedule,
      emit: (frame) => listener?.(Comlink.transfer(frame, [frame.data.buffer])),
    },
    deps.limits,
  );

  function answer(input: unknown, apply: (doc: Scenario) => void): LoadAnswer {
    let loaded: LoadScenarioResult;
    try {
      loaded = deps.loadScenario(input);
    } catch (err) {
      return { ok: false, error: `The scenario could not be read: ${String(err)}`, path: '' };
    }
    if (!loaded.ok) return { ok: false, error: loaded.error, path: loaded.path };
    try {
      apply(loaded.scenario);
    } catch (err) {
      return { ok: false, error: `The simulation could not start: ${String(err)}`, path: '' };
    }
    const layout = loop.layout;
    if (layout === undefined) return { ok: false, error: 'No layout', path: '' };
    return {
      ok: true,
      runId: loop.runId,
      layout,
      durationS: loaded.scenario.durationS,
      warmupS: loaded.scenario.warmupS,
      windowS: loop.windowS,
      warnings: loaded.warnings.map(warningText),
    };
  }

  return {
    /** Where frames go; pass a `Comlink.proxy(fn)` from the page. */
    subscribe(onFrame: FrameListener): void {
      listener = onFrame;
    },
    /** Validates and loads a document, ready at 0 s. */
    load(input: unknown): LoadAnswer {
      return answer(input, (doc) => loop.load(doc));
    },
    /** A changed document: new faults ahead join the run, else it restarts from 0 s (still running if it was). */
    applyDoc(input: unknown): LoadAnswer {
      return answer(input, (doc) => loop.applyDoc(doc, RESTART_MESSAGE));
    },
    start: (): void => loop.start(),
    pause: (): void => loop.pause(),
    step: (): void => loop.step(),
    reset: (): void => loop.reset(),
    setSpeed: (speed: Speed): void => loop.setSpeed(speed),
    /** The user started or stopped moving the canvas's view: the run rests longer meanwhile. */
    setViewMoving: (on: boolean): void => loop.setViewMoving(on),
    /** Whether the page shows the run's traces now: frames carry them only then. */
    wantTraces: (on: boolean): void => loop.wantTraces(on),
    /** When a fault by hand asked for `atS` can start; the run waits there for it (RunLoop.holdForFault). */
    holdForFault: (atS: number): number => loop.holdForFault(atS),
    /** Answers at once when the worker is alive and not stuck. */
    ping: (): number => deps.now(),
  };
}

export type SimApi = ReturnType<typeof createSimApi>;
