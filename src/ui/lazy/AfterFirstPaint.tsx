/**
 * Renders its children only once the page has painted (the fallback until then), so the code
 * they load is fetched after the first paint: the canvas comes first, the rest a moment later.
 * The fallback should take the children's room, so nothing moves when they arrive.
 */
import { Suspense, type ReactNode } from 'react';
import { useFirstPaint } from './useFirstPaint.ts';

export function AfterFirstPaint({
  children,
  fallback = null,
}: {
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const painted = useFirstPaint();
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
