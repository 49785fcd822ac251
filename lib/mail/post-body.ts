/**
 * A post's body for email: the page's own Markdown renderer (lib/markdown.ts), then made fit for mail
 * programs, which ignore style sheets and relative addresses: absolute links and image addresses,
 * images at their real size (width/height kept, never wider than the message), inline styles. The
 * plain-text part is made from the same HTML: headings, lists, and links written as "text (url)".
 */
import 'server-only';
import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';
import { env } from '@/lib/env';
import { renderMarkdown } from '@/lib/markdown';

const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? `${env.siteUrl}${url}` : url);
const styled = (tagName: string, style: string) => (_tag: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: { ...attribs, style } });

const emailOptions: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 's', 'section', 'sup', 'sub'],
  allowedAttributes: { '*': ['style', 'href', 'src', 'alt', 'width', 'height', 'title', 'start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    a: (_tag, attribs) => ({ tagName: 'a', attribs: { href: absolute(attribs.href ?? ''), style: 'color:#9a3d12' } }),
    img: (_tag, { src, alt, width, height }) => ({
      tagName: 'img',
      attribs: { src: absolute(src ?? ''), alt: alt ?? '', ...(width && height ? { width, height } : {}), style: 'max-width:100%;height:auto;border:0' },
    }),
    h1: styled('h2', 'font-size:22px;margin:24px 0 8px'),
    h2: styled('h2', 'font-size:22px;margin:24px 0 8px'),
    h3: styled('h3', 'font-size:19px;margin:20px 0 8px'),
    blockquote: styled('blockquote', 'margin:16px 0;padding-left:16px;border-left:4px solid #e3d8cc'),
    table: styled('table', 'border-collapse:collapse'),
    th: styled('th', 'border:1px solid #e3d8cc;padding:4px 8px;text-align:left'),
    td: styled('td', 'border:1px solid #e3d8cc;padding:4px 8px'),
    pre: styled('pre', 'white-space:pre-wrap;font-size:15px'),
    figcaption: styled('figcaption', 'font-size:15px;color:#5b504a'),
  },
};

const textOptions = {
  wordwrap: 78,
  selectors: [
    { selector: 'a', options: { linkBrackets: ['(', ')'] as [string, string], hideLinkHrefIfSameAsText: true } },
    { selector: 'img', options: { linkBrackets: ['(', ')'] as [string, string] } },
    { selector: 'h2', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    { selector: 'h3', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    { selector: 'table', format: 'dataTable' },
  ],
};

export async function emailPostBody(markdown: string): Promise<{ html: string; text: string }> {
  const html = sanitizeHtml((await renderMarkdown(markdown)).html, emailOptions);
  return { html, text: convert(html, textOptions) };
}
