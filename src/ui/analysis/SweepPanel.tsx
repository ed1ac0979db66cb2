/**
 * Load sweep: the design at a range of offered loads, one point per job across the worker pool,
 * with progress and Cancel; then the curve, the knee, the capacity at the SLO and the bottleneck.
 */
import { useRef, useState } from 'react';
import { openClientRps } from '../../analysis/sweep.ts';
import { useAppStore } from '../../store/index.ts';
import { ErrorLine, RunWithProgress } from './ProgressLine.tsx';
import { NumberField } from './NumberField.tsx';
import { isAbort, runAll, useRunnerPoolFactory } from './runners.ts';
import { SweepTable } from './SweepTable.tsx';
import { SweepChart } from './SweepChart.tsx';
import { planSweepJobs, readSweep, type SweepInputs, type SweepReport } from './sweepReport.ts';

type Field = 'fromPct' | 'toPct' | 'stepPct' | 'baseRps' | 'sloP99Ms' | 'durationS';

export function SweepPanel() {
  const factory = useRunnerPoolFactory();
  const doc = useAppStore((s) => s.doc);
  // Fields the user has not touched follow the design (its total rate, its duration).
  const [edits, setEdits] = useState<Partial<Record<Field, number>>>({});
  const inputs: SweepInputs = {
    fromPct: 10,
    toPct: 150,
    stepPct: 10,
    baseRps: Math.round(openClientRps(doc)),
    sloP99Ms: 200,
    durationS: Math.min(doc.durationS, 60),
    ...edits,
  };
  const set = (k: Field) => (v: number) => setEdits((e) => ({ ...e, [k]: v }));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<{ r: SweepReport; slo: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    setMessage(null);
    let jobs;
    try {
      if (!(inputs.durationS > 0) || !(inputs.sloP99Ms > 0) || !(inputs.baseRps! > 0))
        throw new RangeError('sweep: base rate, SLO and duration must be above 0');
      jobs = planSweepJobs(doc, inputs);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: jobs.length });
    try {
      const results = await runAll(factory, jobs, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setReport({ r: readSweep(doc, jobs, results, inputs.sloP99Ms), slo: inputs.sloP99Ms });
    } catch (e) {
      setMessage(isAbort(e) ? 'Sweep cancelled.' : e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div className="an-pane">
      <div className="an-form" role="group" aria-label="Sweep settings">
        <NumberField label="From %" value={inputs.fromPct} onChange={set('fromPct')} />
        <NumberField label="To %" value={inputs.toPct} onChange={set('toPct')} />
        <NumberField label="Step %" value={inputs.stepPct} onChange={set('stepPct')} />
        <NumberField label="Base rate (rps)" value={inputs.baseRps!} onChange={set('baseRps')} />
        <NumberField label="SLO p99 (ms)" value={inputs.sloP99Ms} onChange={set('sloP99Ms')} />
        <NumberField
          label="Duration per point (s)"
          value={inputs.durationS}
          onChange={set('durationS')}
        />
      </div>
      <div className="an-row">
        <RunWithProgress
          label="Run sweep"
          onRun={() => void run()}
          progress={progress}
          progressLabel="Sweep progress"
          unit="points"
          onCancel={() => abort.current?.abort()}
        />
      </div>
      <ErrorLine message={message} />
      {report && (
        <section aria-label="Sweep results">
          <p className="an-verdict" role="status" aria-label="Sweep summary">
            {report.r.capacitySentence} {report.r.bottleneckSentence}
          </p>
          {report.r.kneeSentence && <p className="an-note">{report.r.kneeSentence}</p>}
          <SweepChart report={report.r} sloP99Ms={report.slo} />
          <SweepTable report={report.r} />
        </section>
      )}
    </div>
  );
}
