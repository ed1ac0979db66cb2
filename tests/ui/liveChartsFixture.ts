/**
 * The live charts' state as a run leaves it: `doc` in the store with the given run status and
 * `count` windows of the stand-in engine in the metrics hub, ready for <LiveCharts /> to draw.
 */
import { act } from '@testing-library/react';
import { metricsHub } from '../../src/store/metricsHub.ts';
import { useAppStore } from '../../src/store/index.ts';
import type { RunStatus } from '../../src/worker/protocol.ts';
import type { Scenario } from '../../src/model/types.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import { fakeWindow } from '../worker/fakeEngine.ts';

export function showWindows(doc: Scenario, count: number, runStatus: RunStatus = 'running') {
  const layout = layoutFor(doc);
  useAppStore.setState({ doc, selectedIds: [], runStatus });
  metricsHub.reset(layout);
  const windows = Array.from({ length: count }, (_, i) => fakeWindow(doc, 0, i));
  act(() => metricsHub.push(packWindows(layout, windows), windows.length));
  return windows;
}
