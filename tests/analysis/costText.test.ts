import { describe, expect, it } from 'vitest';
import { designCost } from '../../src/analysis/cost.ts';
import { chargeText, formatUsd, totalText } from '../../src/ui/report/costText.ts';
import { design } from './helpers.ts';

describe('a cost in words', () => {
  const doc = design(
    [
      { id: 'api', type: 'service', params: { replicas: 3, size: 'large' } },
      { id: 'cache', type: 'cache', params: { capacity: 1_048_576, entryKb: 2 } },
      { id: 'db', type: 'database' },
    ],
    [
      ['api', 'cache'],
      ['cache', 'db'],
    ],
  );
  const lines = designCost(doc).lines;

  it('says how each charge is made up, in its kind’s unit', () => {
    expect(lines.map(chargeText)).toEqual([
      '3 large replicas × $0.40/h',
      '2 GB × $0.125 per GB-hour',
      '1 small instance × $0.50/h',
    ]);
  });

  it('keeps a fraction of a cent readable and rounds large sums to the dollar', () => {
    expect(formatUsd(0.000119)).toBe('$0.00012');
    expect(formatUsd(1.2)).toBe('$1.20');
    expect(formatUsd(876)).toBe('$876');
    expect(formatUsd(0)).toBe('$0');
    expect(totalText(designCost(doc))).toBe('$1.95/h · $1,424/month');
  });
});
