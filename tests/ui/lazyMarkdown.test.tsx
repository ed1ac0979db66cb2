import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';

describe('lazy lesson markdown', () => {
  it('shows the text plain while the renderer loads, then as Markdown', async () => {
    // A fresh module, so the Markdown chunk has not been loaded by another test.
    vi.resetModules();
    const { LazyMarkdown } = await import('../../src/ui/lesson/LazyMarkdown.tsx');
    const { container } = render(<LazyMarkdown text={'# Title\n\nfirst line\nsecond **bold**'} />);
    const plain = container.querySelector('.lesson__plain');
    expect(plain?.querySelectorAll('p')).toHaveLength(2);
    expect(plain?.textContent).toContain('# Title');
    // The wait ends as soon as the chunk is imported; the ceiling is for a loaded CI machine,
    // where the dynamic import alone has taken over the default second.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Title' }, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(container.querySelector('.lesson__plain')).toBeNull();
  });

  it('renders at once, without the plain fallback, once the renderer is loaded', async () => {
    vi.resetModules();
    const { LazyMarkdown, loadSafeMarkdown } = await import('../../src/ui/lesson/LazyMarkdown.tsx');
    await loadSafeMarkdown();
    const { container } = render(<LazyMarkdown text={'## Ready'} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Ready' })).toBeTruthy();
    expect(container.querySelector('.lesson__plain')).toBeNull();
  });
});
