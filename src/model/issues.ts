/**
 * Turning a zod issue into the contract's one-line error, naming the path and the value read:
 * `nodes[3].params.workers: must be an integer from 1 to 10000, got -3`.
 */
import type * as z from 'zod';
import { closest } from './closest.ts';

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

/** Longest excerpt of a value quoted in a message. */
const MAX_VALUE_CHARS = 40;

/** A value as a message quotes it: JSON, cut short; a long text or list says how long it is. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) {
    const n = value.length;
    return n === 0 ? 'an empty list' : `a list of ${n} ${n === 1 ? 'entry' : 'entries'}`;
  }
  let json: string | undefined;
  try {
    json = typeof value === 'number' ? String(value) : JSON.stringify(value);
  } catch {
    // A cycle or a BigInt: the type is all a message can say.
  }
  if (json === undefined) return `a ${typeof value}`;
  if (json.length <= MAX_VALUE_CHARS) return json;
  const cut = `${json.slice(0, MAX_VALUE_CHARS)}…`;
  return typeof value === 'string' ? `${cut} (${value.length} characters)` : cut;
}

/** `message, got VALUE`; an absent value has its own message ("is required …"). */
export function withValue(message: string, value: unknown): string {
  return value === undefined ? message : `${message}, got ${valueText(value)}`;
}

/**
 * The value the issue is about, read at its path in the parsed input; zod's own `input` (asked
 * for with `reportInput`) where the path leads through a value a preprocess step replaced.
 */
function valueAt(root: unknown, issue: z.core.$ZodIssue): unknown {
  let v = root;
  for (const seg of issue.path) {
    if (v === null || typeof v !== 'object') return issue.input;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * A readable message for one issue found parsing `root`, ending with the value read; our schemas
 * set most messages, these cover the rest.
 */
export function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      if (value === undefined) {
        return issue.message.startsWith('Invalid input') ? 'is required' : issue.message;
      }
      if (issue.message.startsWith('Invalid input')) {
        return withValue(`must be ${article(issue.expected)}`, value);
      }
      return withValue(issue.message, value);
    case 'invalid_value':
      if (issue.message.startsWith('Invalid input')) {
        return withValue(
          `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`,
          value,
        );
      }
      return withValue(issue.message, value);
    case 'invalid_union': {
      // A tagged union whose tag matches no option: the path ends at the tag, so name the options.
      const { note, options } = issue as { note?: string; options?: unknown[] };
      if (note === 'No matching discriminator' && Array.isArray(options)) {
        const list = options.map((o) => JSON.stringify(o)).join(', ');
        if (value === undefined) return `is required (one of ${list})`;
        const near = typeof value === 'string' ? closest(value, options.map(String)) : undefined;
        const hint = near ? `; did you mean "${near}"?` : '';
        return `${valueText(value)} is not one of ${list}${hint}`;
      }
      return withValue(issue.message, value);
    }
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return issue.message.startsWith('is required')
        ? issue.message
        : withValue(issue.message, value);
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}
