/** Makes a search snippet (raw Markdown with match markers) safe, readable HTML with <mark> around matches. */
import { MATCH_END, MATCH_START } from '@/db/queries/search';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function snippetHtml(snippet: string): string {
  const readable = snippet
    .replace(/\[\^[^\]]*\]:?/g, '') // footnote marks
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/^(?:#+|>)\s*/gm, '') // heading and quote marks
    .replace(/[*_`|]+/g, '') // emphasis, code and table marks
    .replace(/\s+/g, ' ')
    .trim();
  return escapeHtml(readable).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>');
}
