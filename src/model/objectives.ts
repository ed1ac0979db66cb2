/**
 * Objectives (what a run must achieve) and alerts (what watches them while it runs), as the
 * document writes them:
 *
 *   "objectives": [{"id": "fast", "metric": "p99Ms", "max": 150}]
 *   "alerts": [{"id": "avail-burn", "objective": "avail", "kind": "burnRate"}]
 *
 * The metrics are described once, in ./objectiveMetrics.ts; cross-field checks (a node that
 * exists, an objective an alert can watch) are in ./objectiveChecks.ts.
 */
import * as z from 'zod';
import { actionBodySchema } from './actions.ts';
import { idSchema, num, oneOf, positive, text, typed, type Loose } from './kinds/common.ts';
import { classNameSchema } from './kinds/classes.ts';
import { MAX_DURATION_S } from './kinds/fault.ts';
import {
  OBJECTIVE_METRIC_NAMES,
  OBJECTIVE_METRICS,
  type ObjectiveMetric,
} from './objectiveMetrics.ts';
import { closest } from './closest.ts';
import type {
  AlertKind,
  AlertResponse,
  AlertRule,
  BurnWindow,
  Challenge,
  Objective,
  Scenario,
  Severity,
} from './types.ts';

export const OBJECTIVE_LIMITS = { objectives: 100, alerts: 100, burnWindows: 6 } as const;

export const ALERT_KINDS = [
  'threshold',
  'burnRate',
  'anomaly',
  'predictive',
] as const satisfies readonly AlertKind[];
export const SEVERITIES = ['page', 'ticket'] as const satisfies readonly Severity[];

/** What an alert's optional fields are when absent (the docs and the engine read these). */
export const ALERT_DEFAULTS = {
  severity: 'ticket' as Severity,
  forS: 0,
  z: 4,
  alpha: 0.1,
  learnS: 30,
  horizonS: 60,
  lookbackS: 30,
  clearS: 10,
} as const;

/** The fields that belong to one alert kind only. */
const KIND_FIELDS: Record<AlertKind, readonly (keyof AlertRule)[]> = {
  threshold: ['forS'],
  burnRate: ['windows'],
  anomaly: ['z', 'alpha', 'learnS'],
  predictive: ['horizonS', 'lookbackS', 'clearS'],
};

const metricList = OBJECTIVE_METRIC_NAMES.map((m) => `"${m}"`).join(', ');

const metricSchema = z
  .string({ error: `is required (one of ${metricList})` })
  .superRefine((m, ctx) => {
    if (m in OBJECTIVE_METRICS) return;
    const near = closest(m, OBJECTIVE_METRIC_NAMES);
    ctx.addIssue({
      code: 'custom',
      message: `is not a metric${near ? `; did you mean "${near}"?` : ''} (metrics: ${metricList})`,
    });
  }) as unknown as z.ZodType<ObjectiveMetric, unknown>;

const target = z.number({ error: 'must be a number (the target, in the metric’s unit)' });

export const objectiveSchema = typed<Objective>(
  z
    .strictObject({
      id: idSchema,
      metric: metricSchema,
      node: idSchema.optional(),
      class: classNameSchema.optional(),
      min: target.optional(),
      max: target.optional(),
      windowS: positive(MAX_DURATION_S, 's').optional(),
      label: text(200).optional(),
    })
    .superRefine((o, ctx) => {
      if (o.min === undefined && o.max === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `needs a target: "max" (at most) or "min" (at least), e.g. {"metric": "p99Ms", "max": 150}`,
        });
        return;
      }
      const d = OBJECTIVE_METRICS[o.metric];
      if (d === undefined) return;
      for (const key of ['min', 'max'] as const) {
        const v = o[key];
        if (v !== undefined && !(v >= 0 && v <= d.maxTarget)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `must be a number from 0 to ${d.maxTarget} for ${o.metric}`,
          });
        }
      }
      if (o.min !== undefined && o.max !== undefined && o.min > o.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['max'],
          message: `must not be below "min" (${o.min})`,
        });
      }
      if (o.node !== undefined && !d.perNode) {
        ctx.addIssue({
          code: 'custom',
          path: ['node'],
          message: `${o.metric} is measured end to end only; leave out "node"`,
        });
      }
      if (o.class !== undefined && !d.perClass) {
        ctx.addIssue({
          code: 'custom',
          path: ['class'],
          message: `${o.metric} is measured over every class only; leave out "class"`,
        });
      }
    }) as unknown as z.ZodType<Loose<Objective>, object>,
);

const burnWindowSchema = z
  .strictObject({
    name: text(40).optional(),
    longS: positive(MAX_DURATION_S, 's'),
    shortS: positive(MAX_DURATION_S, 's'),
    burnRate: positive(1e6),
    severity: oneOf(SEVERITIES).optional(),
  })
  .refine((w) => w.shortS <= w.longS, {
    error: 'must not be longer than "longS"',
    path: ['shortS'],
  });

export const alertSchema = typed<AlertRule>(
  z
    .strictObject({
      id: idSchema,
      objective: idSchema,
      kind: oneOf(ALERT_KINDS),
      severity: oneOf(SEVERITIES).optional(),
      forS: num(0, MAX_DURATION_S, 's').optional(),
      escalateAfterS: positive(MAX_DURATION_S, 's').optional(),
      windows: z
        .array(burnWindowSchema, { error: 'must be a list of {longS, shortS, burnRate}' })
        .min(1, { error: 'must have at least one window pair' })
        .max(OBJECTIVE_LIMITS.burnWindows, {
          error: `must have at most ${OBJECTIVE_LIMITS.burnWindows} window pairs`,
        })
        .optional(),
      z: positive(100).optional(),
      alpha: num(0.001, 1).optional(),
      learnS: num(0, MAX_DURATION_S, 's').optional(),
      horizonS: positive(MAX_DURATION_S, 's').optional(),
      lookbackS: positive(MAX_DURATION_S, 's').optional(),
      clearS: num(0, MAX_DURATION_S, 's').optional(),
      then: actionBodySchema.optional(),
    })
    .superRefine((a, ctx) => {
      for (const [kind, fields] of Object.entries(KIND_FIELDS)) {
        if (kind === a.kind) continue;
        for (const f of fields) {
          if (a[f as keyof typeof a] !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [f],
              message: `belongs only to "kind": "${kind}"`,
            });
          }
        }
      }
    }) as unknown as z.ZodType<Loose<AlertRule>, object>,
);

function optionalList<T extends z.ZodType>(item: T, max: number) {
  // Absent, not [], when there are none: documents without them read and write as before.
  return z
    .array(item, { error: 'must be a list' })
    .max(max, { error: `must have at most ${max} entries` })
    .optional();
}

/** A challenge: its goal and hints, Markdown-free text. */
export const challengeField = typed<Challenge>(
  z.strictObject({
    goal: text(500),
    hints: z
      .array(text(500), { error: 'must be a list of texts' })
      .max(10, { error: 'must have at most 10 hints' })
      .default([]),
  }),
).optional();

export const objectivesField = optionalList(objectiveSchema, OBJECTIVE_LIMITS.objectives);
export const alertsField = optionalList(alertSchema, OBJECTIVE_LIMITS.alerts);

/** The automated responses the alerts may take (the engine sizes replica slots for them). */
export function alertResponses(doc: Scenario): AlertResponse[] {
  return (doc.alerts ?? []).flatMap((a) => (a.then === undefined ? [] : [a.then]));
}

/** Seconds in the SRE workbook's error-budget period (30 days). */
const SRE_PERIOD_S = 30 * 86_400;

/**
 * The SRE workbook's multi-window, multi-burn-rate pairs (14.4× over 1 h and 5 min: page; 6×
 * over 6 h and 30 min: page; 1× over 3 days and 6 h: ticket), their windows scaled by the
 * counted run over the workbook's 30-day period, but never so short that the short window is
 * below one 5-minute-equivalent of `windowS` (a 300 s run: 12 s and 1 s for the fast pair).
 * Long windows are capped at the counted run.
 */
export function defaultBurnWindows(countedS: number, windowS: number): Required<BurnWindow>[] {
  const f = Math.max(countedS / SRE_PERIOD_S, windowS / 300);
  const pair = (
    name: string,
    longH: number,
    shortMin: number,
    burnRate: number,
    severity: Severity,
  ) => ({
    name,
    longS: Math.min(countedS, longH * 3600 * f),
    shortS: Math.min(countedS, shortMin * 60 * f),
    burnRate,
    severity,
  });
  return [
    pair('fast', 1, 5, 14.4, 'page'),
    pair('slow', 6, 30, 6, 'page'),
    pair('budget', 72, 360, 1, 'ticket'),
  ];
}

/** How far inside its target a value is (negative: outside), in the metric's unit. */
export function marginOf(o: Objective, v: number): number {
  return Math.min(
    o.max !== undefined ? o.max - v : Infinity,
    o.min !== undefined ? v - o.min : Infinity,
  );
}
