/**
 * Gutenberg content → one HTML document for the HTML path, block by block: most blocks are their own saved HTML
 * (inner blocks put back where they stood), embeds become links, spacers and more/nextpage markers go, classic
 * blocks get wpautop. A block Hearth does not know keeps its text and is named in the report, so nothing goes
 * silently.
 */
import { parse } from '@wordpress/block-serialization-default-parser';
import { autop } from './content-autop';
import { embedHtml } from './content-embed';
import { addNote, type Conversion } from './content-state';
import { decodeEntities } from './content-text';

type Block = ReturnType<typeof parse>[number];

const KNOWN = new Set(
  [
    'paragraph',
    'heading',
    'list',
    'list-item',
    'quote',
    'pullquote',
    'code',
    'preformatted',
    'verse',
    'table',
    'image',
    'gallery',
    'separator',
    'buttons',
    'button',
    'columns',
    'column',
    'group',
    'html',
    'shortcode',
    'freeform',
    'audio',
    'video',
    'file',
  ].map((name) => `core/${name}`),
);
const DROPPED = new Set(['core/spacer', 'core/more', 'core/nextpage']);

export const hasBlocks = (content: string) => content.includes('<!-- wp:');

/** The block's saved HTML with its inner blocks' HTML in their places. */
function savedHtml(block: Block, conversion: Conversion): string {
  let next = 0;
  return block.innerContent.map((piece) => (piece === null ? blockHtml(block.innerBlocks[next++], conversion) : piece)).join('');
}

function embed(block: Block): string {
  const attrs = block.attrs ?? {};
  const url = String(attrs.url ?? '') || decodeEntities(/https?:\/\/[^\s<>"]+/.exec(block.innerHTML)?.[0] ?? '');
  const provider = String(attrs.providerNameSlug ?? block.blockName?.replace(/^core-embed\//, '') ?? '');
  const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(block.innerHTML)?.[1] ?? '';
  return url ? `${embedHtml(url, provider === 'core/embed' ? '' : provider)}${caption.trim() ? `<p><em>${caption}</em></p>` : ''}` : '';
}

function blockHtml(block: Block, conversion: Conversion): string {
  const name = block.blockName;
  if (name === null || name === 'core/freeform') return autop(block.innerHTML);
  if (DROPPED.has(name)) return '';
  if (name === 'core/embed' || name.startsWith('core-embed/')) return embed(block);
  const html = savedHtml(block, conversion);
  if (name === 'core/html' || name === 'core/shortcode') return `<div>${html}</div>`;
  if (!KNOWN.has(name)) {
    const hasText = html.replace(/<[^>]*>/g, '').trim() !== '';
    addNote(
      conversion,
      hasText ? 'kept as text' : 'skipped',
      hasText ? `The block “${name}” is not one Hearth knows: its text was kept.` : `The block “${name}” has no content of its own (WordPress built it when showing the page): nothing was kept.`,
    );
    return `<div>${html}</div>`;
  }
  return html;
}

/** The whole Gutenberg document as HTML, in block order. */
export function blocksToHtml(content: string, conversion: Conversion): string {
  return parse(content)
    .map((block) => blockHtml(block, conversion))
    .join('\n\n');
}

/** Attachment ids named by image and gallery blocks ({"id":12}, {"ids":[12,13]}), inner blocks included. */
export function blockAttachmentIds(content: string): string[] {
  const ids: string[] = [];
  const visit = (block: Block) => {
    const attrs = block.attrs ?? {};
    if (block.blockName === 'core/image' && attrs.id !== undefined) ids.push(String(attrs.id));
    if (block.blockName === 'core/gallery' && Array.isArray(attrs.ids)) ids.push(...attrs.ids.map(String));
    block.innerBlocks.forEach(visit);
  };
  parse(content).forEach(visit);
  return ids;
}
