// The charts export draws what the page shows, for a slide: the scenario's name and the run's
// summary line, then every chart with its title, legend, axes and units, near 16:9.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import LiveCharts from '../../src/ui/charts/LiveCharts.tsx';
import { shownCharts } from '../../src/ui/charts/shownCharts.ts';
import { chartsSvg } from '../../src/ui/export/chartsPicture.ts';
import { showWindows } from './liveChartsFixture.ts';
import { smallDoc } from '../worker/docs.ts';

describe('charts export', () => {
  it('is the charts on the page, titled, with legends, axes and the summary line', () => {
    const doc = smallDoc({ name: 'Small <one>' });
    showWindows(doc, 30, 'paused');
    render(<LiveCharts />);
    const specs = shownCharts();
    const onPage = [...document.querySelectorAll('.chart-card__title')].map((t) => t.textContent);
    expect(specs.map((s) => s.title)).toEqual(onPage);

    const summary = 'Paused t = 30.0 s · throughput 129 req/s · p99 59 ms · errors 0.78 %';
    const { svg, width, height } = chartsSvg(specs, { title: doc.name, summary });
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    const texts = [...parsed.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts.slice(0, 2)).toEqual(['Small <one>', summary]);
    for (const spec of specs) {
      expect(texts).toContain(spec.title);
      for (const s of spec.series) expect(texts).toContain(s.name);
    }
    // Axes with units: latency ticks in ms on a log scale, throughput named in req/s, time in s.
    expect(texts).toEqual(expect.arrayContaining(['10 ms', '100 ms', 'log scale', 'req/s', '10s']));
    expect(parsed.querySelectorAll('path[data-series]').length).toBe(
      specs.reduce((n, s) => n + s.series.length, 0),
    );
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(2.6);
  });
});
