/** "On this page" links for long posts; shown only when a post has three or more headings. */
import type { Heading } from '@/lib/markdown';

export const MIN_TOC_HEADINGS = 3;

export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length < MIN_TOC_HEADINGS) return null;
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading">On this page</h2>
      <ol>
        {headings.map((heading) => (
          <li key={heading.id} className={heading.level === 3 ? 'toc__sub' : undefined}>
            <a href={`#${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
