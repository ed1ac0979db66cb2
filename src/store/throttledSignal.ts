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
    if (wait <= 0) nextFrame(publish);
    else setTimeout(() => nextFrame(publish), wait);
  };
  // Always listening, so the version is current even for a reader that has not subscribed yet.
  source.subscribe(onSource);
  return { subscribe: out.subscribe, getVersion: out.getVersion };
}
