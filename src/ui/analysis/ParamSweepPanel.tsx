/**
 * Param sweep: one or two of the design's numeric params stepped over a range, every point
 * under the same seeds, across the worker pool with progress and Cancel; then a line chart (one
 * param) or a heatmap (two), the cheapest point meeting the SLO, and the cost–latency frontier.
 */
import { useMemo, useRef, useState } from 'react';
import type { ParamAxis } from '../../analysis/paramSweep.ts';
import { paramSweepJobs, planParamSweep } from '../../analysis/paramSweep.ts';
import { analyseParamSweep, type ParamSweepAnalysis } from '../../analysis/paramSweepAnalysis.ts';
import { sweepableParams } from '../../analysis/sweepable.ts';
import { useAnalysisStore } from './analysisStore.ts';
import { useAppStore } from '../../store/index.ts';
import { NumberField } from './NumberField.tsx';
import { ParamHeatmap } from './ParamHeatmap.tsx';
import { ParamLineChart } from './ParamLineChart.tsx';
import { ParamSelect } from './ParamSelect.tsx';
import { ParamSweepTable } from './ParamSweepTable.tsx';
import { ParetoChart } from './ParetoChart.tsx';
import { bestSentence, defaultAxis, paretoSentence } from './paramSweepView.ts';
import { ErrorLine, RunWithProgress } from './ProgressLine.tsx';
import { isAbort, runAll, useRunnerPoolFactory } from './runners.ts';
import './paramSweep.css';

type Range = Omit<ParamAxis, 'path'>;

function AxisFields({
  name,
  range,
  onChange,
}: {
  name: string;
  range: Range;
  onChange: (r: Range) => void;
}) {
  const set = (k: keyof Range) => (v: number) => onChange({ ...range, [k]: v });
  return (
    <>
      <NumberField label={`${name} from`} value={range.from} onChange={set('from')} />
      <NumberField label={`${name} to`} value={range.to} onChange={set('to')} />
      <NumberField label={`${name} step`} value={range.step} onChange={set('step')} />
    </>
  );
}

export function ParamSweepPanel() {
  const factory = useRunnerPoolFactory();
  const doc = useAppStore((s) => s.doc);
  // The drawer stays mounted while closed: the list (about 0.1 s for a 1,000-node design) is
  // worked out only while this tab shows, not on every edit of a design nobody is sweeping.
  const shown = useAnalysisStore((s) => s.open && s.tab === 'params');
  const params = useMemo(() => (shown ? sweepableParams(doc) : []), [doc, shown]);
  const firstDefault =
    params.find((p) => p.path.endsWith('.replicas'))?.path ?? params[0]?.path ?? '';
  const [paths, setPaths] = useState<[string, string]>([firstDefault, '']);
  const [ranges, setRanges] = useState<Record<string, Range>>({});
  const [seeds, setSeeds] = useState(1);
  const [slo, setSlo] = useState(200);
  const [durationS, setDurationS] = useState(Math.min(doc.durationS, 60));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ParamSweepAnalysis | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  // A param that left the design (node deleted) falls back to the first one offered.
  const chosen = [
    params.some((p) => p.path === paths[0]) ? paths[0] : firstDefault,
    params.some((p) => p.path === paths[1]) ? paths[1] : '',
  ] as const;
  const rangeOf = (path: string): Range => {
    if (ranges[path]) return ranges[path];
    const info = params.find((p) => p.path === path);
    const { from, to, step } = info ? defaultAxis(info) : { from: 1, to: 1, step: 1 };
    return { from, to, step };
  };
  const axes = chosen.filter((p) => p !== '').map((path) => ({ path, ...rangeOf(path) }));

  const run = async () => {
    setMessage(null);
    let plan;
    try {
      if (!(durationS > 0) || !(slo > 0) || !(seeds >= 1 && seeds <= 20))
        throw new RangeError('sweep: the SLO and the duration must be above 0, seeds 1 to 20');
      const base = { ...doc, durationS, warmupS: Math.min(doc.warmupS, durationS / 4) };
      plan = planParamSweep(base, axes, Math.round(seeds));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
      return;
    }
    const jobs = paramSweepJobs(plan);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: jobs.length });
    try {
      const results = await runAll(factory, jobs, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setResult(analyseParamSweep(plan, results, { sloP99Ms: slo }));
    } catch (e) {
      setMessage(isAbort(e) ? 'Sweep cancelled.' : e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  if (params.length === 0)
    return <p className="an-lead">This design has no numeric param to sweep: add a node first.</p>;
  return (
    <div className="an-pane">
      <p className="an-lead">
        Step one or two params over a range; every point runs under the same seeds, so the
        differences are the design&apos;s. Limits come from each kind&apos;s description.
      </p>
      <div className="an-form ps-form" role="group" aria-label="Param sweep settings">
        <ParamSelect
          label="Param"
          params={params}
          value={chosen[0]}
          onChange={(p) => setPaths([p, chosen[1] === p ? '' : chosen[1]])}
        />
        <AxisFields
          name="Param"
          range={rangeOf(chosen[0])}
          onChange={(r) => setRanges((m) => ({ ...m, [chosen[0]]: r }))}
        />
        <ParamSelect
          label="Second param"
          params={params.filter((p) => p.path !== chosen[0])}
          value={chosen[1]}
          optional
          onChange={(p) => setPaths([chosen[0], p])}
        />
        {chosen[1] !== '' && (
          <AxisFields
            name="Second"
            range={rangeOf(chosen[1])}
            onChange={(r) => setRanges((m) => ({ ...m, [chosen[1]]: r }))}
          />
        )}
      </div>
      <div className="an-row">
        <NumberField label="Seeds per point" value={seeds} min={1} onChange={setSeeds} />
        <NumberField label="SLO p99 (ms)" value={slo} onChange={setSlo} />
        <NumberField label="Duration per run (s)" value={durationS} onChange={setDurationS} />
        <RunWithProgress
          label="Run param sweep"
          onRun={() => void run()}
          progress={progress}
          progressLabel="Param sweep progress"
          unit="runs"
          onCancel={() => abort.current?.abort()}
        />
      </div>
      <ErrorLine message={message} />
      {result && (
        <section aria-label="Param sweep results">
          <p className="an-verdict" role="status" aria-label="Param sweep summary">
            {bestSentence(result)}
          </p>
          {result.axes.length === 1 ? <ParamLineChart a={result} /> : <ParamHeatmap a={result} />}
          <ParetoChart a={result} />
          <p className="an-note">{paretoSentence(result)}</p>
          <ParamSweepTable a={result} />
        </section>
      )}
    </div>
  );
}
