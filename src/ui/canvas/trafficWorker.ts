/// <reference lib="webworker" />
/**
 * The traffic drawing's own thread: the page hands over its canvas, then sends what changes
 * (edges and rates on each live tick, the viewport while the user pans). Frames drawn here go
 * to the screen without the page's main thread (see trafficPainter.ts).
 */
import {
  createTrafficPainter,
  type TrafficMessage,
  type TrafficPainter,
} from './trafficPainter.ts';

let painter: TrafficPainter | undefined;

self.onmessage = (e: MessageEvent<TrafficMessage>) => {
  const m = e.data;
  if ('canvas' in m) {
    painter = createTrafficPainter({
      canvas: m.canvas,
      now: () => performance.now(),
      requestFrame: (fn) => requestAnimationFrame(fn),
      cancelFrame: (handle) => cancelAnimationFrame(handle),
    });
  } else painter?.set(m.change);
};
