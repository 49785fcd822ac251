/**
 * What the WordPress content tests share: an importer's context over a small old site (two posts, a few
 * uploads, one missing), and a conversion rendered through lib/markdown.ts, as readers would get it.
 */
import { wordpressToMarkdown } from '@/lib/wordpress/content';
import { renderMarkdown } from '@/lib/markdown';

export const OLD = 'https://old.example.org';

/** A library address as the importer hands them out: "/media/<32 hex>.webp". */
export const media = (n: number) => `/media/${n.toString(16).padStart(32, '0')}.webp`;

const uploads: Record<string, string> = {
  [`${OLD}/wp-content/uploads/2024/05/bench-300x200.jpg`]: media(1),
  [`${OLD}/wp-content/uploads/2024/05/bench.jpg`]: media(2),
  '/wp-content/uploads/2024/05/river.png': media(3),
  'attachment:12': media(12),
  'attachment:13': media(13),
};

const posts: Record<string, string> = {
  [`${OLD}/2024/05/01/pacing/`]: '/posts/pacing',
  '/2024/05/01/pacing/': '/posts/pacing',
  [`${OLD}/?p=42`]: '/posts/pacing',
  [`${OLD}/about/`]: '/about',
  [`${OLD}/category/sleep/`]: '/category/sleep',
};

export type Converted = { markdown: string; notes: ReturnType<typeof wordpressToMarkdown>['notes']; html: string; text: string; asked: string[] };

/** Converts, renders, and gives the reader's text too (tags stripped, entities decoded, spaces squeezed). */
export async function convert(content: string): Promise<Converted> {
  const asked: string[] = [];
  const context = {
    rewriteLink: (url: string) => posts[url] ?? null,
    image: (url: string) => {
      asked.push(url);
      return uploads[url] ?? null;
    },
  };
  const { markdown, notes } = wordpressToMarkdown(content, context, 'Post “Pacing” (WordPress ID 42)');
  const { html } = await renderMarkdown(markdown);
  return { markdown, notes, html, text: readerText(html), asked };
}

export function readerText(html: string): string {
  return html
    .replace(/<\/?(?:a|em|strong|code|s|sup|sub)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `parts` appear in `text` in this order. */
export function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) throw new Error(`“${part}” not found after position ${from} in: ${text}`);
    from = at + part.length;
  }
}
