/**
 * Keeps every run that reaches its end: the run's result arriving on the page's store is the
 * moment. Loaded after the first paint (it prices the design, which reads the analysis).
 */
import { designCost } from '../../analysis/cost.ts';
import { useAppStore } from '../../store/index.ts';
import { recordOf } from './runRecord.ts';
import { keepRun, loadRunHistory } from './runHistoryStore.ts';

/** Starts keeping runs; returns the function that stops. */
export function startRecordingRuns(): () => void {
  void loadRunHistory();
  return useAppStore.subscribe((s, prev) => {
    const result = s.runResult;
    if (result === null || result === prev.runResult) return;
    const cost = designCost(s.doc, result).perHour;
    void keepRun(recordOf(s.doc, result, cost, Date.now()));
  });
}
