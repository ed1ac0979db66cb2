/** The run drawn over the canvas (see liveLayer.ts): one canvas, no React renders per tick. */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useAppStore } from '../../store/index.ts';
import { metricsHub } from '../../store/metricsHub.ts';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';
import { currentLiveView } from './liveSource.ts';
import { CanvasDots } from './CanvasDots.tsx';
import { LEGIBLE_ZOOM, startLiveLayer, type TrafficSink } from './liveLayer.ts';
import { paintNodeChips } from './nodeChips.ts';
import { nodeOverlays, setNodePainter } from './nodePainter.ts';
import { createTrafficPainter, type TrafficMessage } from './trafficPainter.ts';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * The traffic's painter for a new canvas: in a worker when the browser can hand a canvas over
 * (the main thread then does no work per frame), on the page otherwise.
 */
function trafficSink(canvas: HTMLCanvasElement): TrafficSink {
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    const worker = new Worker(new URL('./trafficWorker.ts', import.meta.url), {
      type: 'module',
      name: 'archsim-traffic',
    });
    const offscreen = canvas.transferControlToOffscreen();
    const post = (m: TrafficMessage, transfer: Transferable[] = []) =>
      worker.postMessage(m, transfer);
    post({ canvas: offscreen }, [offscreen]);
    return { set: (change) => post({ change }), stop: () => worker.terminate() };
  }
  return createTrafficPainter({
    canvas,
    now: () => performance.now(),
    requestFrame: (fn) => requestAnimationFrame(fn),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
  });
}

export function LiveLayer() {
  const flow = useStoreApi<ArchFlowNode, ArchFlowEdge>();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    // A canvas per mount: one handed to a worker cannot be drawn on again, nor handed twice.
    const canvas = document.createElement('canvas');
    el.append(canvas);
    // A node drawn while the view is far out gets no text either (liveLayer.ts).
    const legible = () => flow.getState().transform[2] >= LEGIBLE_ZOOM;
    setNodePainter((el, node) => paintNodeChips(el, node, currentLiveView(), legible()));
    const motion = typeof matchMedia === 'function' ? matchMedia(REDUCED_MOTION) : undefined;
    const stop = startLiveLayer({
      traffic: trafficSink(canvas),
      styled: el,
      flow,
      liveView: currentLiveView,
      overlays: nodeOverlays,
      subscribeLive: metricsHub.live.subscribe,
      nodes: () => useAppStore.getState().doc.nodes,
      running: () => useAppStore.getState().runStatus === 'running',
      subscribeRunning: (listener) =>
        useAppStore.subscribe((s, prev) => {
          if (s.runStatus !== prev.runStatus) listener();
        }),
      reducedMotion: () => motion?.matches ?? false,
    });
    return () => {
      setNodePainter(null);
      stop();
      canvas.remove();
    };
  }, [flow]);
  return (
    <>
      {/* Here, not in Canvas: the grid, like the traffic, follows the view outside React, and
          its code need not be in the first paint's. */}
      <CanvasDots />
      <div ref={host} className="traffic-layer" aria-hidden="true" />
    </>
  );
}
