/** The one line of key params under a node's label: each kind says its own (its `line`). */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { ScenarioNode } from '../../model/types.ts';

export function nodeSummary(node: ScenarioNode): string {
  return KIND_DESCRIPTIONS[node.type].line(node.params);
}
