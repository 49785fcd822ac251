/** "On this page" links for long posts; shown only when a post has three or more headings. */
import type { Heading } from '@/lib/markdown';

export const MIN_TOC_HEADINGS = 3;

type Section = Heading & { children: Heading[] };

/** Sub-headings (h3) nest under the h2 before them. */
function nest(headings: Heading[]): Section[] {
  const sections: Section[] = [];
  for (const heading of headings) {
    const parent = sections.at(-1);
    if (heading.level > 2 && parent) parent.children.push(heading);
    else sections.push({ ...heading, children: [] });
  }
  return sections;
}

export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length < MIN_TOC_HEADINGS) return null;
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading">On this page</h2>
      <ol>
        {nest(headings).map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.text}</a>
            {section.children.length > 0 && (
              <ul>
                {section.children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
