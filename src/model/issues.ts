/** Turning a zod issue into the contract's one-line error: `nodes[3].params.workers: must be …`. */
import type * as z from 'zod';

export type Path = ReadonlyArray<PropertyKey>;

/** `['nodes', 3, 'params', 'workers']` → `nodes[3].params.workers`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** The error line for a path and a message; the whole document is called `document`. */
export function errorLine(path: Path, message: string): string {
  return `${formatPath(path) || 'document'}: ${message}`;
}

/** A readable message for one issue; our schemas set most messages, these cover the rest. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      if (issue.message.startsWith('Invalid input')) {
        return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
      }
      return issue.message;
    case 'invalid_value':
      if (issue.message.startsWith('Invalid input')) {
        return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
      }
      return issue.message;
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}
