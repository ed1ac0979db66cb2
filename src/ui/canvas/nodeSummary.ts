/** The one line of key params under a node's label: each kind says its own (its `line`). */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import { effectiveAt } from '../../model/actions.ts';
import type { Scenario, ScenarioNode } from '../../model/types.ts';

export function nodeSummary(node: ScenarioNode): string {
  return KIND_DESCRIPTIONS[node.type].line(node.params);
}

/**
 * The line as the document's actions have left the node at simulated time `clockS` (null: no
 * run has started, the document's params): a live rate change shows the new rate, not the
 * starting one. The same reading as the inspector's (effectiveAt, a tenth of a second ahead:
 * an action taken now is stamped at the clock the page last heard).
 */
export function liveNodeSummary(doc: Scenario, node: ScenarioNode, clockS: number | null): string {
  const acted = clockS !== null && (doc.actions ?? []).some((a) => a.target === node.id);
  return nodeSummary(acted ? effectiveAt(doc, node, clockS + 0.1) : node);
}
