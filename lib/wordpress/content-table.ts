/**
 * HTML tables → GFM tables as lib/markdown.ts renders them: a header row (the first row when WordPress wrote
 * none, as Markdown needs one), cells on one line with their inline formatting, pipes escaped, column alignment
 * from WordPress's has-text-align-* classes or style, the caption as an italic line below.
 */
import type TurndownService from 'turndown';
import { escapeText, squeeze } from './content-text';

type Element = HTMLElement;

function alignment(cell: Element | undefined): string {
  const style = /text-align:\s*(left|right|center)/i.exec(cell?.getAttribute('style') ?? '')?.[1];
  const align = (style ?? cell?.getAttribute('data-align') ?? /has-text-align-(left|right|center)/.exec(cell?.getAttribute('class') ?? '')?.[1] ?? '').toLowerCase();
  return align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'left' ? ':---' : '---';
}

export function addTableRules(service: TurndownService): void {
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) => ` ${squeeze(content.replace(/\\\n/g, ' ')).replace(/(?<!\\)\|/g, '\\|')} |`,
  });
  service.addRule('tableRow', { filter: 'tr', replacement: (content) => `\n|${content}` });
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('table', {
    filter: 'table',
    replacement: (content, node) => {
      const rows = Array.from((node as HTMLTableElement).rows);
      const columns = Math.max(0, ...rows.map((row) => Array.from(row.cells).reduce((sum, cell) => sum + (Number(cell.getAttribute('colspan')) || 1), 0)));
      if (columns === 0) return '';
      const lines = content.split('\n').filter((line) => line.startsWith('|'));
      const padded = lines.map((line, i) => line + ' |'.repeat(Math.max(0, columns - Array.from(rows[i]?.cells ?? []).length)));
      const head = Array.from(rows[0]?.cells ?? []);
      const divider = `|${Array.from({ length: columns }, (_, i) => ` ${alignment(head[i] as Element | undefined)} |`).join('')}`;
      const caption = squeeze((node as Element).querySelector('caption')?.textContent ?? '');
      return `\n\n${[padded[0], divider, ...padded.slice(1)].join('\n')}\n\n${caption ? `*${escapeText(caption)}*\n\n` : ''}`;
    },
  });
}
