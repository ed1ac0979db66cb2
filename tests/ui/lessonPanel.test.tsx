import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LessonPanel } from '../../src/ui/lesson/LessonPanel.tsx';
import { safeUrl } from '../../src/ui/lesson/SafeMarkdown.tsx';
import { usePanels } from '../../src/ui/layout/panelPrefs.ts';
import { setDescription, setUpLessonTests } from './lessonHelpers.ts';

setUpLessonTests();

describe('lesson panel', () => {
  it('renders the description as Markdown', () => {
    setDescription('# Title\n\n**Bold** and `code`\n\n1. first\n2. second');
    render(<LessonPanel />);
    expect(screen.getByRole('heading', { level: 1, name: 'Title' })).toBeTruthy();
    expect(screen.getByText('Bold').tagName).toBe('STRONG');
    expect(screen.getByText('code').tagName).toBe('CODE');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('never renders markup from the document, and keeps only http(s) links', () => {
    setDescription(
      'Hi <img src=x onerror="window.__bad=1"> <script>window.__bad=2</script> <b>bold?</b>\n\n' +
        '[js](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.com/a) ' +
        '[rel](/relative) ![pic](https://example.com/p.png)\n\n<iframe src="https://example.com"></iframe>',
    );
    const { container } = render(<LessonPanel />);
    const body = container.querySelector('.lesson__body')!;
    expect(body.querySelectorAll('img, script, iframe, b')).toHaveLength(0);
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    // The text of refused links is still there, as text.
    expect(body.textContent).toContain('js');
    expect(body.textContent).toContain('[image: pic]');
    expect((window as { __bad?: number }).__bad).toBeUndefined();
  });

  it('stays collapsed without a lesson (the room goes to the canvas), and says so when opened', async () => {
    usePanels.getState().setCollapsed('lesson', false); // the user had it open
    setDescription('   ');
    render(<LessonPanel />);
    expect(screen.queryByText(/no lesson yet/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show lesson' }));
    expect(screen.getByText(/no lesson yet/)).toBeTruthy();
    // Opening the empty one is not remembered as a choice.
    expect(usePanels.getState().prefs.lesson?.collapsed).toBe(false);
    act(() => {
      setDescription('# Title');
    });
    expect(screen.getByRole('heading', { name: 'Title' })).toBeTruthy();
  });

  it('collapses and expands, and remembers the choice', async () => {
    setDescription('# Title');
    const first = render(<LessonPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Hide lesson' }));
    expect(screen.queryByRole('heading', { name: 'Title' })).toBeNull();
    first.unmount();
    expect(JSON.parse(localStorage.getItem('archsim.panels') ?? '{}')).toMatchObject({
      lesson: { collapsed: true },
    });
    render(<LessonPanel />);
    expect(screen.queryByRole('heading', { name: 'Title' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show lesson' }));
    expect(screen.getByRole('heading', { name: 'Title' })).toBeTruthy();
  });

  it('safeUrl keeps absolute http(s) only', () => {
    expect(safeUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeUrl('http://a.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '/x',
      'vbscript:x',
      '',
    ]) {
      expect(safeUrl(bad)).toBe('');
    }
  });
});

describe('lesson panel on a narrow window', () => {
  afterEach(() => {
    window.innerWidth = 1600;
  });

  it('starts collapsed below 1400 px until the user chooses, then keeps the choice', async () => {
    setDescription('# Title');
    window.innerWidth = 1280;
    const first = render(<LessonPanel />);
    expect(screen.queryByRole('heading', { name: 'Title' })).toBeNull();
    // The vertical title opens it as well as the arrow.
    await userEvent.click(screen.getByRole('heading', { name: 'Lesson' }));
    expect(screen.getByRole('heading', { name: 'Title' })).toBeTruthy();
    first.unmount();
    expect(JSON.parse(localStorage.getItem('archsim.panels') ?? '{}')).toMatchObject({
      lesson: { collapsed: false },
    });
    render(<LessonPanel />);
    expect(screen.getByRole('heading', { name: 'Title' })).toBeTruthy(); // the choice wins
  });

  it('starts open on a wide window', () => {
    setDescription('# Title');
    window.innerWidth = 1600;
    render(<LessonPanel />);
    expect(screen.getByRole('heading', { name: 'Title' })).toBeTruthy();
  });
});
