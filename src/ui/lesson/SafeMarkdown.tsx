/**
 * Markdown from a document, rendered safely: react-markdown never renders raw HTML unless a
 * plugin such as rehype-raw is added (it is not), so `<script>` or `<img onerror>` in a
 * description stays inert. Links keep only http(s) targets and open without a referrer or an
 * opener; images are not loaded at all (a document must not make the page fetch things). The text
 * arrives bounded (`boundLesson`) and the tree is flattened below a fixed depth (`flattenDeep`).
 */
import Markdown, { type Components } from 'react-markdown';
import { flattenDeep } from './flattenDeep.ts';

/** Only absolute http(s) links survive; anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '';
  } catch {
    return '';
  }
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span className="lesson__img">[image: {alt ?? ''}]</span>,
};

/** A constant, so react-markdown does not rebuild its processor on each render. */
const REMARK_PLUGINS = [flattenDeep];

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <Markdown
      skipHtml
      remarkPlugins={REMARK_PLUGINS}
      urlTransform={safeUrl}
      components={components}
    >
      {text}
    </Markdown>
  );
}
