/** A challenge's goal, its hints one at a time, and the learner's kept result. */
import { useState } from 'react';
import type { Challenge } from '../../model/types.ts';
import { useChallengeResults } from './challengeResults.ts';

export function ChallengeCard({ name, challenge }: { name: string; challenge: Challenge }) {
  const result = useChallengeResults((s) => s.results[name]);
  const kept = useChallengeResults((s) => s.kept);
  const [shown, setShown] = useState(0);
  return (
    <section className="challenge" aria-label="Challenge">
      <p className="challenge__goal">
        <strong>Challenge:</strong> {challenge.goal}
      </p>
      <p
        className={`challenge__result is-${result === undefined ? 'none' : result.passed ? 'passed' : 'failed'}`}
      >
        {result === undefined
          ? 'Not tried yet: finish a run to be graded.'
          : result.passed
            ? `Passed ✓ (all ${result.of} objectives met, seed ${result.seed}, ${new Date(result.at).toLocaleString()})`
            : `Not passed yet: best ${result.met} of ${result.of} objectives met.`}
        {!kept && ' (This browser refused to keep it: it lasts until the page closes.)'}
      </p>
      {challenge.hints.length > 0 && (
        <div className="challenge__hints">
          <ol>
            {challenge.hints.slice(0, shown).map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ol>
          {shown < challenge.hints.length && (
            <button type="button" className="btn btn--small" onClick={() => setShown(shown + 1)}>
              {shown === 0 ? 'Show a hint' : 'Another hint'} ({shown + 1} of{' '}
              {challenge.hints.length})
            </button>
          )}
        </div>
      )}
    </section>
  );
}
