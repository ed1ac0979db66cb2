/**
 * Lesson text comes from documents and links, so it is untrusted: a 237-character link can carry
 * 5,000 nested `> ` quotes, and the Markdown parser's time grows faster than linearly with
 * nesting (5,000 nested list markers: 26 s; 10,000 nested `*`: 53 s; deep trees then overflow
 * the stack when rendered). Before parsing, the text is bounded so that the parse stays short:
 * its length, the containers (quotes, list items) opened on one line, and the inline markers
 * (`*`, `_`, `[`, `]`) in one paragraph, beyond which they are escaped and show as typed. The
 * lessons we ship use at most 2,700 characters, one container per line and 32 markers per
 * paragraph, so ordinary text is never changed. Each bound that cut something says so.
 */

/** About ten times the longest preset lesson. */
export const MAX_LESSON_CHARS = 20_000;
/** Quotes and list items opened on one line (`> > - x` is three). */
export const MAX_LINE_CONTAINERS = 8;
/** Emphasis and link markers one paragraph may use as markup. */
export const MAX_PARAGRAPH_MARKERS = 128;

export interface BoundedLesson {
  text: string;
  /** One sentence per bound that changed the text, for the note above the lesson. */
  cuts: string[];
}

const INLINE_MARKERS = new Set(['*', '_', '[', ']']);
const FENCE = /^(`{3,}|~{3,})/;
/** Up to three spaces, then `>` (and one optional space) or a list marker and a space. */
const CONTAINER = /^ {0,3}(?:> ?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;

export function boundLesson(description: string): BoundedLesson {
  const cuts: string[] = [];
  // Cut before the line scan (it bounds the work) and again after (escapes add characters).
  const text = cutAtParagraph(description, MAX_LESSON_CHARS);
  let deepLines = 0;
  let escapedParagraphs = 0;
  let markers = 0;
  let fence: string | null = null;
  const lines = text.split('\n').map((line) => {
    const { prefix, rest, count } = splitContainers(line);
    let content = rest;
    let kept = prefix;
    if (count > MAX_LINE_CONTAINERS) {
      deepLines++;
      kept = keepContainers(prefix, MAX_LINE_CONTAINERS);
    }
    const opening = FENCE.exec(content.trimStart())?.[1];
    if (fence !== null) {
      // Inside a fenced code block nothing is markup; the fence that closes it ends the block.
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) {
        fence = null;
      }
    } else if (opening !== undefined) {
      fence = opening;
      markers = 0;
    } else if (content.trim() === '') {
      markers = 0; // a blank line ends the paragraph
    } else {
      // A list item or a heading starts a paragraph of its own.
      if (/[-+*\d]/.test(kept) || content.startsWith('#')) markers = 0;
      const before = markers;
      const bounded = escapeMarkersBeyond(content, MAX_PARAGRAPH_MARKERS - markers);
      content = bounded.text;
      markers += bounded.seen;
      if (before <= MAX_PARAGRAPH_MARKERS && markers > MAX_PARAGRAPH_MARKERS) escapedParagraphs++;
    }
    return kept + content;
  });
  let bounded = lines.join('\n');
  if (bounded.length > MAX_LESSON_CHARS || text.length < description.length) {
    bounded = cutAtParagraph(bounded, MAX_LESSON_CHARS);
    cuts.push(
      `The lesson is too long to show whole (${description.length.toLocaleString('en')} ` +
        `characters; the limit is ${MAX_LESSON_CHARS.toLocaleString('en')}): it is cut short.`,
    );
  }
  if (deepLines > 0) {
    cuts.push(
      `${plural(deepLines, 'line')} nested more than ${MAX_LINE_CONTAINERS} quotes or lists deep ` +
        `${deepLines === 1 ? 'is' : 'are'} shown at depth ${MAX_LINE_CONTAINERS}.`,
    );
  }
  if (escapedParagraphs > 0) {
    cuts.push(
      `${plural(escapedParagraphs, 'paragraph')} with more than ${MAX_PARAGRAPH_MARKERS} ` +
        `emphasis or link markers ${escapedParagraphs === 1 ? 'shows' : 'show'} the rest as typed.`,
    );
  }
  return { text: bounded, cuts };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** The longest start of `text` within `max` characters that ends at a paragraph (or a line). */
function cutAtParagraph(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph >= max / 2) return head.slice(0, paragraph);
  const line = head.lastIndexOf('\n');
  return line >= max / 2 ? head.slice(0, line) : head;
}

/** The container markers that open `line`, how many, and what follows them. */
function splitContainers(line: string): { prefix: string; rest: string; count: number } {
  let at = 0;
  let count = 0;
  for (;;) {
    const m = CONTAINER.exec(line.slice(at, at + 16));
    if (m === null) break;
    at += m[0].length;
    count++;
  }
  return { prefix: line.slice(0, at), rest: line.slice(at), count };
}

/** The first `max` containers of a prefix (the same scan as `splitContainers`). */
function keepContainers(prefix: string, max: number): string {
  let at = 0;
  for (let i = 0; i < max; i++) at += CONTAINER.exec(prefix.slice(at, at + 16))?.[0].length ?? 0;
  return prefix.slice(0, at);
}

/**
 * Escapes the inline markers of `text` after the first `allowance` (a backslash makes them
 * literal). Backslash escapes and code spans are skipped as the parser would: inside code a
 * backslash would show.
 */
function escapeMarkersBeyond(text: string, allowance: number): { text: string; seen: number } {
  let seen = 0;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? '`';
      const close = findRun(text, run, i + run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      out += text.slice(i, end);
      i = end;
    } else {
      if (INLINE_MARKERS.has(ch)) {
        seen++;
        if (seen > allowance) out += '\\';
      }
      out += ch;
      i++;
    }
  }
  return { text: out, seen };
}

/** Where a backtick run of exactly `run`'s length starts at or after `from`, or -1. */
function findRun(text: string, run: string, from: number): number {
  let at = text.indexOf(run, from);
  while (at >= 0) {
    let end = at + run.length;
    if (text[end] !== '`' && text[at - 1] !== '`') return at;
    while (text[end] === '`') end++;
    at = text.indexOf(run, end);
  }
  return -1;
}
