/**
 * Wires the simulation client to the store and the metrics hub: frames go to the buffer (outside
 * React state) and the few low-frequency facts (status, clock, figures, messages) to the run
 * slice. Also watches the edited document and sends it to the worker when something that
 * matters to the simulation changes (moving a node or renaming it does not restart a run).
 */
import { BUILDING_MESSAGE, SimClient } from '../../worker/client.ts';
import type { MetricFrame, Speed } from '../../worker/protocol.ts';
import { globalOffset } from '../../worker/frame.ts';
import { simulationKey } from '../../worker/liveEdit.ts';
import type { Action, EditAction, Fault, OperatorAction, Scenario } from '../../model/types.ts';
import type { EditResult } from '../../store/graphSlice.ts';
import { metricsHub, type MetricsHub } from '../../store/metricsHub.ts';
import type { RunFigures, RunState } from '../../store/runSlice.ts';
import { useAppStore } from '../../store/index.ts';
import { useLiveObjectives } from '../objectives/liveObjectives.ts';
import { useLiveTraces } from '../traces/liveTraces.ts';
import { onViewMotion } from '../canvas/viewMotion.ts';

/** What the run controls may ask for. */
export interface RunClient {
  start(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  /** A fault by hand: it joins the document (answers with it as added, null if refused). */
  inject(fault: Fault): Promise<Fault | null>;
  /** A live change as an action at the run's current time (answers the result of adding it). */
  act(action: Omit<EditAction, 'atS'> | Omit<OperatorAction, 'atS'>): Promise<EditResult>;
}

/** The clock is written to the store at most this often while running. */
const CLOCK_INTERVAL_MS = 200;
/** Edits are sent to the worker once they have settled for this long. */
export const DOC_DEBOUNCE_MS = 300;

type StoreLike = Pick<typeof useAppStore, 'getState' | 'setState' | 'subscribe'>;

/** The run's totals when it has ended, else the newest window's figures. */
function figuresOf(frame: MetricFrame, hub: MetricsHub): RunFigures | null {
  if (frame.result !== undefined) {
    const r = frame.result;
    return {
      throughputRps: r.throughputRps,
      p99Ms: r.latencyMs.p99,
      errorRate: r.errorRate,
      ...(r.goodputRps !== undefined ? { goodputRps: r.goodputRps } : {}),
      final: true,
    };
  }
  const latest = hub.buffer.latest();
  if (latest === undefined) return null;
  const [data, at] = latest;
  const get = (c: 'throughputRps' | 'p99' | 'errorRate' | 'goodputRps') =>
    data[at + globalOffset(c)] ?? NaN;
  const goodput = get('goodputRps');
  return {
    throughputRps: get('throughputRps'),
    p99Ms: get('p99'),
    errorRate: get('errorRate'),
    ...(Number.isNaN(goodput) ? {} : { goodputRps: goodput }),
    final: false,
  };
}

export function connectRun(
  store: StoreLike,
  hub: MetricsHub,
  makeClient: (
    o: ConstructorParameters<typeof SimClient>[0],
  ) => Omit<RunClient, 'inject' | 'act'> &
    Pick<SimClient, 'load' | 'applyDoc' | 'holdForFault'> &
    Partial<Pick<SimClient, 'wantTraces' | 'setViewMoving'>>,
): RunClient {
  let runId = -1;
  let clockWrittenAt = -Infinity;
  const set = (patch: Partial<RunState>) => store.getState().setRunState(patch);

  const onFrame = (frame: MetricFrame) => {
    if (frame.layout !== undefined) {
      runId = frame.runId;
      hub.reset(frame.layout);
    }
    if (frame.runId !== runId) return; // a late frame from a run already replaced
    hub.push(frame.data, frame.count);
    if (frame.layout !== undefined) useLiveObjectives.getState().reset();
    if (frame.objectives !== undefined) useLiveObjectives.getState().add(frame.objectives);
    if (frame.layout !== undefined) useLiveTraces.getState().reset();
    if (frame.traces !== undefined || frame.tracesKept !== useLiveTraces.getState().kept)
      useLiveTraces.getState().receive(frame);
    const state = store.getState();
    const patch: Partial<RunState> = {};
    if (frame.layout !== undefined && state.runId !== frame.runId) patch.runId = frame.runId;
    // A new run's first frame drops the last run's results; the frame that ends it brings them.
    if (frame.result !== undefined) patch.runResult = frame.result;
    else if (frame.layout !== undefined && state.runResult !== null) patch.runResult = null;
    const statusChanged = state.runStatus !== frame.status;
    if (statusChanged) patch.runStatus = frame.status;
    const now = performance.now();
    if (statusChanged || now - clockWrittenAt >= CLOCK_INTERVAL_MS || frame.layout !== undefined) {
      clockWrittenAt = now;
      patch.simNowS = frame.nowS;
      patch.runEvents = frame.events;
      patch.runFigures = figuresOf(frame, hub);
    }
    if (frame.message !== undefined) patch.runMessage = frame.message;
    if (frame.error !== undefined) patch.runError = frame.error;
    if (frame.truncated !== undefined) {
      // The engine says "stopped at 12.000 s of 120 s: …"; the toolbar says whose run it was.
      const t = frame.truncated;
      patch.runTruncated = /^stopped/.test(t) ? `The run ${t}.` : t;
    }
    if (Object.keys(patch).length > 0) set(patch);
  };

  const client = makeClient({
    onFrame,
    onRestart: (message) => {
      useLiveObjectives.getState().reset();
      set({ runStatus: 'idle', simNowS: 0, runMessage: message, runResult: null });
    },
    // A long build is said while it lasts; its notice goes when it ends (not another message).
    onBuilding: (message) => {
      if (message !== null) set({ runMessage: message });
      else if (store.getState().runMessage === BUILDING_MESSAGE) set({ runMessage: null });
    },
  });

  const send = (doc: Scenario, first: boolean) => {
    void (first ? client.load(doc) : client.applyDoc(doc)).then((answer) => {
      if (answer.ok) set({ runError: null, runDurationS: answer.durationS });
      else
        set({
          runError: `This scenario cannot run: ${answer.path ? `${answer.path}: ` : ''}${answer.error}`,
        });
    });
  };

  // The worker sends the run's traces only while the Traces view shows them (traceKeeper.ts).
  useLiveTraces.subscribe((s, prev) => {
    if (s.open !== prev.open) void client.wantTraces?.(s.open);
  });
  // A pan or a zoom gets the cores while it lasts (RunLoopLimits.movingRestMs).
  onViewMotion((moving) => void client.setViewMoving?.(moving));

  let sentKey = simulationKey(store.getState().doc);
  send(store.getState().doc, true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Sends the document on screen now if the worker has another one (edits still settling). */
  const sendPending = () => {
    clearTimeout(timer);
    timer = undefined;
    const doc = store.getState().doc;
    const key = simulationKey(doc);
    if (key === sentKey) return;
    sentKey = key;
    send(doc, false);
  };
  store.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    clearTimeout(timer);
    timer = setTimeout(sendPending, DOC_DEBOUNCE_MS);
  });

  const clearNotices = () => set({ runMessage: null, runError: null, runTruncated: null });
  // Run and Step first send edits that have not settled yet (say an Undo just before Run): the
  // worker takes messages in order, so the run is of the document on screen, and no edit made
  // before pressing Run arrives later to restart it.
  return {
    start: () => (sendPending(), clearNotices(), client.start()),
    pause: () => client.pause(),
    step: () => (sendPending(), clearNotices(), client.step()),
    reset: () => (clearNotices(), client.reset()),
    setSpeed: (speed) => (set({ runSpeed: speed }), client.setSpeed(speed)),
    // A fault by hand joins the document like any edit; the worker names its start (the run may
    // have passed the clock on screen) and waits there for the document, sent at once, which it
    // then takes without restarting (edits not sent yet restart it, as they would anyway).
    inject: async (fault) => {
      const scheduled = { ...fault, atS: await client.holdForFault(fault.atS) };
      if (!store.getState().addFault(scheduled).ok) return null;
      sendPending();
      return scheduled;
    },
    // A live change is an action at the run's clock, taken the same way as a fault by hand.
    act: async (action) => {
      const atS = await client.holdForFault(store.getState().simNowS);
      const result = store.getState().addAction({ ...action, atS } as Action);
      if (result.ok) sendPending();
      return result;
    },
  };
}

const inert: RunClient = {
  start: async () => {},
  pause: async () => {},
  step: async () => {},
  reset: async () => {},
  setSpeed: async () => {},
  // No simulation here: the fault only joins the document.
  inject: async (fault) => (useAppStore.getState().addFault(fault).ok ? fault : null),
  act: async (action) =>
    useAppStore.getState().addAction({ ...action, atS: useAppStore.getState().simNowS } as Action),
};

let shared: RunClient | undefined;

/** The page's one run client, connected on first use (inert where there are no workers). */
export function getRunClient(): RunClient {
  if (shared !== undefined) return shared;
  if (typeof Worker === 'undefined') return inert;
  shared = connectRun(useAppStore, metricsHub, (o) => new SimClient(o));
  return shared;
}
