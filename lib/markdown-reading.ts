/**
 * Footnotes and tables that work on a phone. Footnote markers stay links to their note (so they jump
 * without JavaScript; components/posts/footnote-popover.tsx opens the note in place when it can), with a text
 * label and a "Back to text" link at the note. Tables scroll inside a labelled, focusable region; a table
 * whose first header cell is left empty gets its first column as row headers (`<th scope="row">`).
 */
import type MarkdownIt from 'markdown-it';

type Markdown = InstanceType<typeof MarkdownIt>;

type Token = ReturnType<Markdown['parse']>[number];

type FootnoteMeta = { id: number; subId: number };
const noteNumber = (token: Token) => String((token.meta as FootnoteMeta).id + 1);
const refId = (token: Token) => {
  const { subId } = token.meta as FootnoteMeta;
  return subId > 0 ? `${noteNumber(token)}:${subId}` : noteNumber(token);
};

/** Text of the first non-empty header cell, for the table region's label. */
function firstHeaderText(tokens: Token[], start: number): string {
  for (let i = start; i < tokens.length && tokens[i].type !== 'thead_close'; i++) {
    if (tokens[i].type === 'inline' && tokens[i].content.trim()) return tokens[i].content.trim();
  }
  return '';
}

/** With an empty first header cell, that cell becomes a plain corner cell and each row's first cell its header. */
function markRowHeaders(tokens: Token[], start: number) {
  const corner = tokens.findIndex((token, i) => i > start && token.type === 'th_open');
  if (corner < 0 || tokens[corner + 1]?.content.trim()) return;
  tokens[corner].tag = 'td';
  tokens[corner + 2].tag = 'td';
  let inBody = false;
  for (let i = corner; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    if (tokens[i].type === 'tbody_open') inBody = true;
    if (!inBody || tokens[i].type !== 'tr_open' || tokens[i + 1]?.type !== 'td_open') continue;
    const close = tokens.findIndex((token, j) => j > i && token.type === 'td_close');
    tokens[i + 1].tag = 'th';
    tokens[i + 1].attrSet('scope', 'row');
    tokens[close].tag = 'th';
  }
}

export function readingPlugin(md: Markdown) {
  md.core.ruler.push('table_row_headers', (state) => {
    state.tokens.forEach((token, i) => token.type === 'table_open' && markRowHeaders(state.tokens, i));
  });

  md.renderer.rules.table_open = (tokens, i) => {
    const label = md.utils.escapeHtml(firstHeaderText(tokens, i) || 'data');
    return `<div class="table-scroll" role="region" aria-label="Table: ${label}" tabindex="0"><table>\n`;
  };
  md.renderer.rules.table_close = () => '</table></div>\n';

  md.renderer.rules.footnote_ref = (tokens, i) => {
    const n = noteNumber(tokens[i]);
    return `<sup class="footnote-ref"><a href="#fn${n}" id="fnref${refId(tokens[i])}" aria-label="Footnote ${n}">${n}</a></sup>`;
  };
  md.renderer.rules.footnote_anchor = (tokens, i) => {
    const n = noteNumber(tokens[i]);
    return ` <a href="#fnref${refId(tokens[i])}" class="footnote-backref" aria-label="Back to text (footnote ${n})">Back to text</a>`;
  };
  md.renderer.rules.footnote_block_open = () => '<hr class="footnotes-sep">\n<section class="footnotes" aria-label="Footnotes">\n<ol class="footnotes-list">\n';
}
