/**
 * The one Markdown renderer readers see: GitHub-flavoured Markdown (tables, strikethrough,
 * autolinks, footnotes) with heading anchors and sized, responsive images (lib/markdown-images.ts), then an
 * allow-list sanitizer as a second wall, so raw HTML, event handlers and script URLs never reach a page.
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import footnote from 'markdown-it-footnote';
import sanitizeHtml from 'sanitize-html';
import { getImageSizes } from '@/db/queries/uploads';
import { slugify } from '@/db/slug';
import { imagesPlugin, lookUpImages } from './markdown-images';
import { readingPlugin } from './markdown-reading';

export type Heading = { level: number; id: string; text: string };
export type RenderedMarkdown = { html: string; headings: Heading[] };

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true })
  .use(anchor, { level: [1, 2, 3, 4], slugify: (text: string) => slugify(text) || 'section' })
  .use(footnote)
  .use(imagesPlugin)
  .use(readingPlugin);

const headingTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 's', 'section', 'sup', 'sub'],
  allowedAttributes: {
    a: ['href', 'title', 'id', 'class', 'aria-label'],
    img: ['src', 'alt', 'title', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
    li: ['id', 'class'],
    ol: ['start', 'class'],
    sup: ['id', 'class'],
    section: ['class', 'aria-label'],
    div: ['class', 'role', 'aria-label', 'tabindex'],
    hr: ['class'],
    th: ['style', 'scope'],
    td: ['style'],
    ...Object.fromEntries(headingTags.map((tag) => [tag, ['id']])),
  },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images only from this site: readers' browsers never call other hosts.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
};

/**
 * Renders Markdown to safe HTML and lists its h2–h3 headings for a table of contents. Async because the
 * library images it mentions are looked up in the database, once for the whole text, between parse and render.
 */
export async function renderMarkdown(source: string): Promise<RenderedMarkdown> {
  const env: { images?: Awaited<ReturnType<typeof lookUpImages>> } = {};
  const tokens = markdown.parse(source, env);
  env.images = await lookUpImages(tokens, getImageSizes);
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    const level = Number(token.tag.slice(1));
    if (token.type === 'heading_open' && (level === 2 || level === 3)) {
      headings.push({ level, id: String(token.attrGet('id') ?? ''), text: tokens[i + 1]?.content ?? '' });
    }
  });
  const html = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, env), sanitizeOptions);
  return { html, headings };
}

/*
 * Comments get "Markdown-lite": paragraphs, line breaks, emphasis, links, lists, quotes and inline code.
 * No headings, images, tables or HTML; links are marked as user content and never pass on trust.
 */
const commentMarkdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'newline',
  'emphasis',
  'link',
  'linkify',
  'list',
  'blockquote',
  'backticks',
  'escape',
  'autolink',
]);

const commentSanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
};

export function renderCommentMarkdown(source: string): string {
  return sanitizeHtml(commentMarkdown.render(source), commentSanitizeOptions).trim();
}
