/**
 * A region's users as the run goes, beside its name on the canvas: their p99 and the share of
 * their requests that succeeded in the newest window, or "down" while a regionDown holds it.
 * Read from the frame's region columns at the live figures' pace (metricsHub.live); a string,
 * so the label renders again only when its text changes.
 */
import { useSyncExternalStore } from 'react';
import { metricsHub } from '../../store/metricsHub.ts';
import { readRegion } from '../../worker/frame.ts';

function liveText(name: string): string {
  const layout = metricsHub.layout;
  const latest = metricsHub.buffer.latest();
  const index = layout?.regionNames.indexOf(name) ?? -1;
  if (layout === undefined || latest === undefined || index < 0) return '';
  const r = readRegion(layout, latest[0], latest[1] / layout.stride, index);
  const parts: string[] = [];
  if (r.upShare === 0) parts.push('down');
  if (r.p99Ms !== undefined)
    parts.push(`p99 ${r.p99Ms < 10 ? r.p99Ms.toFixed(1) : Math.round(r.p99Ms)} ms`);
  if (r.availability !== undefined) parts.push(`${(r.availability * 100).toFixed(1)} % ok`);
  return parts.join(' · ');
}

export function RegionLive({ name }: { name: string }) {
  const text = useSyncExternalStore(metricsHub.live.subscribe, () => liveText(name));
  if (text === '') return null;
  return <span className="region-box__live">{text}</span>;
}
