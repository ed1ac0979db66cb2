/** A named progress bar with its count ("3 / 8 seeds"), shared by the sweep and replications. */
export function ProgressLine({
  label,
  done,
  total,
  unit,
}: {
  label: string;
  done: number;
  total: number;
  unit: string;
}) {
  return (
    <>
      <progress className="an-progress" aria-label={label} value={done} max={total} />
      <span className="an-note">
        {done} / {total} {unit}
      </span>
    </>
  );
}

/**
 * An Analyze tab's Run button and, while its runs go on, their progress and (where the runs can
 * be stopped) Cancel: the same controls in every tab.
 */
export function RunWithProgress({
  label,
  onRun,
  progress,
  progressLabel,
  unit,
  onCancel,
}: {
  label: string;
  onRun: () => void;
  /** Null while nothing runs. */
  progress: { done: number; total: number } | null;
  progressLabel: string;
  unit: string;
  onCancel?: () => void;
}) {
  return (
    <>
      <button type="button" className="btn" onClick={onRun} disabled={progress !== null}>
        {label}
      </button>
      {progress && (
        <>
          <ProgressLine
            label={progressLabel}
            done={progress.done}
            total={progress.total}
            unit={unit}
          />
          {onCancel && (
            <button type="button" className="btn btn--small" onClick={onCancel}>
              Cancel
            </button>
          )}
        </>
      )}
    </>
  );
}

/** What went wrong with the last run, read out as it appears (nothing when all is well). */
export function ErrorLine({ message }: { message: string | null }) {
  return message ? (
    <p className="an-error" role="alert">
      {message}
    </p>
  ) : null;
}
