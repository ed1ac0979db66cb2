/**
 * The lesson's Markdown, with react-markdown (and its parser, ~35 KB gzipped) in its own chunk.
 * It is fetched once the page has painted (the first paint waits for the canvas's code only);
 * until it arrives the text shows plain, paragraph by paragraph.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { useFirstPaint } from '../lazy/useFirstPaint.ts';

type MarkdownView = ComponentType<{ text: string }>;

let loaded: MarkdownView | null = null;
let loading: Promise<{ default: MarkdownView }> | null = null;

/** Fetches the Markdown chunk once; later calls share the same download. */
export function loadSafeMarkdown(): Promise<{ default: MarkdownView }> {
  loading ??= import('./SafeMarkdown.tsx').then((m) => {
    loaded = m.SafeMarkdown;
    return { default: m.SafeMarkdown };
  });
  // A failed download (offline) is tried again the next time the lesson asks for it.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

const LazySafeMarkdown = lazy(loadSafeMarkdown);

/** Readable before the parser arrives: blank-line separated paragraphs, as written. */
function PlainText({ text }: { text: string }) {
  return (
    <div className="lesson__plain">
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}

export function LazyMarkdown({ text }: { text: string }) {
  const painted = useFirstPaint();
  // Already loaded: render directly, so a preloaded chunk never flashes the fallback.
  if (loaded) {
    const Markdown = loaded;
    return <Markdown text={text} />;
  }
  if (!painted) return <PlainText text={text} />;
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <LazySafeMarkdown text={text} />
    </Suspense>
  );
}
