// The node's line of key params on the canvas reads the params as the run's actions have left
// them: after a live rate change a client's line shows the new rate, not the starting one.
import { describe, expect, it } from 'vitest';
import { liveNodeSummary, nodeSummary } from '../../src/ui/canvas/nodeSummary.ts';
import { smallDoc } from '../worker/docs.ts';

describe('the canvas node line during a run', () => {
  it('shows the rate a live action set once the run has passed it', () => {
    const base = smallDoc();
    const client = base.nodes.find((n) => n.type === 'client');
    if (client === undefined) throw new Error('no client');
    const doc = { ...base, actions: [{ atS: 10, target: client.id, set: { 'arrival.rps': 987 } }] };
    const before = nodeSummary(client);
    expect(before).not.toContain('987');
    expect(liveNodeSummary(doc, client, null)).toBe(before); // no run: the document's params
    expect(liveNodeSummary(doc, client, 5)).toBe(before);
    expect(liveNodeSummary(doc, client, 12)).toContain('987');
  });
});
