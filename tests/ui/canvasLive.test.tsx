import { describe, onTestFinished, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { Position, getBezierPath } from '@xyflow/react';
import type { WindowStats } from '../../src/engine/types.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import { readLiveView } from '../../src/ui/canvas/liveView.ts';
import { chipTexts, paintNodeChips } from '../../src/ui/canvas/nodeChips.ts';
import { dotCount, dotOutcomes, parseCubic, pointOn } from '../../src/ui/canvas/traffic.ts';
import { edgeBadges } from '../../src/ui/canvas/edgeBadges.ts';
import { LiveNodeOverlay } from '../../src/ui/canvas/LiveNodeOverlay.tsx';
import { LEGIBLE_ZOOM, startLiveLayer } from '../../src/ui/canvas/liveLayer.ts';
import { createTrafficPainter } from '../../src/ui/canvas/trafficPainter.ts';
import { noteViewMoved, VIEW_SETTLE_MS } from '../../src/ui/canvas/viewMotion.ts';
import { client, edge, scenario, service } from '../fixtures/docs.ts';

const doc = scenario({
  nodes: [client('users'), service('api', { replicas: 3 }), service('inv')],
  edges: [edge('users', 'api', { id: 'e1' }), edge('api', 'inv', { id: 'e2' })],
});

/** A 2-second window: the client sent 400 requests of which none came back OK. */
function window2s(util: { api: number; inv: number }): WindowStats {
  const node = (arrivals: number, ok: number, utilization: number) => ({
    arrivals,
    ok,
    failed: arrivals - ok,
    throughputRps: ok / 2,
    utilization,
    queueLength: 0,
    queueNow: 0,
    p50Ms: 5,
    p99Ms: 79_942,
  });
  return {
    tS: 2,
    startS: 0,
    lengthS: 2,
    warmup: false,
    throughputRps: 0,
    errorRate: 1,
    latencyMs: { p50: 0, p99: 0 },
    errors: {},
    nodes: {
      users: node(400, 0, 0),
      api: { ...node(400, 0, util.api), replicas: 3, healthyReplicas: 2 },
      inv: node(1000, 200, util.inv),
    },
    edges: {
      e1: { calls: 400, failed: 400 },
      e2: { calls: 1000, failed: 800, refused: 200, breaker: 'halfOpen' },
    },
  };
}

function viewOf(w: WindowStats) {
  const layout = layoutFor(doc);
  return readLiveView(layout, packWindows(layout, [w]), 0);
}

describe('the canvas reads the newest window', () => {
  it('gives rates per second, the shares of outcomes and the breaker state per edge', () => {
    const v = viewOf(window2s({ api: 0.5, inv: 0.95 }));
    expect(v.nodes.get('users')).toMatchObject({ arrivalRps: 200, okRps: 0 });
    expect(v.edges.get('e1')).toMatchObject({ rps: 200, ok: 0, error: 1, rejected: 0 });
    // 1000 calls over 2 s: 200 OK, 600 failed, 200 refused by the breaker (failed too).
    expect(v.edges.get('e2')).toMatchObject({
      rps: 500,
      ok: 0.2,
      error: 0.6,
      rejected: 0.2,
      breaker: 'halfOpen',
    });
  });

  it('marks the busiest node as the bottleneck only once it is near its limit', () => {
    expect(viewOf(window2s({ api: 0.5, inv: 0.95 })).bottleneck).toBe('inv');
    expect(viewOf(window2s({ api: 0.8, inv: 0.75 })).bottleneck).toBe('api');
    expect(viewOf(window2s({ api: 0.5, inv: 0.6 })).bottleneck).toBeUndefined();
  });

  it('a client chip says what it sends, even when nothing comes back', () => {
    const v = viewOf(window2s({ api: 0.5, inv: 0.95 }));
    const users = doc.nodes[0]!;
    const api = doc.nodes[1]!;
    expect(chipTexts(users, v.nodes.get('users')!)).toMatchObject({
      rate: 'sends 200 rps',
      p99: '',
      utilization: undefined,
    });
    // No OK answer in the window: no p99 (not "p99 79942 ms" of the failures, not 0).
    expect(chipTexts(api, v.nodes.get('api')!)).toMatchObject({
      rate: '0 rps',
      p99: '',
      up: '2/3 up',
      degraded: true,
      utilization: 50,
    });
    expect(chipTexts(doc.nodes[2]!, v.nodes.get('inv')!).p99).toMatch(/^p99 /);
  });

  it('writes the figures into a node overlay without a React render', () => {
    const api = doc.nodes[1]!;
    const { container } = render(<LiveNodeOverlay node={api} />);
    const overlay = container.querySelector<HTMLElement>('[data-live-node="api"]')!;
    expect(overlay.classList.contains('is-live')).toBe(false);
    paintNodeChips(overlay, api, viewOf(window2s({ api: 0.93, inv: 0.5 })));
    expect(overlay.classList.contains('is-live')).toBe(true);
    expect(overlay.classList.contains('is-bottleneck')).toBe(true);
    const meter = overlay.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).toBe('93');
    expect(meter.getAttribute('data-load')).toBe('hot');
    expect(overlay.querySelector('[data-chip="up"]')!.textContent).toBe('2/3 up');
    expect(overlay.querySelector('[data-chip="up"]')!.classList.contains('is-degraded')).toBe(true);
    paintNodeChips(overlay, api, undefined);
    expect(overlay.classList.contains('is-live')).toBe(false);
  });
});

describe('the traffic drawing', () => {
  it('puts more dots on a busier edge, on a log scale, within bounds', () => {
    expect(dotCount(0)).toBe(0);
    expect(dotCount(1)).toBe(2);
    const counts = [1, 10, 100, 1000, 1e6].map(dotCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(dotCount(1e6)).toBe(10);
  });

  it('never loses a rare outcome: one error in a hundred still gets a dot', () => {
    expect(dotOutcomes(5, { error: 0.01, rejected: 0 })).toEqual([4, 1, 0]);
    expect(dotOutcomes(4, { error: 0.5, rejected: 0.5 })).toEqual([0, 2, 2]);
    expect(dotOutcomes(3, { error: 0, rejected: 0 })).toEqual([3, 0, 0]);
  });

  it('follows the curve React Flow draws, end to end', () => {
    const [d] = getBezierPath({
      sourceX: 10,
      sourceY: 20,
      sourcePosition: Position.Right,
      targetX: 210,
      targetY: 120,
      targetPosition: Position.Left,
    });
    const c = parseCubic(d)!;
    const at = { x: 0, y: 0 };
    pointOn(c, 0, at);
    expect(at).toEqual({ x: 10, y: 20 });
    pointOn(c, 1, at);
    expect(at).toEqual({ x: 210, y: 120 });
    pointOn(c, 0.5, at);
    expect(at.x).toBeCloseTo(110);
    expect(at.y).toBeCloseTo(70);
    expect(parseCubic('M0,0 L10,10')).toBeUndefined();
  });
});

describe('edge badges', () => {
  it('name each caller policy, and nothing on a plain call', () => {
    expect(edgeBadges(edge('a', 'b'))).toEqual([]);
    const e = edge('a', 'b', {
      timeoutMs: 300,
      retry: { max: 3, backoffMs: 10, multiplier: 1, jitter: false },
      circuitBreaker: {
        failureRatio: 0.5,
        minRequests: 20,
        openMs: 5000,
        windowMs: 10_000,
        halfOpenRequests: 3,
      },
    });
    expect(edgeBadges(e).map((b) => b.text)).toEqual(['timeout 300 ms', 'retry ×3', 'breaker']);
    expect(edgeBadges({ ...edge('a', 'b'), kind: 'replication' })[0]?.text).toBe('replication');
  });
});

describe('the live layer', () => {
  /**
   * A layer over a stand-in flow with one edge, run for `frames` display frames 1/60 s apart
   * (the view panned at `panAtFrame`, if given); says how many frames it asked for, how many
   * it drew dots in, and the edge's stroke.
   */
  function layer(reducedMotion: boolean, frameCount = 5, panAtFrame = -1) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('id', 'e1');
    path.setAttribute('class', 'arch-edge');
    path.setAttribute('d', 'M0,0 C50,0 50,0 100,0');
    svg.append(path);
    const dom = document.createElement('div');
    dom.append(svg);
    const canvas = document.createElement('canvas');
    const drawn: number[] = [];
    let clock = 0;
    const ctx = new Proxy(
      {},
      {
        get: (_, name) => (name === 'arc' ? () => drawn.push(clock) : () => {}),
        set: () => true,
      },
    );
    Object.defineProperty(canvas, 'getContext', { value: () => ctx });
    const frames: Array<() => void> = [];
    const v = viewOf(window2s({ api: 0.5, inv: 0.5 }));
    const traffic = createTrafficPainter({
      canvas,
      now: () => clock,
      requestFrame: (fn) => frames.push(fn),
      cancelFrame: () => {},
    });
    const stop = startLiveLayer({
      traffic,
      styled: canvas,
      flow: {
        getState: () =>
          ({
            transform: [0, 0, 1],
            width: 800,
            height: 600,
            nodeLookup: new Map(),
            domNode: dom,
            edges: [],
          }) as never,
        subscribe: () => () => {},
      },
      liveView: () => v,
      overlays: () => new Map(),
      subscribeLive: () => () => {},
      nodes: () => doc.nodes,
      running: () => true,
      subscribeRunning: () => () => {},
      reducedMotion: () => reducedMotion,
    });
    // Run the frames: a moving layer asks for the next one each time.
    let ran = 0;
    while (frames.length > 0 && ran < frameCount) {
      if (ran === panAtFrame) traffic.set({ view: { ...viewport, tx: viewport.tx + 30 } });
      frames.shift()!();
      ran += 1;
      clock += 1000 / 60;
    }
    stop();
    const framesDrawn = new Set(drawn).size;
    return { ran, dots: drawn.length, framesDrawn, drawn, stroke: path.style.strokeWidth };
  }
  const viewport = { tx: 0, ty: 0, zoom: 1, width: 800, height: 600 };

  it('moves the dots while the run goes on, at most 30 frames a second', () => {
    const r = layer(false, 60);
    expect(r.ran).toBe(60);
    expect(r.dots).toBeGreaterThan(0);
    expect(r.stroke).not.toBe('');
    // One second of display frames at 60 a second: the dots move in 30 of them, not all 60.
    expect(r.framesDrawn).toBeGreaterThanOrEqual(25);
    expect(r.framesDrawn).toBeLessThanOrEqual(30);
  });

  it('clears the dots while the view moves and draws them again once it is still', () => {
    const panAt = 10;
    const r = layer(false, 60, panAt);
    const panS = (panAt * 1000) / 60;
    const settledAt = panS + VIEW_SETTLE_MS;
    expect(r.drawn.some((t) => t > panS && t < settledAt)).toBe(false);
    expect(r.drawn.some((t) => t >= settledAt)).toBe(true);
  });

  it('writes the figures only at a zoom where they can be read, and once a zoom in stops', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const api = doc.nodes[1]!;
    const { container } = render(<LiveNodeOverlay node={api} />);
    const overlay = container.querySelector<HTMLElement>('[data-live-node="api"]')!;
    const dom = document.createElement('div');
    let state = { transform: [0, 0, LEGIBLE_ZOOM * 0.6], width: 800, height: 600 };
    const flowListeners: Array<(s: never, prev: never) => void> = [];
    const stop = startLiveLayer({
      traffic: { set: () => {}, stop: () => {} },
      styled: dom,
      flow: {
        getState: () => ({ ...state, nodeLookup: new Map(), domNode: dom, edges: [] }) as never,
        subscribe: (l) => {
          flowListeners.push(l as never);
          return () => {};
        },
      },
      liveView: () => viewOf(window2s({ api: 0.93, inv: 0.5 })),
      overlays: () => new Map([['api', overlay]]),
      subscribeLive: () => () => {},
      nodes: () => doc.nodes,
      running: () => true,
      subscribeRunning: () => () => {},
      reducedMotion: () => false,
    });
    const upChip = overlay.querySelector('[data-chip="up"]')!;
    // Far out: the bar and the mark are written, the text is not, and the flow says it is hidden.
    expect(overlay.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).toBe('93');
    expect(overlay.classList.contains('is-bottleneck')).toBe(true);
    expect(upChip.textContent).toBe('');
    expect(dom.hasAttribute('data-far-view')).toBe(true);
    // Zoomed in: nothing is written while the zoom goes on; once it stops, the text is there in
    // the same change that shows it.
    const prev = state;
    state = { ...state, transform: [0, 0, LEGIBLE_ZOOM] };
    flowListeners.forEach((l) =>
      l({ ...state, edges: [] } as never, { ...prev, edges: [] } as never),
    );
    expect(upChip.textContent).toBe('');
    expect(dom.hasAttribute('data-far-view')).toBe(true);
    vi.advanceTimersByTime(VIEW_SETTLE_MS - 1);
    expect(upChip.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(upChip.textContent).toBe('2/3 up');
    expect(dom.hasAttribute('data-far-view')).toBe(false);
    stop();
  });

  it('holds new figures while the view moves, and writes them once it is still', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const api = doc.nodes[1]!;
      const { container } = render(<LiveNodeOverlay node={api} />);
      const overlay = container.querySelector<HTMLElement>('[data-live-node="api"]')!;
      let tick = () => {};
      noteViewMoved(performance.now());
      const stop = startLiveLayer({
        traffic: { set: () => {}, stop: () => {} },
        styled: overlay,
        flow: {
          getState: () =>
            ({
              transform: [0, 0, 1],
              width: 800,
              height: 600,
              nodeLookup: new Map(),
              domNode: null,
              edges: [],
            }) as never,
          subscribe: () => () => {},
        },
        liveView: () => viewOf(window2s({ api: 0.93, inv: 0.5 })),
        overlays: () => new Map([['api', overlay]]),
        subscribeLive: (l) => {
          tick = l;
          return () => {};
        },
        nodes: () => doc.nodes,
        running: () => true,
        subscribeRunning: () => () => {},
        reducedMotion: () => false,
      });
      tick();
      const upChip = overlay.querySelector('[data-chip="up"]')!;
      expect(upChip.textContent).toBe('');
      vi.advanceTimersByTime(VIEW_SETTLE_MS);
      expect(upChip.textContent).toBe('2/3 up');
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws still dots once, and asks for no more frames, under reduced motion', () => {
    const r = layer(true);
    expect(r.ran).toBe(1);
    expect(r.dots).toBeGreaterThan(0);
  });
});
