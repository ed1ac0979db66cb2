/**
 * A remark plugin: whatever is nested deeper than `MAX_TREE_DEPTH` in the parsed lesson becomes
 * its plain text, so the steps after the parser (to HTML nodes, to React elements, React's own
 * commit), which all recurse once per level, never meet a tree deep enough to overflow the
 * stack. `boundLesson` keeps most texts far below this (a staircase of indented lists is how a
 * 20,000-character lesson still reaches a depth of 280); this is the guarantee. A note says when
 * it cut. The walk is iterative, for the same reason.
 */

/** Deep enough for any lesson a person writes (ours reach 5). */
export const MAX_TREE_DEPTH = 48;

export const DEEP_NOTE = `Parts of this lesson nested more than ${MAX_TREE_DEPTH} levels deep are shown as plain text.`;

/** The parts of an mdast node this plugin reads and writes. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hProperties?: Record<string, string> };
}

export function flattenDeep() {
  return (tree: MdNode) => {
    let cut = false;
    const stack: Array<{ node: MdNode; depth: number }> = [{ node: tree, depth: 0 }];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const { node, depth } = item;
      if (!node.children) continue;
      if (depth >= MAX_TREE_DEPTH) {
        node.children = [{ type: 'text', value: textOf(node) }];
        cut = true;
        continue;
      }
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
    }
    if (cut && tree.children) {
      tree.children.unshift({
        type: 'paragraph',
        data: { hProperties: { className: 'lesson__cut' } },
        children: [{ type: 'text', value: DEEP_NOTE }],
      });
    }
  };
}

/** Every text value under `node`, in order. */
function textOf(node: MdNode): string {
  const parts: string[] = [];
  const stack: MdNode[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (typeof n.value === 'string') parts.push(n.value);
    // Children go on the stack last-first, so the first one comes off first.
    for (const child of [...(n.children ?? [])].reverse()) stack.push(child);
  }
  return parts.join('');
}
