/**
 * The embedded view keeps the whole design in its frame: React Flow fits the view once, at
 * start, but nodes grow a row of live figures when the run starts (autorun) and an iframe may be
 * resized, so the embed fits again, shortly after either. The editor never moves the user's view.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';

const SETTLE_MS = 150;

export function useEmbedRefit(
  enabled: boolean,
  container: RefObject<HTMLElement | null>,
  nodeSizes: unknown,
  options: { padding: number; maxZoom: number },
): void {
  const { fitView } = useReactFlow();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refit = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void fitView(options), SETTLE_MS);
  }, [fitView, options]);

  useEffect(() => {
    if (enabled) refit();
  }, [enabled, nodeSizes, refit]);

  useEffect(() => {
    const el = container.current;
    if (!enabled || el === null || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(refit);
    ro.observe(el);
    return () => {
      ro.disconnect();
      clearTimeout(timer.current);
    };
  }, [enabled, container, refit]);
}
