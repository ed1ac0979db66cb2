/**
 * The canvas's one reader of the metrics hub: the view of the newest window, worked out at most
 * once per live tick (LIVE_INTERVAL_MS) however many nodes, edges and layers ask for it.
 */
import { metricsHub, type MetricsHub } from '../../store/metricsHub.ts';
import { readLiveView, type LiveView } from './liveView.ts';

export function createLiveSource(hub: MetricsHub) {
  let version = -1;
  let view: LiveView | undefined;
  return (): LiveView | undefined => {
    const now = hub.live.getVersion();
    if (now === version) return view;
    version = now;
    const layout = hub.layout;
    const latest = hub.buffer.latest();
    view =
      layout === undefined || latest === undefined
        ? undefined
        : readLiveView(layout, latest[0], latest[1]);
    return view;
  };
}

export const currentLiveView = createLiveSource(metricsHub);
