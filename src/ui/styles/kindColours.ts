/**
 * Each kind's accent as CSS, written from the kinds' descriptions once at start-up: the
 * `--kind-<type>` variables, `.kind-<type>` (palette item, node, inspector) and the minimap.
 */
import { KIND_DESCRIPTIONS, NODE_TYPES } from '../../model/kinds/index.ts';

export function kindColourCss(): string {
  const vars = NODE_TYPES.map((t) => `--kind-${t}: ${KIND_DESCRIPTIONS[t].colour};`).join('\n  ');
  const rules = NODE_TYPES.map(
    (t) =>
      `.kind-${t} { --kind: var(--kind-${t}); }\n.react-flow__minimap-node.mini-${t} { fill: var(--kind-${t}); }`,
  );
  return [`:root {\n  ${vars}\n}`, ...rules].join('\n');
}

export function installKindColours(doc: Document = document): void {
  const id = 'kind-colours';
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = kindColourCss();
  doc.head.appendChild(style);
}
