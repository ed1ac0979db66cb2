import { useSyncExternalStore } from 'react';
import { afterFirstPaint, hasPainted } from './firstPaint.ts';

/** True once the page has painted: a part that renders only then is fetched only then. */
export function useFirstPaint(): boolean {
  return useSyncExternalStore(afterFirstPaint, hasPainted, hasPainted);
}
