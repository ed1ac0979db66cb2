/**
 * The run summary's objectives chip: "3/4 objectives met" (live while running, final at the
 * end), an alert count while any fires; it opens the scorecard. Shown only for documents with
 * objectives. A finished run of a challenge records its result here.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { ChallengeCard } from './ChallengeCard.tsx';
import { useChallengeResults } from './challengeResults.ts';
import { Scorecard } from './Scorecard.tsx';
import { firingNow, useGraded } from './useGraded.ts';
import './objectives.css';

export function ScorecardButton() {
  const doc = useAppStore((s) => s.doc);
  const result = useAppStore((s) => s.runResult);
  const now = useGraded();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const record = useChallengeResults((s) => s.record);
  const recorded = useRef<object | null>(null);
  const objectives = doc.objectives ?? [];

  useEffect(() => {
    // One record per finished run of a challenge (the result object changes once per run).
    if (doc.challenge === undefined || result === null || !now.final) return;
    if (recorded.current === result) return;
    recorded.current = result;
    const met = now.graded.filter((g) => g.met).length;
    record(doc.name, {
      passed: met === now.graded.length && met > 0,
      met,
      of: now.graded.length,
      at: new Date().toISOString(),
      seed: result.seed,
    });
  }, [doc.challenge, doc.name, result, now, record]);

  if (objectives.length === 0) return null;
  const met = now.graded.filter((g) => g.met).length;
  const firing = firingNow(now.alerts).length;
  const state = !now.measured ? 'pending' : met === now.graded.length ? 'met' : 'missed';
  return (
    <span className="scorecard-anchor">
      <button
        type="button"
        className={`btn btn--small scorecard-chip is-${state}`}
        aria-expanded={open}
        aria-controls={panelId}
        title={now.final ? 'Objectives, graded over the whole run' : 'Objectives, so far'}
        onClick={() => setOpen(!open)}
      >
        {state === 'pending'
          ? 'Objectives'
          : `${state === 'met' ? '✓' : '✗'} ${met}/${now.graded.length} met`}
        {firing > 0 && (
          <span className="scorecard-chip__alerts">
            {' '}
            · {firing} alert{firing === 1 ? '' : 's'}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          className="scorecard-panel"
          role="dialog"
          aria-label="Objectives scorecard"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <div className="scorecard-panel__head">
            <strong>Objectives</strong>
            <button type="button" className="btn btn--small" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          {doc.challenge !== undefined && (
            <ChallengeCard name={doc.name} challenge={doc.challenge} />
          )}
          <Scorecard now={now} durationS={doc.durationS} />
        </div>
      )}
    </span>
  );
}
