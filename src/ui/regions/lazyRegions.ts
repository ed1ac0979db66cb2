/** The regions' UI, loaded only when used: not part of the first paint. */
import { lazy } from 'react';

export const LazyRegionBackdrops = lazy(() =>
  import('./RegionBackdrops.tsx').then((m) => ({ default: m.RegionBackdrops })),
);
export const LazyRegionEditor = lazy(() =>
  import('./RegionEditor.tsx').then((m) => ({ default: m.RegionEditor })),
);
