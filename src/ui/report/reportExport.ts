/**
 * The run report as a file for a design review, self-contained: the design (its picture and its
 * document), the run's key figures, the objectives graded, the cost itemised, latency and
 * throughput over time, and every figure of every node. Markdown gives the charts as a table of
 * the timeline; HTML draws them as inline SVG (the page's own plot code) and needs nothing else.
 */
import type { Cost } from '../../analysis/cost.ts';
import {
  formatMargin,
  formatMetricValue,
  formatTarget,
  objectiveTitle,
} from '../../analysis/objectivesText.ts';
import type { SimResult, TimelinePoint } from '../../engine/types.ts';
import { serializeScenario } from '../../model/serialize.ts';
import type { Scenario } from '../../model/types.ts';
import { plotSvg, type PlotSpec } from '../charts/plotSvg.ts';
import { canvasSvg } from '../export/canvasSvg.ts';
import { escapeXml } from '../export/xml.ts';
import { formatDuration, formatPercent, formatRate, formatSimTime } from '../run/format.ts';
import { chargeText, formatUsd, totalText } from './costText.ts';
import type { ReportSection } from './reportModel.ts';
import { cellText, reportMarkdown, rowHeading, type ReportMode } from './reportText.ts';

export interface ReportFile {
  doc: Scenario;
  result: SimResult;
  sections: readonly ReportSection[];
  mode: ReportMode;
  cost: Cost;
}

/** Rows of a table: the header first. */
type Table = string[][];

function keyFigures(r: SimResult, cost: Cost): Table {
  return [
    ['Figure', 'Value'],
    ['Seed', String(r.seed)],
    ['Counted', `${formatSimTime(r.warmupS)} to ${formatSimTime(r.durationS)}`],
    ['Requests', `${r.requests.total} (${r.requests.ok} ok, ${r.requests.failed} failed)`],
    ['Throughput', formatRate(r.throughputRps)],
    ['Latency p50', formatDuration(r.latencyMs.p50)],
    ['Latency p99', formatDuration(r.latencyMs.p99)],
    ['Error rate', formatPercent(r.errorRate)],
    ['Cost', totalText(cost)],
  ];
}

function objectivesTable(r: SimResult): Table | null {
  const graded = r.objectives ?? [];
  if (graded.length === 0) return null;
  return [
    ['Objective', 'Target', 'Measured', 'Verdict'],
    ...graded.map((g) => [
      g.label ?? objectiveTitle(g),
      formatTarget(g),
      formatMetricValue(g.metric, g.value),
      `${g.met ? 'met' : 'missed'} (${formatMargin(g)})`,
    ]),
  ];
}

function costTable(doc: Scenario, cost: Cost): Table {
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  return [
    ['Node', 'Billed as', '$ per hour'],
    ...cost.lines
      .filter((l) => l.type !== 'client')
      .map((l) => [label(l.nodeId), chargeText(l), formatUsd(l.perHour)]),
    ['Total', '', totalText(cost)],
  ];
}

/** At most `n` points of the timeline, evenly spread, the last one kept. */
function sample(points: readonly TimelinePoint[], n: number): TimelinePoint[] {
  if (points.length <= n) return [...points];
  const step = points.length / n;
  return Array.from(
    { length: n },
    (_, i) => points[Math.min(points.length - 1, Math.round((i + 1) * step) - 1)]!,
  );
}

function timelineTable(r: SimResult): Table {
  return [
    ['t', 'p50', 'p99', 'Throughput', 'Errors'],
    ...sample(r.timeline, 20).map((p) => [
      formatSimTime(p.tS),
      formatDuration(p.latencyMs.p50),
      formatDuration(p.latencyMs.p99),
      formatRate(p.throughputRps),
      formatPercent(p.errorRate),
    ]),
  ];
}

const mdCell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function mdTable(t: Table): string {
  const [head = [], ...rows] = t;
  return [
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

export function reportFileMarkdown(f: ReportFile): string {
  const objectives = objectivesTable(f.result);
  return [
    `# ${f.doc.name}`,
    f.doc.description.trim(),
    `Run report: seed ${f.result.seed}, ${formatSimTime(f.result.durationS)} simulated.`,
    '## Key figures',
    mdTable(keyFigures(f.result, f.cost)),
    ...(objectives ? ['## Objectives', mdTable(objectives)] : []),
    '## Cost',
    mdTable(costTable(f.doc, f.cost)),
    '## Over time',
    mdTable(timelineTable(f.result)),
    '## Every figure',
    reportMarkdown(f.sections, f.mode),
    '## The design',
    '```json\n' + serializeScenario(f.doc) + '\n```',
  ]
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n');
}

function htmlTable(t: Table, caption?: string): string {
  const [head = [], ...rows] = t;
  const cells = (row: string[], tag: string) =>
    `<tr>${row.map((c) => `<${tag}>${escapeXml(c)}</${tag}>`).join('')}</tr>`;
  return (
    `<table>${caption ? `<caption>${escapeXml(caption)}</caption>` : ''}` +
    `<thead>${cells(head, 'th')}</thead><tbody>${rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`
  );
}

function sectionTable(s: ReportSection, mode: ReportMode): Table {
  return [
    ['Figure', ...s.columns.map((c) => c.name)],
    ...s.rows.map((r) => [rowHeading(r, mode), ...r.cells.map((v) => cellText(r, v, mode))]),
  ];
}

const CHART_W = 640;
const CHART_H = 220;

function charts(r: SimResult): string {
  const rows = r.timeline.map((p) => ({
    t: p.tS,
    p50: p.latencyMs.p50,
    p99: p.latencyMs.p99,
    rps: p.throughputRps,
  }));
  const specs: PlotSpec[] = [
    {
      key: 'latency',
      title: 'Latency',
      rows,
      kind: { unit: 'ms' },
      series: [
        { key: 'p50', name: 'p50', color: '#1a9e77' },
        { key: 'p99', name: 'p99', color: '#d95f02' },
      ],
    },
    {
      key: 'throughput',
      title: 'Throughput',
      rows,
      kind: { unit: 'req/s' },
      series: [{ key: 'rps', name: 'throughput', color: '#3b6cf6' }],
    },
  ];
  return specs
    .map(
      (s) =>
        `<figure><figcaption>${escapeXml(s.title)} (${s.series.map((x) => x.name).join(', ')})</figcaption>${plotSvg(s, CHART_W, CHART_H)}</figure>`,
    )
    .join('');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#1f2430;max-width:960px;margin:24px auto;padding:0 16px}
table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e3e6eb;padding:3px 10px;text-align:right}
th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:600;padding:4px 0}
figure{margin:8px 0 16px}figcaption{font-weight:600}pre{background:#f6f7f9;padding:8px;overflow:auto}
.design svg{max-width:100%;height:auto}`;

export function reportFileHtml(f: ReportFile): string {
  const objectives = objectivesTable(f.result);
  const design = canvasSvg(f.doc).svg;
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(f.doc.name)}: run report</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeXml(f.doc.name)}</h1>`,
    f.doc.description.trim() ? `<p>${escapeXml(f.doc.description.trim())}</p>` : '',
    `<p>Run report: seed ${f.result.seed}, ${escapeXml(formatSimTime(f.result.durationS))} simulated.</p>`,
    `<div class="design">${design}</div>`,
    '<h2>Key figures</h2>',
    htmlTable(keyFigures(f.result, f.cost)),
    objectives ? `<h2>Objectives</h2>${htmlTable(objectives)}` : '',
    '<h2>Cost</h2>',
    htmlTable(costTable(f.doc, f.cost)),
    '<h2>Over time</h2>',
    charts(f.result),
    '<h2>Every figure</h2>',
    ...f.sections.map((s) => htmlTable(sectionTable(s, f.mode), s.title)),
    '<h2>The design</h2>',
    `<details><summary>The scenario document (JSON)</summary><pre>${escapeXml(serializeScenario(f.doc))}</pre></details>`,
    '</body></html>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
