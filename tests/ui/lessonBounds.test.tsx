import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import {
  boundLesson,
  MAX_LESSON_CHARS,
  MAX_LINE_CONTAINERS,
  MAX_PARAGRAPH_MARKERS,
} from '../../src/ui/lesson/boundLesson.ts';
import { DEEP_NOTE, MAX_TREE_DEPTH } from '../../src/ui/lesson/flattenDeep.ts';
import { LessonPanel } from '../../src/ui/lesson/LessonPanel.tsx';
import { SafeMarkdown } from '../../src/ui/lesson/SafeMarkdown.tsx';
import { setDescription, setUpLessonTests } from './lessonHelpers.ts';

setUpLessonTests();

/** The deepest chain of `selector` elements nested in one another under `root`. */
function nesting(root: Element, selector: string): number {
  let deepest = 0;
  for (const el of root.querySelectorAll(selector)) {
    let depth = 0;
    for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
      if (at.matches(selector)) depth++;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('bounding untrusted lesson text', () => {
  it('leaves every shipped lesson as written', () => {
    for (const file of readdirSync('presets')) {
      const { description } = JSON.parse(readFileSync(`presets/${file}`, 'utf8')) as {
        description: string;
      };
      expect(boundLesson(description), file).toEqual({ text: description, cuts: [] });
    }
  });

  it('shows 5,000 nested quotes at the depth bound, with a note', () => {
    setDescription(`${'> '.repeat(5000)}deep text`);
    const { container } = render(<LessonPanel />);
    expect(screen.getByRole('note').textContent).toBe(
      `1 line nested more than ${MAX_LINE_CONTAINERS} quotes or lists deep is shown at depth ${MAX_LINE_CONTAINERS}.`,
    );
    expect(nesting(container, 'blockquote')).toBe(MAX_LINE_CONTAINERS);
    expect(screen.getByText('deep text')).toBeTruthy();
  });

  it('cuts nested list markers on a line, keeping the first ones', () => {
    const { text } = boundLesson(`${'- '.repeat(3000)}x\n1. ${'1) '.repeat(20)}y`);
    expect(text).toBe(
      `${'- '.repeat(MAX_LINE_CONTAINERS)}x\n1. ${'1) '.repeat(MAX_LINE_CONTAINERS - 1)}y`,
    );
  });

  it('shows 16,000 nested emphasis markers as typed beyond the marker budget', () => {
    const raw = `${'*'.repeat(8_000)}x${'*'.repeat(8_000)}`;
    const { text, cuts } = boundLesson(raw);
    // Escaped, it would be 32,000 characters: cut to the size bound too.
    expect(text.length).toBe(MAX_LESSON_CHARS);
    expect(cuts).toEqual([
      'The lesson is too long to show whole (16,001 characters; the limit is 20,000): it is cut short.',
      `1 paragraph with more than ${MAX_PARAGRAPH_MARKERS} emphasis or link markers shows the rest as typed.`,
    ]);
    expect(text.startsWith('*'.repeat(MAX_PARAGRAPH_MARKERS) + '\\*')).toBe(true);
    const { container } = render(<SafeMarkdown text={text} />);
    // Every star is still on the page: the escaped ones as text.
    expect(container.textContent?.split('*').length).toBeGreaterThan(9_900);
  });

  it('gives each paragraph, list item and heading its own marker budget', () => {
    const item = '- **term**: [a](https://a.example) _b_\n';
    const list = item.repeat(40); // 320 markers, 8 per item
    expect(boundLesson(list).cuts).toEqual([]);
    const paragraphs = Array.from({ length: 10 }, () => '*a* '.repeat(30)).join('\n\n');
    expect(boundLesson(paragraphs).cuts).toEqual([]);
    expect(boundLesson('*a* '.repeat(70)).cuts).toHaveLength(1);
  });

  it('never escapes inside code spans or fenced code', () => {
    const code = '`' + '*'.repeat(200) + '`';
    const fenced = '```\n' + '_'.repeat(300) + '\n```';
    expect(boundLesson(`${'*a* '.repeat(70)} ${code}\n\n${fenced}`).text).toContain(
      `${code}\n\n${fenced}`,
    );
  });

  it('cuts an over-long lesson at a paragraph and says how much is shown', () => {
    const para = `${'word '.repeat(199)}end.`;
    const raw = Array.from({ length: 30 }, () => para).join('\n\n'); // 30,028 characters
    const { text, cuts } = boundLesson(raw);
    expect(text.length).toBeLessThanOrEqual(MAX_LESSON_CHARS);
    expect(text.endsWith('end.')).toBe(true);
    expect(cuts).toEqual([
      'The lesson is too long to show whole (30,028 characters; the limit is 20,000): it is cut short.',
    ]);
  });

  it('shows whatever is nested past the tree depth as plain text, with a note', () => {
    // Indented lists nest without markers piling up on one line: 150 levels.
    const stair = Array.from({ length: 150 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join(
      '\n',
    );
    const { container } = render(<SafeMarkdown text={stair} />);
    expect(screen.getByText(DEEP_NOTE)).toBeTruthy();
    expect(nesting(container, 'ul')).toBeLessThan(MAX_TREE_DEPTH);
    expect(container.textContent).toContain('level 149');
  });
});
