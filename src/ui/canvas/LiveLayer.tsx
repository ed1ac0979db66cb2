/** The run drawn over the canvas (see liveLayer.ts): one canvas, no React renders per tick. */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useAppStore } from '../../store/index.ts';
import { metricsHub } from '../../store/metricsHub.ts';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';
import { currentLiveView } from './liveSource.ts';
import { startLiveLayer } from './liveLayer.ts';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

export function LiveLayer() {
  const flow = useStoreApi<ArchFlowNode, ArchFlowEdge>();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const motion = typeof matchMedia === 'function' ? matchMedia(REDUCED_MOTION) : undefined;
    return startLiveLayer({
      canvas: el,
      flow,
      liveView: currentLiveView,
      subscribeLive: metricsHub.live.subscribe,
      nodes: () => useAppStore.getState().doc.nodes,
      running: () => useAppStore.getState().runStatus === 'running',
      subscribeRunning: (listener) =>
        useAppStore.subscribe((s, prev) => {
          if (s.runStatus !== prev.runStatus) listener();
        }),
      reducedMotion: () => motion?.matches ?? false,
      now: () => performance.now(),
      requestFrame: (fn) => requestAnimationFrame(fn),
      cancelFrame: (handle) => cancelAnimationFrame(handle),
    });
  }, [flow]);
  return <canvas ref={canvas} className="traffic-layer" aria-hidden="true" />;
}
