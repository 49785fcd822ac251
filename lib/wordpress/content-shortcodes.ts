/**
 * WordPress shortcodes, expanded to HTML before turndown sees them (it would escape `[caption]` to `\[caption\]`):
 * [caption] → a figure with its caption, [gallery ids] → its attachments' images (src "attachment:<id>", which
 * the importer's image() resolves), [embed] → a link, [audio]/[video] → a link to the file. Any other shortcode
 * is kept as literal text and reported. `[[x]]` is WordPress's way of writing `[x]` itself. Code is left alone.
 */
import { embedHtml, mediaLabel } from './content-embed';
import { addNote, literal, type Conversion } from './content-state';
import { decodeEntities, escapeHtml, outsideCode } from './content-text';

// WordPress's get_shortcode_regex(), for any tag name: [name attrs], [name attrs /], [name attrs]content[/name].
const SHORTCODE = /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([^[]*(?:\[(?!\/\2\])[^[]*)*)(\[\/\2\]))?)(\]?)/g;

// WordPress's shortcode_parse_atts().
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of text.replace(/[\u00a0\u200b]/g, ' ').matchAll(ATTRIBUTE)) {
    const name = m[1] ?? m[3] ?? m[5];
    if (name) attributes[name.toLowerCase()] = decodeEntities(m[2] ?? m[4] ?? m[6]);
  }
  return attributes;
}

/** The attachment ids a [gallery] names, in order ("ids" or the older "include"). */
export function galleryIds(attributes: Record<string, string>): string[] {
  return (attributes.ids ?? attributes.include ?? '').split(',').map((id) => id.trim()).filter((id) => /^\d+$/.test(id));
}

const MEDIA_SOURCES = ['src', 'mp3', 'm4a', 'ogg', 'wav', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv'];

function caption(attributes: Record<string, string>, content: string): string {
  const imageHtml = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(content)?.[0];
  if (!imageHtml) return content;
  const text = attributes.caption ?? content.replace(imageHtml, '').trim();
  return `<figure>${imageHtml}<figcaption>${text}</figcaption></figure>`;
}

function gallery(attributes: Record<string, string>, conversion: Conversion): string {
  const ids = galleryIds(attributes);
  if (ids.length === 0) {
    addNote(conversion, 'skipped', 'A [gallery] without ids (WordPress showed the post’s attached images): no images were placed.');
    return '';
  }
  return ids.map((id) => `<figure><img src="attachment:${id}" alt=""></figure>`).join('');
}

function media(kind: 'audio' | 'video', attributes: Record<string, string>, content: string, conversion: Conversion): string {
  const src = (MEDIA_SOURCES.map((key) => attributes[key]).find(Boolean) ?? decodeEntities(content)).trim();
  if (!src) return '';
  addNote(conversion, 'changed', `The [${kind}] player ${src} became a link to its file.`);
  return `<p><a href="${escapeHtml(src)}">${escapeHtml(mediaLabel(kind, src))}</a></p>`;
}

/** Unknown: the tags stay as written (reported when it is clearly a shortcode, not prose like "[sic]"). */
function unknown(shortcode: string, name: string, rawAttributes: string, content: string | undefined, conversion: Conversion): string {
  const closing = content === undefined ? '' : `[/${name}]`;
  if (!closing && !rawAttributes.includes('=') && !/[-_]/.test(name)) return shortcode;
  const opening = closing ? shortcode.slice(0, shortcode.length - content!.length - closing.length) : shortcode;
  addNote(conversion, 'kept as text', `The shortcode [${name}] is not one Hearth knows: it was kept as text.`);
  return literal(conversion, opening) + (closing ? expandShortcodes(content!, conversion) + literal(conversion, closing) : '');
}

/** The HTML with every shortcode outside code expanded (or kept as literal text). */
export function expandShortcodes(html: string, conversion: Conversion): string {
  return outsideCode(html, (part) =>
    part.replace(SHORTCODE, (whole, open: string, tag: string, rawAttributes: string, _selfClosing, content: string | undefined, closeTag: string | undefined, close: string, offset: number) => {
      if (part.lastIndexOf('<', offset) > part.lastIndexOf('>', offset)) return whole; // inside a tag's attribute
      if (open === '[' && close === ']') return literal(conversion, whole.slice(1, -1));
      const name = tag.toLowerCase();
      const attributes = shortcodeAttributes(rawAttributes);
      const inner = closeTag ? content ?? '' : '';
      switch (name) {
        case 'caption':
        case 'wp_caption':
          return open + caption(attributes, inner) + close;
        case 'gallery':
          return open + gallery(attributes, conversion) + close;
        case 'embed':
          return inner.trim() ? open + embedHtml(decodeEntities(inner.trim())) + close : whole;
        case 'audio':
        case 'video':
          return open + media(name, attributes, inner, conversion) + close;
        default:
          return open + unknown(whole.slice(open.length, whole.length - close.length), tag, rawAttributes, closeTag ? inner : undefined, conversion) + close;
      }
    }),
  );
}
