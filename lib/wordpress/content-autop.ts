/**
 * Classic-editor text as WordPress shows it: a URL alone on a line is embedded (here: a link of its own, as
 * WordPress's auto-embed would place a player), then wpautop: a blank line separates paragraphs and a single
 * newline inside a paragraph is a line break. Block-level HTML and <pre> are left as written.
 */
import { embedHtml } from './content-embed';

const BLOCK =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|audio|video|iframe';
const STARTS_WITH_BLOCK = new RegExp(`^<\\/?(?:${BLOCK})[\\s/>]`, 'i');
const PRE = /<pre\b[\s\S]*?<\/pre\s*>/gi;
const SAVED = /\uE002(\d+)\uE003/g;

export function autop(html: string): string {
  const saved: string[] = [];
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(PRE, (pre) => `\n\n\uE002${saved.push(pre) - 1}\uE003\n\n`)
    .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_, url: string) => `\n\n${embedHtml(url)}\n\n`)
    .replace(new RegExp(`(<(?:${BLOCK})[\\s/>])`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</(?:${BLOCK})>)`, 'gi'), '$1\n\n');
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (STARTS_WITH_BLOCK.test(chunk) || chunk.startsWith('\uE002') ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n\n')
    .replace(SAVED, (_, index: string) => saved[Number(index)]);
}
