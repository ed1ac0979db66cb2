/** The run report's objectives: the same scorecard as the run summary's, graded the same way. */
import { useAppStore } from '../../store/index.ts';
import { Scorecard } from './Scorecard.tsx';
import { useGraded } from './useGraded.ts';
import './objectives.css';

export function ReportObjectives() {
  const doc = useAppStore((s) => s.doc);
  const now = useGraded();
  if ((doc.objectives ?? []).length === 0) return null;
  return (
    <section className="rr-objectives" aria-label="Objectives in the report">
      <h3>Objectives</h3>
      <Scorecard now={now} durationS={doc.durationS} />
    </section>
  );
}
