/**
 * Yielding between slices of engine work. `setTimeout(fn, 0)` is clamped to 4 ms after a few
 * nested calls, which would waste a third of the worker's time at "max" speed; a MessageChannel
 * post runs as soon as the messages already queued (a Pause, a Reset) have been handled.
 */
export type Schedule = (fn: () => void, delayMs: number) => void;

export function createScheduler(): Schedule {
  let channel: MessageChannel | undefined;
  const queue: Array<() => void> = [];
  const yieldNow = (fn: () => void) => {
    if (channel === undefined) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
    }
    queue.push(fn);
    channel.port2.postMessage(0);
  };
  return (fn, delayMs) => {
    if (delayMs <= 0 && typeof MessageChannel !== 'undefined') yieldNow(fn);
    else setTimeout(fn, Math.max(0, delayMs));
  };
}
