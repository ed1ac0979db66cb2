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
