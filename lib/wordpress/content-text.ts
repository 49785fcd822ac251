/**
 * Small text helpers the WordPress content conversion shares: entity decoding for attribute values read with
 * regular expressions, escaping for the HTML and Markdown it writes, and leaving code samples alone (a shortcode
 * or comment shown inside <pre>/<code> is the text the author meant to show).
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities WordPress writes into attribute values (&amp;, &quot;, &#8217;, &#x2019;…). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? Number(lower.slice(1)) : NaN;
    if (Number.isNaN(code)) return NAMED[lower] ?? whole;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

const WORD = /[\p{L}\p{N}]/u;

/** Escapes only what would change the meaning: `_` inside a word (snake_case, file_name) stays as it is. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/_/g, (_, at: number, all: string) => (WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '') ? '_' : '\\_'))
    .replace(/[*`[\]|]/g, '\\$&')
    .replace(/~(?=~)/g, '\\~')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^(\s*)([-+=>]|#{1,6}(?=\s|$))/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CODE = /(<(pre|code)\b[\s\S]*?<\/\2\s*>)/gi;

/** Applies `change` to the parts of `html` outside <pre> and <code> elements, leaving those as they were. */
export function outsideCode(html: string, change: (part: string) => string): string {
  return html
    .split(CODE)
    .map((part, i) => (i % 3 === 0 ? change(part) : i % 3 === 1 ? part : ''))
    .join('');
}

/** Removes HTML comments (<!--more-->, <!--nextpage-->, <!--noteaser-->, editors' notes) outside code. */
export function removeComments(html: string): string {
  return outsideCode(html, (part) => part.replace(/<!--[\s\S]*?(?:-->|$)/g, ''));
}

/** Every `<img>` src in the HTML outside code, entities decoded, in order and once each. */
export function imageSources(html: string): string[] {
  const found = new Set<string>();
  outsideCode(html, (part) => {
    for (const [tag] of part.matchAll(/<img\b[^>]*>/gi)) {
      const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = src ? decodeEntities(src[1] ?? src[2] ?? src[3]).trim() : '';
      if (value && !/^data:/i.test(value)) found.add(value);
    }
    return part;
  });
  return [...found];
}
