/**
 * The objectives' watch over a run: at each timeline point's close (counted points only, in
 * simulated time, the same headless and in the browser) it measures every objective over the
 * point, feeds the error budgets and the alert rules, records alert events and takes the
 * alerts' automated responses as actions at that time. Nothing runs per request or per event:
 * only per point, from the counters the results are built from.
 */
import { ALERT_DEFAULTS, defaultBurnWindows, marginOf } from '../../model/objectives.ts';
import type { Action, AlertRule, Objective, Scenario, Severity } from '../../model/types.ts';
import type { Actions } from '../actions.ts';
import type { Kernel } from '../kernel.ts';
import { r4 } from '../metrics/summary.ts';
import { AnomalyCheck, PredictiveCheck, ThresholdCheck, type Verdict } from './alerts.ts';
import { allowedShareOf, Budget } from './budget.ts';
import { CostClock, countersOf, Meter, type Counters } from './meter.ts';
import type {
  AlertEvent,
  BudgetPoint,
  BudgetReport,
  ObjectivesFrame,
  WindowedValue,
} from './types.ts';

interface Watched {
  o: Objective;
  point: Meter;
  counters: () => Counters;
  budget: Budget | null;
  /** windowS: the graded window's meter, its start and the worst window so far. */
  window: Meter | null;
  windowStart: number;
  worst: WindowedValue;
  worstMargin: number;
  /** This point's value, for the rules. */
  value: number;
}

/** One condition an alert watches (a burnRate rule has one per window pair). */
interface Watch {
  rule: AlertRule;
  pair?: string;
  severity: Severity;
  firing: boolean;
  since: number;
  level: number;
  check: (w: Watched, startS: number, endS: number) => Verdict | null;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? r4(v) : null);

export class ObjectiveMonitor {
  private readonly watched: Watched[];
  private readonly byId: Map<string, Watched>;
  private readonly watches: Watch[] = [];
  readonly alerts: AlertEvent[] = [];
  private lastEnd: number;
  private pendingAlerts: AlertEvent[] = [];
  private pendingBudgets: Record<string, BudgetPoint[]> = {};
  private readonly cost: CostClock;

  constructor(
    k: Kernel,
    private readonly doc: Scenario,
    nodeIndex: Map<string, number>,
    private readonly actions: Actions,
    durationS: number,
    windowS: number,
  ) {
    this.lastEnd = doc.warmupS;
    const cost = new CostClock(k, doc);
    this.cost = cost;
    this.watched = (doc.objectives ?? []).map((o) => {
      const counters = countersOf(k, o, nodeIndex);
      const share = allowedShareOf(o);
      return {
        o,
        counters,
        point: new Meter(o.metric, counters, cost),
        budget: share === null ? null : new Budget(share),
        window: o.windowS === undefined ? null : new Meter(o.metric, counters, cost),
        windowStart: doc.warmupS,
        worst: { value: null, atS: null, windows: 0 },
        worstMargin: Infinity,
        value: NaN,
      };
    });
    this.byId = new Map(this.watched.map((w) => [w.o.id, w]));
    const countedS = Math.max(durationS - doc.warmupS, windowS);
    for (const rule of doc.alerts ?? []) this.addRule(rule, countedS, windowS);
  }

  private addRule(rule: AlertRule, countedS: number, windowS: number): void {
    const o = this.byId.get(rule.objective)!.o;
    const base = { rule, firing: false, since: NaN, level: 0 };
    const severity = rule.severity ?? ALERT_DEFAULTS.severity;
    if (rule.kind === 'threshold') {
      const c = new ThresholdCheck(o, rule.forS ?? ALERT_DEFAULTS.forS);
      this.watches.push({ ...base, severity, check: (w, s, e) => c.update(s, e, w.value) });
    } else if (rule.kind === 'anomaly') {
      const c = new AnomalyCheck(o, rule);
      this.watches.push({ ...base, severity, check: (w, s, e) => c.update(e - s, w.value) });
    } else if (rule.kind === 'predictive') {
      const c = new PredictiveCheck(o, rule);
      this.watches.push({ ...base, severity, check: (w, _s, e) => c.update(e, w.value) });
    } else {
      const pairs = rule.windows ?? defaultBurnWindows(countedS, windowS);
      pairs.forEach((p, i) => {
        const name = p.name ?? `pair${i + 1}`;
        this.watches.push({
          ...base,
          pair: name,
          severity: rule.severity ?? p.severity ?? 'page',
          check: (w) => {
            const b = w.budget!;
            const long = b.burnRate(p.longS);
            const short = b.burnRate(p.shortS);
            return {
              holds: long > p.burnRate && short > p.burnRate,
              value: Math.min(long, short),
              reason: `error budget burning ${fmtRate(long)}× over ${fmtS(p.longS)} and ${fmtRate(short)}× over ${fmtS(p.shortS)} (${name}: fires above ${p.burnRate}×)`,
            };
          },
        });
      });
    }
  }

  /** A timeline point closed at `endS`. */
  onPoint(endS: number): void {
    const startS = this.lastEnd;
    if (endS <= startS + 1e-12) {
      // A warm-up point: the counted run's first point measures from here.
      for (const w of this.watched) {
        w.point.rebase();
        w.window?.rebase();
      }
      return;
    }
    this.lastEnd = endS;
    const lengthS = endS - startS;
    for (const w of this.watched) {
      const r = w.point.read(lengthS);
      w.value = r.value;
      if (w.budget !== null) {
        const p = w.budget.add(r4(endS), r.done, r.failed);
        (this.pendingBudgets[w.o.id] ??= []).push(p);
      }
      if (w.window !== null && endS - w.windowStart >= w.o.windowS! - 1e-9)
        this.closeWindow(w, endS);
    }
    const firedRules = new Set<AlertRule>();
    const firingBefore = new Set(this.watches.filter((x) => x.firing).map((x) => x.rule));
    for (const x of this.watches) {
      const w = this.byId.get(x.rule.objective)!;
      const v = x.check(w, startS, endS);
      if (v === null) continue;
      if (v.holds && !x.firing) {
        x.firing = true;
        x.since = endS;
        x.level = 1;
        this.emit(x, endS, 'fire', v);
        if (!firingBefore.has(x.rule)) firedRules.add(x.rule);
      } else if (!v.holds && x.firing) {
        x.firing = false;
        this.emit(x, endS, 'resolve', v);
      } else if (
        x.firing &&
        x.rule.escalateAfterS !== undefined &&
        endS - x.since >= x.rule.escalateAfterS * x.level - 1e-9
      ) {
        x.level++;
        x.severity = 'page';
        this.emit(x, endS, 'escalate', v);
      }
    }
    for (const rule of firedRules) this.respond(rule, endS);
  }

  /** The end of the run: a last partial window is graded only if it is the only one. */
  finish(endS: number): void {
    for (const w of this.watched) {
      if (w.window !== null && w.worst.windows === 0 && endS > w.windowStart)
        this.closeWindow(w, endS);
    }
  }

  private closeWindow(w: Watched, endS: number): void {
    const v = w.window!.read(endS - w.windowStart).value;
    w.windowStart = endS;
    w.worst.windows++;
    const margin = Number.isNaN(v) ? -Infinity : marginOf(w.o, v);
    if (margin < w.worstMargin || w.worst.atS === null) {
      w.worstMargin = margin;
      w.worst.value = finite(v);
      w.worst.atS = r4(endS);
    }
  }

  private emit(x: Watch, tS: number, event: AlertEvent['event'], v: Verdict): void {
    const e: AlertEvent = {
      tS: r4(tS),
      alert: x.rule.id,
      objective: x.rule.objective,
      kind: x.rule.kind,
      event,
      severity: x.severity,
      level: x.level,
      value: finite(v.value),
      reason: v.reason,
    };
    if (x.pair !== undefined) e.pair = x.pair;
    this.alerts.push(e);
    this.pendingAlerts.push(e);
  }

  /** The rule's automated response, as an action now; noted on the rule's fire event. */
  private respond(rule: AlertRule, tS: number): void {
    if (rule.then === undefined) return;
    this.actions.add({ ...rule.then, atS: tS } as Action);
    const fire = this.alerts.findLast((e) => e.alert === rule.id && e.event === 'fire');
    if (fire !== undefined) fire.action = rule.then;
  }

  /** Each objective over the counted run so far (windowS: its worst window so far). */
  sofar(): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    const spanS = this.lastEnd - this.doc.warmupS;
    for (const w of this.watched) {
      out[w.o.id] = w.window !== null ? w.worst.value : finite(wholeRun(w, spanS, this.cost));
    }
    return out;
  }

  budgets(): Record<string, BudgetReport> {
    const out: Record<string, BudgetReport> = {};
    for (const w of this.watched) {
      const b = w.budget;
      if (b === null) continue;
      out[w.o.id] = {
        objective: w.o.id,
        allowedShare: r4(b.allowedShare),
        total: b.total,
        failed: b.failures,
        allowed: r4(b.allowedShare * b.total),
        burned: b.burnedOf(b.failures, b.total),
        series: b.series.slice(),
      };
    }
    return out;
  }

  windows(): Record<string, WindowedValue> {
    const out: Record<string, WindowedValue> = {};
    for (const w of this.watched) if (w.window !== null) out[w.o.id] = { ...w.worst };
    return out;
  }

  drain(): ObjectivesFrame | null {
    if (
      this.pendingAlerts.length === 0 &&
      Object.keys(this.pendingBudgets).length === 0 &&
      this.lastEnd <= this.doc.warmupS
    )
      return null;
    const frame = { alerts: this.pendingAlerts, budgets: this.pendingBudgets, sofar: this.sofar() };
    this.pendingAlerts = [];
    this.pendingBudgets = {};
    return frame;
  }
}

function wholeRun(w: Watched, spanS: number, cost: CostClock): number {
  const c = w.counters();
  const done = c.ok + c.failed;
  switch (w.o.metric) {
    case 'p50Ms':
      return c.hist.count > 0 ? c.hist.quantile(0.5) : NaN;
    case 'p95Ms':
      return c.hist.count > 0 ? c.hist.quantile(0.95) : NaN;
    case 'p99Ms':
      return c.hist.count > 0 ? c.hist.quantile(0.99) : NaN;
    case 'meanMs':
      return c.hist.count > 0 ? c.hist.mean : NaN;
    case 'errorRate':
      return done > 0 ? c.failed / done : NaN;
    case 'availability':
      return done > 0 ? c.ok / done : NaN;
    case 'throughputRps':
      return spanS > 0 ? c.ok / spanS : NaN;
    case 'goodputRps':
      return spanS > 0 ? (c.ok - c.notGood) / spanS : NaN;
    case 'costPerHour':
      // From t = 0, as `grade` prices the whole run (the warm-up's instances are paid for too).
      return cost.perHourSoFar();
  }
}

const fmtRate = (x: number): string =>
  Number.isFinite(x) ? String(Number(x.toPrecision(3))) : '∞';
const fmtS = (s: number): string => `${Number(s.toPrecision(3))} s`;
