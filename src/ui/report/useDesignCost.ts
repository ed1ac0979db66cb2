/**
 * The canvas's design priced: with the finished run's result (a service's mean replicas, a
 * queue's measured messages), else from the document alone (the traffic equations' rates).
 */
import { useMemo } from 'react';
import { designCost, type Cost } from '../../analysis/cost.ts';
import { useAppStore } from '../../store/index.ts';

export function useDesignCost(): Cost {
  const doc = useAppStore((s) => s.doc);
  const result = useAppStore((s) => s.runResult);
  return useMemo(() => designCost(doc, result ?? undefined), [doc, result]);
}
