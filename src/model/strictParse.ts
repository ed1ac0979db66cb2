/**
 * Parse with strict schemas, but treat unknown fields as warnings: they are dropped and named,
 * so a typo (`worker` for `workers`) is seen, while a field from a newer tool does not block.
 */
import type * as z from 'zod';
import { errorLine, formatPath, issueMessage } from './issues.ts';
import { suggestField } from './suggest.ts';

export type ParseResult<T> =
  { ok: true; data: T; warnings: string[] } | { ok: false; error: string; path: string };

/** Each pass removes at least one unknown field; nesting is bounded by the schema's depth. */
const MAX_PASSES = 8;

export function parseDroppingUnknown<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const warnings: string[] = [];
  let value = input;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const r = schema.safeParse(value, { reportInput: true });
    if (r.success) return { ok: true, data: r.data, warnings };
    const issues = r.error.issues;
    const unknown = issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknown.length < issues.length || unknown.length === 0) {
      const first = issues.find((i) => i.code !== 'unrecognized_keys') ?? issues[0]!;
      return {
        ok: false,
        error: errorLine(first.path, issueMessage(first, value)),
        path: formatPath(first.path),
      };
    }
    for (const issue of unknown) {
      if (issue.code !== 'unrecognized_keys') continue;
      value = withoutKeys(value, issue.path, issue.keys);
      const hints = issue.keys.flatMap((k) => {
        const near = suggestField(k);
        return near ? [`"${near}"`] : [];
      });
      const hint = hints.length > 0 ? ` (did you mean ${hints.join(', ')}?)` : '';
      warnings.push(`${errorLine(issue.path, issueMessage(issue, value))} ignored${hint}`);
    }
  }
  return { ok: false, error: 'document: too many unknown fields', path: '' };
}

/** A copy of `root` with `keys` removed from the object at `path`; only that path is copied. */
function withoutKeys(root: unknown, path: ReadonlyArray<PropertyKey>, keys: string[]): unknown {
  if (path.length === 0) {
    if (root === null || typeof root !== 'object') return root;
    const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
    for (const k of keys) delete copy[k];
    return copy;
  }
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = root.slice();
    copy[head] = withoutKeys(root[head], rest, keys);
    return copy;
  }
  if (root !== null && typeof root === 'object' && typeof head === 'string') {
    const obj = root as Record<string, unknown>;
    return { ...obj, [head]: withoutKeys(obj[head], rest, keys) };
  }
  return root;
}
