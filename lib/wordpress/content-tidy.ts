/**
 * The last step of a conversion: no trailing whitespace, no runs of blank lines, no hard break starting or
 * ending a paragraph (markdown-it would show the backslash), and exactly one newline at the end. Code fences are left as
 * they were.
 */

const FENCE = /^\s*(`{3,}|~{3,})/;

export function tidyMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence = '';
  for (const line of lines) {
    const opening = FENCE.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (opening && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening) fence = '';
      continue;
    }
    if (opening) fence = opening;
    const trimmed = line.replace(/\s+$/, '');
    if (trimmed === '\\') continue; // a line break with nothing before it
    if (trimmed === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    if (trimmed === '') endParagraph(out);
    out.push(trimmed);
  }
  endParagraph(out);
  const text = out.join('\n').trim();
  return text ? `${text}\n` : '';
}

/** A paragraph's last line may not end in a hard break (an odd number of backslashes). */
function endParagraph(out: string[]): void {
  const last = out.length - 1;
  if (last >= 0 && /(?:^|[^\\])(?:\\\\)*\\$/.test(out[last])) out[last] = out[last].slice(0, -1).replace(/\s+$/, '');
}
