/**
 * The run in one line of text, in a polite live region: simulated time, throughput, p99 and
 * error rate (the newest window while running, the run's totals after warm-up once done), and
 * any notice about the run (a restart, a cap reached, a document that cannot run).
 */
import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/index.ts';
import { ScorecardButton } from '../objectives/ScorecardButton.tsx';
import { RunReportButton } from '../report/RunReportButton.tsx';
import { RunHistoryButton } from '../runHistory/RunHistoryButton.tsx';
import {
  formatDuration,
  formatPercent,
  formatRate,
  formatSimTime,
  goodputDiffers,
} from './format.ts';

// The cost model reads the traffic equations: its own chunk, after the line has drawn.
const RunCost = lazy(() => import('../report/RunCost.tsx'));

const STATUS_TEXT = {
  idle: 'Ready',
  running: 'Running',
  paused: 'Paused',
  done: 'Finished',
  error: 'Failed',
} as const;

export function RunSummary() {
  const status = useAppStore((s) => s.runStatus);
  const nowS = useAppStore((s) => s.simNowS);
  const figures = useAppStore((s) => s.runFigures);
  const message = useAppStore((s) => s.runMessage);
  const error = useAppStore((s) => s.runError);
  const truncated = useAppStore((s) => s.runTruncated);
  const notice = error ?? truncated ?? message;
  return (
    <div className="run-summary">
      {/* The report's button keeps to the line's end: the line's text wraps, not the button. */}
      <div className="run-summary__main">
        <div
          role="status"
          aria-label="Run summary"
          aria-atomic="true"
          className="run-summary__line"
        >
          <span className={`run-summary__status is-${status}`}>{STATUS_TEXT[status]}</span>{' '}
          <span>t = {formatSimTime(nowS)}</span>
          {figures === null ? (
            // A run that has just started has no window yet: it is not waiting for Run.
            status !== 'running' && <span className="run-summary__hint"> · press Run to start</span>
          ) : (
            <>
              {' · '}
              <span title={figures.final ? 'Whole run, after warm-up' : 'Last window'}>
                throughput {formatRate(figures.throughputRps)}
              </span>
              {figures.goodputRps !== undefined &&
                goodputDiffers(figures.throughputRps, figures.goodputRps) && (
                  <>
                    {' · '}
                    <span title="OK answers within the deadline and not degraded by a fallback">
                      goodput {formatRate(figures.goodputRps)}
                    </span>
                  </>
                )}
              {' · '}
              <span>p99 {formatDuration(figures.p99Ms)}</span>
              {' · '}
              <span>errors {formatPercent(figures.errorRate)}</span>
            </>
          )}
          <Suspense fallback={null}>
            <RunCost />
          </Suspense>
        </div>
        <ScorecardButton />
        <RunReportButton />
        <RunHistoryButton />
      </div>
      {notice !== null && (
        <div
          role="alert"
          title={notice}
          className={`run-summary__notice${error !== null ? ' is-error' : ''}`}
        >
          {notice}
        </div>
      )}
    </div>
  );
}
