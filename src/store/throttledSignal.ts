/**
 * Turns a noisy source of change notifications into a version number that moves at most once
 * per `intervalMs`, on an animation frame. Components read it with `useSyncExternalStore`, so
 * they re-render at that rate however many frames arrive.
 */
export interface Signal {
  subscribe: (listener: () => void) => () => void;
  getVersion: () => number;
}

const nextFrame = (fn: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
};

export function createSignal(): Signal & { notify: () => void } {
  let version = 0;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVersion: () => version,
    notify() {
      version += 1;
      listeners.forEach((l) => l());
    },
  };
}

/** About one display frame: how early a move may come and still count as on time. */
const FRAME_MS = 17;

export function throttleSignal(
  source: Signal,
  intervalMs: number,
  now: () => number = () => performance.now(),
): Signal {
  const out = createSignal();
  let lastAt = -Infinity;
  let pending = false;
  const publish = () => {
    pending = false;
    lastAt = now();
    out.notify();
  };
  const onSource = () => {
    if (pending) return;
    pending = true;
    const wait = intervalMs - (now() - lastAt);
    // A frame early counts as on time: the worker's frames come every interval, a little
    // before or after it, and a reader drawn in the frame after one arrives changes the page in
    // the same frame as the clock and the summary that frame moved (one layout and paint).
    if (wait <= FRAME_MS) nextFrame(publish);
    else setTimeout(() => nextFrame(publish), wait);
  };
  // Always listening, so the version is current even for a reader that has not subscribed yet.
  source.subscribe(onSource);
  return { subscribe: out.subscribe, getVersion: out.getVersion };
}

/**
 * A signal that moves with `source`, in the same call (so in the same animation frame), at most
 * once per `intervalMs`: its readers and the source's then write the DOM in one frame, and the
 * browser styles, lays out, paints and composites once for both (each frame that changes the
 * page costs the main thread a few milliseconds however little changed: on 100 nodes at Max the
 * charts, the canvas and the clock made 11 such frames a second). A move of the source it skips
 * is published on its own `intervalMs` later unless the source moves again first, so the last
 * figures of a run are never left unshown.
 */
export function followSignal(
  source: Signal,
  intervalMs: number,
  now: () => number = () => performance.now(),
): Signal {
  const out = createSignal();
  let lastAt = -Infinity;
  let owed: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    if (owed !== undefined) clearTimeout(owed);
    owed = undefined;
    lastAt = now();
    out.notify();
  };
  source.subscribe(() => {
    // A frame early counts as on time, as above.
    if (now() - lastAt >= intervalMs - FRAME_MS) publish();
    else owed ??= setTimeout(() => nextFrame(publish), intervalMs);
  });
  return { subscribe: out.subscribe, getVersion: out.getVersion };
}
