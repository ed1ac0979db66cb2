/**
 * A node's live chips, written straight into its overlay's DOM on each live tick: a hundred
 * nodes re-rendered through React Flow at 2.5 Hz kept the main thread busy; a few text writes
 * (skipped when the text is the same) cost next to nothing.
 */
import type { ScenarioNode } from '../../model/types.ts';
import { formatDuration, formatRate } from '../run/format.ts';
import { answersCalls, hasWorkers, theoryOf } from '../../model/kinds/index.ts';
import type { LiveView, NodeLive } from './liveView.ts';

const pct = (x: number): number => Math.max(0, Math.min(100, Math.round(x * 100)));

/** Green under 70 %, amber to 90 %, red above: where queues start to grow sharply. */
function loadLevel(u: number): 'cool' | 'warm' | 'hot' {
  if (u >= 0.9) return 'hot';
  if (u >= 0.7) return 'warm';
  return 'cool';
}

export interface ChipTexts {
  /** A client: what it sends; any other node: what it answers successfully. */
  rate: string;
  p99: string;
  up: string;
  degraded: boolean;
  hit: string;
  /** 0..100, for kinds with workers; undefined for the others. */
  utilization: number | undefined;
}

/** The replicas a node with workers runs, as its kind's theory says (read only when needed). */
function plannedReplicas(node: ScenarioNode): number | undefined {
  if (!hasWorkers(node.type)) return undefined;
  const theory = theoryOf(node);
  return theory.as === 'station' ? theory.replicas : undefined;
}

export function chipTexts(node: ScenarioNode, live: NodeLive): ChipTexts {
  const total = live.replicas ?? plannedReplicas(node);
  const up = live.healthyReplicas;
  const isClient = !answersCalls(node.type); // it only sends
  return {
    rate: isClient ? `sends ${formatRate(live.arrivalRps)}` : formatRate(live.okRps),
    // No successful answer in the window: no latency to show (not a p99 of 0).
    p99: isClient || !(live.okRps > 0) ? '' : `p99 ${formatDuration(live.p99Ms)}`,
    up: up !== undefined && total !== undefined ? `${up}/${total} up` : '',
    degraded: up !== undefined && total !== undefined && up < total,
    hit: live.hitRatio === undefined ? '' : `hit ${pct(live.hitRatio)} %`,
    utilization: hasWorkers(node.type) ? pct(live.utilization) : undefined,
  };
}

/** The overlay's parts, found once per element. */
interface Parts {
  bar: HTMLElement | null;
  chips: Record<'rate' | 'p99' | 'up' | 'hit', HTMLElement | null>;
}
const partsOf = new WeakMap<HTMLElement, Parts>();

function parts(el: HTMLElement): Parts {
  let p = partsOf.get(el);
  if (p === undefined) {
    const chip = (name: string) => el.querySelector<HTMLElement>(`[data-chip="${name}"]`);
    p = {
      bar: el.querySelector<HTMLElement>('.util-bar'),
      chips: { rate: chip('rate'), p99: chip('p99'), up: chip('up'), hit: chip('hit') },
    };
    partsOf.set(el, p);
  }
  return p;
}

function setText(el: HTMLElement | null, text: string): void {
  if (el !== null && el.textContent !== text) el.textContent = text;
}

function setAttr(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Writes one node's figures into its overlay `el` (hidden while there is nothing to show).
 * Without `texts` only the utilization bar and the marks are written: the view is too far out
 * for the figures' text to be read (liveLayer.ts), and writing it would cost a layout and a
 * paint of every node for nothing.
 */
export function paintNodeChips(
  el: HTMLElement,
  node: ScenarioNode,
  view: LiveView | undefined,
  texts = true,
) {
  const live = view?.nodes.get(node.id);
  el.classList.toggle('is-live', live !== undefined);
  el.classList.toggle('is-bottleneck', view?.bottleneck === node.id);
  if (live === undefined) return;
  const t = chipTexts(node, live);
  const p = parts(el);
  if (texts) {
    setText(p.chips.rate, t.rate);
    setText(p.chips.p99, t.p99);
    setText(p.chips.up, t.up);
    p.chips.up?.classList.toggle('is-degraded', t.degraded);
    setText(p.chips.hit, t.hit);
  }
  if (p.bar !== null && t.utilization !== undefined) {
    setAttr(p.bar, 'aria-valuenow', String(t.utilization));
    setAttr(p.bar, 'title', `Utilization ${t.utilization} %`);
    setAttr(p.bar, 'data-load', loadLevel(t.utilization / 100));
    p.bar.style.setProperty('--fill', `${t.utilization}%`);
  }
}
