/**
 * HTML → Hearth Markdown with turndown, configured for what lib/markdown.ts renders: ATX headings, "-" bullets,
 * fenced code, GFM tables and strikethrough, images through the importer's context as imageMarkdown() writes them,
 * links rewritten to their new addresses (tables: content-table.ts), and never raw HTML (markdown-it would show it as text): an element
 * without a rule keeps only its text. Players and frames become links to what they played.
 */
import TurndownService from 'turndown';
import { imageMarkdown } from '@/lib/image-markdown';
import { embedLabel, mediaLabel } from './content-embed';
import { addNote, restoreLiterals, type Conversion } from './content-state';
import { addTableRules } from './content-table';
import { escapeText, squeeze } from './content-text';
import { tidyMarkdown } from './content-tidy';

type Element = HTMLElement;

const SAFE_URL = /^(?:https?:|mailto:|attachment:\d+$|\/|#|\?|\.|[^:]*$)/i;

/** A link destination markdown-it reads back unchanged. */
function destination(url: string): string {
  return url.trim().replace(/[\s()<>]/g, (c) => ({ '(': '\\(', ')': '\\)' })[c] ?? encodeURIComponent(c));
}

const fileName = (src: string) => src.split(/[?#]/)[0].split('/').pop() || src;
const looksLikeImageFile = (href: string) => /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:[?#].*)?$/i.test(href) || /[?&]attachment_id=|\/attachment\//i.test(href);

/** The image as Markdown, or its alt text in italics (and a note) when the importer has no file for it. */
function image(img: Element, caption: string, conversion: Conversion): { markdown: string; found: boolean } {
  const src = (img.getAttribute('src') ?? '').trim();
  const alt = squeeze(img.getAttribute('alt') ?? '');
  const url = src && SAFE_URL.test(src) ? conversion.context.image(src) : null;
  if (url) return { markdown: imageMarkdown(url, alt, caption), found: true };
  const named = src.startsWith('attachment:') ? `attachment ${src.slice('attachment:'.length)}` : src || '(no address)';
  addNote(conversion, 'missing', `The image ${named} was not among the uploads: the post shows its ${alt ? 'alt text' : 'file name'} instead.`);
  return { markdown: `*${escapeText(alt || fileName(src))}*`, found: false };
}

/** The text of a <pre>, its <br>s as line breaks. */
function preText(node: globalThis.Node): string {
  if (node.nodeName === 'BR') return '\n';
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return Array.from(node.childNodes).map(preText).join('');
}

function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `\n\n${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
}

function linkMarkdown(text: string, href: string, conversion: Conversion, title = ''): string {
  const target = conversion.context.rewriteLink(href) ?? href;
  if (squeeze(text) === target && /^https?:\/\//i.test(target) && !title) return `<${destination(target)}>`;
  return `[${text}](${destination(target)}${title ? ` "${title.replace(/[\\"]/g, '\\$&')}"` : ''})`;
}

/** A figure of one image (WordPress's image block and [caption]): an image with its caption. */
function isImageFigure(node: Element | null): node is Element {
  return node?.nodeName === 'FIGURE' && node.querySelectorAll('img').length === 1 && node.querySelectorAll('figure, table, blockquote').length === 0;
}

function addRules(service: TurndownService, conversion: Conversion): void {
  service.remove(['script', 'style', 'noscript', 'template', 'object', 'embed', 'input', 'select', 'textarea', 'button']);

  // An ATX heading is one line: line breaks inside it become spaces.
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = squeeze(content.replace(/\\\n/g, ' '));
      return text ? `\n\n${'#'.repeat(Number(node.nodeName.charAt(1)))} ${text}\n\n` : '';
    },
  });

  service.addRule('strikethrough', { filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName), replacement: (content) => `~~${content}~~` });

  service.addRule('preformatted', {
    filter: 'pre',
    replacement: (_, node) => {
      const language = /(?:language|lang)-([\w+-]+)/.exec((node as Element).querySelector('code')?.getAttribute('class') ?? '')?.[1] ?? '';
      return fenced(preText(node as globalThis.Node), language);
    },
  });

  service.addRule('link', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = ((node as Element).getAttribute('href') ?? '').trim();
      if (!href || !SAFE_URL.test(href) || !content.trim()) return content;
      const onlyImage = (node as Element).querySelectorAll('img').length === 1 && !(node.textContent ?? '').trim();
      if (onlyImage && looksLikeImageFile(href)) return content;
      return linkMarkdown(content, href, conversion, squeeze((node as Element).getAttribute('title') ?? ''));
    },
  });

  // An image figure's image is written by the figure rule, with its caption.
  service.addRule('image', {
    filter: 'img',
    replacement: (_, node) => (isImageFigure(node.closest('figure')) ? '' : image(node as Element, '', conversion).markdown),
  });

  service.addRule('figure', {
    filter: isImageFigure,
    replacement: (_, node) => {
      const img = (node as Element).querySelector('img') as Element;
      const caption = squeeze((node as Element).querySelector('figcaption')?.textContent ?? '');
      const link = img.parentElement?.nodeName === 'A' ? (img.parentElement.getAttribute('href') ?? '').trim() : '';
      const linked = link && SAFE_URL.test(link) && !looksLikeImageFile(link);
      const shown = image(img, linked ? '' : caption, conversion);
      const body = linked && shown.found ? linkMarkdown(shown.markdown, link, conversion) : shown.markdown;
      const captionLine = caption && (linked || !shown.found) ? `\n\n*${escapeText(caption)}*` : '';
      return `\n\n${body}${captionLine}\n\n`;
    },
  });

  service.addRule('caption', {
    filter: ['figcaption', 'caption'],
    replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : ''),
  });

  service.addRule('citation', {
    filter: (node) => node.nodeName === 'CITE' && node.closest('blockquote') !== null,
    replacement: (content) => (content.trim() ? `\n\n— ${content.trim()}\n\n` : ''),
  });

  service.addRule('player', {
    filter: ['audio', 'video', 'iframe'],
    replacement: (_, node) => {
      const element = node as Element;
      const src = (element.getAttribute('src') ?? element.querySelector('source')?.getAttribute('src') ?? '').trim();
      if (!src || !SAFE_URL.test(src)) return '';
      const kind = node.nodeName === 'IFRAME' ? 'embed' : node.nodeName === 'AUDIO' ? 'audio' : 'video';
      const label = kind === 'embed' ? embedLabel(src) : mediaLabel(kind, src);
      addNote(conversion, 'changed', `The ${kind === 'embed' ? 'embedded frame' : `${kind} player`} ${src} became a link.`);
      return `\n\n${linkMarkdown(escapeText(label), src, conversion)}\n\n`;
    },
  });

  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as Element;
      const items = Array.from(parent.children).filter((child) => child.nodeName === 'LI');
      const prefix = parent.nodeName === 'OL' ? `${(Number(parent.getAttribute('start')) || 1) + items.indexOf(node as Element)}. ` : '- ';
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n(?=.)/g, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !body.endsWith('\n') ? '\n' : '');
    },
  });

  // Older gallery blocks list their figures in a <ul>: images, not a bulleted list.
  service.addRule('galleryList', {
    filter: (node) => /\b(?:blocks-gallery-grid|blocks-gallery-item|wp-block-gallery)\b/.test(node.getAttribute('class') ?? '') && ['UL', 'LI'].includes(node.nodeName),
    replacement: (content) => `\n\n${content}\n\n`,
  });
}

/** Converts prepared HTML (shortcodes expanded, comments removed) to tidy Markdown ending in one newline. */
export function htmlToMarkdown(html: string, conversion: Conversion): string {
  const service = new TurndownService({
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    br: '\\',
  });
  service.escape = escapeText;
  addRules(service, conversion);
  addTableRules(service);
  return tidyMarkdown(restoreLiterals(service.turndown(`<div>${html}</div>`), conversion));
}
