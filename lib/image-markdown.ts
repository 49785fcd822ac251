/**
 * The Markdown the editor's "Insert image" writes, and where it goes in the text. Alt text and caption are
 * escaped so that brackets, quotes or backslashes in them cannot end the image early or change its address.
 */

/** `![alt](/media/<name>.webp "caption")`; lib/markdown.ts renders a captioned image alone in its paragraph as a figure. */
export function imageMarkdown(url: string, alt: string, caption: string): string {
  const safeAlt = alt.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
  const safeCaption = caption.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
  return `![${safeAlt}](${url}${safeCaption ? ` "${safeCaption}"` : ''})`;
}

/**
 * The text with `block` inserted as a paragraph of its own where the cursor was (or at the end when the
 * text was never clicked into), and where the cursor should go afterwards.
 */
export function insertBlock(text: string, block: string, selectionStart: number, selectionEnd: number): { text: string; cursor: number } {
  const [start, end] = selectionStart === 0 && selectionEnd === 0 ? [text.length, text.length] : [selectionStart, selectionEnd];
  const before = text.slice(0, start).replace(/\s+$/, '');
  const after = text.slice(end).replace(/^\s+/, '');
  const head = before ? `${before}\n\n${block}` : block;
  return { text: after ? `${head}\n\n${after}` : head, cursor: head.length };
}
