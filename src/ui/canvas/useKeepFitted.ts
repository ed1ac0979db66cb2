/**
 * The design stays in view while the view is as fitted: React Flow fits the view once, at
 * start, but the canvas changes size (a panel opened, hidden or resized, the window resized,
 * an iframe resized), the minimap comes and goes, and in the embed nodes grow a row of live
 * figures when the run starts; each time the view fits again, shortly after. Once the user pans
 * or zooms it is theirs and stays where they put it (the embed, which only shows, always fits),
 * until Fit view or Tidy layout fits it again (`markFitted`).
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useReactFlow, type FitViewOptions } from '@xyflow/react';

const SETTLE_MS = 150;

export function useKeepFitted(
  embed: boolean,
  container: RefObject<HTMLElement | null>,
  nodeSizes: unknown,
  options: FitViewOptions,
): { onMoveStart: (event: unknown) => void; markFitted: () => void } {
  const { fitView } = useReactFlow();
  const fitted = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // While a fit waits for the canvas to settle the container says so (`data-fitting`): what
  // reads the view's geometry (a browser spec, a screenshot) waits for it to go.
  const refit = useCallback(
    (el: HTMLElement | null) => {
      clearTimeout(timer.current);
      if (el) el.dataset.fitting = 'pending';
      const done = () => {
        if (el) delete el.dataset.fitting;
      };
      timer.current = setTimeout(() => {
        if (fitted.current) fitView(options).then(done, done);
        else done();
      }, SETTLE_MS);
    },
    [fitView, options],
  );

  useEffect(() => {
    if (embed) refit(container.current);
  }, [embed, container, nodeSizes, refit]);

  // A new `options` (the minimap shown or hidden) fits again too.
  useEffect(() => {
    const el = container.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => refit(el));
    ro.observe(el);
    return () => {
      ro.disconnect();
      clearTimeout(timer.current);
      delete el.dataset.fitting;
    };
  }, [container, refit]);

  // React Flow passes the user's event; a move of our own (a fit) comes without one.
  const onMoveStart = useCallback(
    (event: unknown) => {
      if (event && !embed) fitted.current = false;
    },
    [embed],
  );
  const markFitted = useCallback(() => {
    fitted.current = true;
  }, []);
  return { onMoveStart, markFitted };
}
