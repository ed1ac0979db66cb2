/** Run, Pause, Step, Reset, the speed and the simulated clock. */
import { useAppStore } from '../../store/index.ts';
import { SPEEDS, type Speed } from '../../worker/protocol.ts';
import { useRunClient } from './RunClientContext.ts';
import { formatSimTime } from './format.ts';
import './run.css';

const speedLabel = (s: Speed) => (s === 'max' ? 'Max' : `×${s}`);

export function RunControls() {
  const client = useRunClient();
  const status = useAppStore((s) => s.runStatus);
  const speed = useAppStore((s) => s.runSpeed);
  const nowS = useAppStore((s) => s.simNowS);
  const durationS = useAppStore((s) => s.runDurationS);
  const running = status === 'running';
  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => void client.start()}
        disabled={running}
        title="Run the simulation"
      >
        Run
      </button>
      <button type="button" className="btn" onClick={() => void client.pause()} disabled={!running}>
        Pause
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void client.step()}
        disabled={running}
        title="Run one window of simulated time, then pause"
      >
        Step
      </button>
      <button type="button" className="btn" onClick={() => void client.reset()} title="Back to 0 s">
        Reset
      </button>
      <label className="run-controls__speed">
        Speed
        <select
          value={String(speed)}
          onChange={(e) => {
            const v = e.target.value;
            void client.setSpeed(v === 'max' ? 'max' : Number(v));
          }}
        >
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span
        className="run-controls__clock"
        title={durationS > 0 ? `Simulated time, of ${durationS} s` : 'Simulated time'}
      >
        <span className="visually-hidden">Simulated time </span>
        {formatSimTime(nowS)}
        {durationS > 0 && <span className="visually-hidden"> of {durationS} s</span>}
      </span>
    </div>
  );
}
