// The run report at the end of a run is the headless JSON, digit for digit: every figure of
// every node (the kinds' own included), of every edge and of the whole run is a cell, and every
// cell is one.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import type { SimResult } from '../../src/engine/types.ts';
import { useAppStore } from '../../src/store/index.ts';
import RunReport from '../../src/ui/report/RunReport.tsx';
import { useReportStore } from '../../src/ui/report/reportStore.ts';
import { headlessJson, presetDoc, readReport, runThroughPage } from './reportHelpers.ts';

type Leaf = number | string | readonly number[];

/**
 * Fields of the result that are not the whole run's figures: its parts, the wall clock, and the
 * objectives' grading, alerts and budgets (the report's scorecard shows those, not its cells).
 */
const NOT_RUN_FIGURES = [
  'nodes',
  'edges',
  'timeline',
  'truncated',
  'wallMs',
  'name',
  'objectives',
  'alerts',
  'budgets',
  'objectiveWindows',
];

/** Every leaf of the JSON, keyed as the report's cells are: section|source|path|column. */
function jsonLeaves(json: SimResult): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const add = (
    section: string,
    column: string,
    fields: Record<string, unknown>,
    skip: string[],
  ) => {
    for (const [key, value] of Object.entries(fields)) {
      if (skip.includes(key)) continue;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [part, v] of Object.entries(value))
          leaves.set(`${section}|result|${key}.${part}|${column}`, v as Leaf);
      } else leaves.set(`${section}|result|${key}|${column}`, value as Leaf);
    }
  };
  add('run', 'run', json as unknown as Record<string, unknown>, NOT_RUN_FIGURES);
  for (const [id, node] of Object.entries(json.nodes)) add(node.type, id, node, ['type']);
  // Each edge is a column of the calls table, and each of its fields a row under `edges`.
  for (const [id, edge] of Object.entries(json.edges ?? {}))
    for (const [key, value] of Object.entries(edge))
      leaves.set(`edges|result|edges.${key}|${id}`, value as Leaf);
  return leaves;
}

const number = (text: string) => Number(text.replaceAll(',', ''));

function expectSame(text: string | undefined, leaf: Leaf, key: string) {
  expect(text, key).toBeDefined();
  if (typeof leaf === 'number') expect(number(text ?? ''), key).toBe(leaf);
  else if (typeof leaf === 'string') expect(text, key).toBe(leaf);
  else expect(text === 'none' ? [] : (text ?? '').split(', ').map(number), key).toEqual(leaf);
}

describe('the run report at the end of a run', () => {
  it.for(['failover-active-passive', 'queue-load-levelling', 'sharding-hot-key'])(
    '%s: every cell equals `npm run sim -- FILE --json`',
    async (name) => {
      const json = headlessJson(name);
      await runThroughPage(presetDoc(name));
      // The page received the engine's own result (only the wall clock differs).
      expect(useAppStore.getState().runResult).toEqual({ ...json, wallMs: 0 });

      useReportStore.setState({ open: true, opened: true, mode: 'exact' });
      const { container, unmount } = render(<RunReport />);
      const cells = readReport(container);
      const leaves = jsonLeaves(json);
      for (const [key, leaf] of leaves) expectSame(cells.get(key), leaf, key);
      const resultCells = [...cells.keys()].filter((k) => k.split('|')[1] === 'result');
      expect(resultCells.sort()).toEqual([...leaves.keys()].sort());
      unmount();
    },
  );
});
