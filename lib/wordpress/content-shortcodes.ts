/**
 * WordPress shortcodes, expanded to HTML before turndown sees them (it would escape `[caption]` to `\[caption\]`):
 * [caption] → a figure with its caption, [gallery ids] → its attachments' images (src "attachment:<id>", which
 * the importer's image() resolves), [embed] → a link, [audio]/[video] → a link to the file. Any other shortcode
 * is kept as literal text and reported. `[[x]]` is WordPress's way of writing `[x]` itself. Code is left alone.
 */
import { embedHtml, mediaLabel } from './content-embed';
import { addNote, literal, type Conversion } from './content-state';
import { decodeEntities, escapeHtml, outsideCode } from './content-text';

// An opening tag as WordPress's get_shortcode_regex() reads it, for any name: [name attrs] or [name attrs /]. Its
// attributes hold no brackets, so a stray "[" costs no more than the text up to the next bracket.
const OPENING = /\[(\[?)([A-Za-z][\w-]*)(?![\w-])((?:[^\][/]|\/(?!\]))*)(\/)?\]/g;
const CLOSING = /\[\/([A-Za-z][\w-]*)\]/g;
// Brackets inside HTML tags (an alt="[x]") are hidden while shortcodes are read.
const IN_TAG = /<[^>]*>/g;
const HIDDEN = /[\uE004\uE005]/g;

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
  return (attributes.ids ?? attributes.include ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id));
}

const MEDIA_SOURCES = ['src', 'mp3', 'm4a', 'ogg', 'wav', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv'];

function caption(attributes: Record<string, string>, content: string): string {
  const imageHtml = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(content)?.[0];
  if (!imageHtml) return content;
  // The older caption="…" attribute is text; the caption after the image is HTML.
  const text = attributes.caption !== undefined ? escapeHtml(attributes.caption) : content.replace(imageHtml, '').trim();
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
function unknown(opening: string, tag: string, rawAttributes: string, content: string | undefined, conversion: Conversion): string {
  if (content === undefined && !rawAttributes.includes('=') && !/[-_]/.test(tag)) return opening;
  addNote(conversion, 'kept as text', `The shortcode [${tag}] is not one Hearth knows: it was kept as text.`);
  if (content === undefined) return literal(conversion, opening);
  return literal(conversion, opening) + expandPart(content, conversion) + literal(conversion, `[/${tag}]`);
}

function expandOne(opening: string, tag: string, rawAttributes: string, content: string | undefined, conversion: Conversion): string {
  const attributes = shortcodeAttributes(rawAttributes);
  const inner = content ?? '';
  switch (tag.toLowerCase()) {
    case 'caption':
    case 'wp_caption':
      return caption(attributes, inner);
    case 'gallery':
      return gallery(attributes, conversion);
    case 'embed': {
      const url = decodeEntities(inner.trim());
      return /^https?:\/\/[^\s<>"]+$/i.test(url) ? embedHtml(url) : unknown(opening, tag, rawAttributes, content, conversion);
    }
    case 'audio':
    case 'video':
      return media(tag.toLowerCase() as 'audio' | 'video', attributes, inner, conversion);
    default:
      return unknown(opening, tag, rawAttributes, content, conversion);
  }
}

/** Where each closing tag stands, by name, in order: one pass, so finding a shortcode's end is cheap. */
function closingTags(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const m of text.matchAll(CLOSING)) {
    const list = found.get(m[1]) ?? [];
    list.push(m.index);
    found.set(m[1], list);
  }
  return found;
}

/** Reads shortcodes left to right: [name]content[/name] when its closing tag follows, else [name] alone. */
function expandPart(text: string, conversion: Conversion): string {
  const closings = closingTags(text);
  const opening = new RegExp(OPENING.source, 'g');
  let out = '';
  let from = 0;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const [tagText, open, tag, rawAttributes, selfClosing] = m;
    const afterOpening = m.index + tagText.length;
    const closeAt = selfClosing ? undefined : closings.get(tag)?.find((at) => at >= afterOpening);
    const end = closeAt === undefined ? afterOpening : closeAt + tag.length + 3;
    const content = closeAt === undefined ? undefined : text.slice(afterOpening, closeAt);
    const escaped = open === '[' && text[end] === ']';
    const shortcode = text.slice(m.index + open.length, end);
    out += text.slice(from, m.index) + (escaped ? literal(conversion, shortcode) : open + expandOne(tagText.slice(open.length), tag, rawAttributes, content, conversion));
    from = escaped ? end + 1 : end;
    opening.lastIndex = from;
  }
  return out + text.slice(from);
}

/** The HTML with every shortcode outside code expanded (or kept as literal text). */
export function expandShortcodes(html: string, conversion: Conversion): string {
  const hidden = (part: string) => part.replace(IN_TAG, (tag) => tag.replace(/\[/g, '\uE004').replace(/\]/g, '\uE005'));
  return outsideCode(html, (part) => expandPart(hidden(part), conversion)).replace(HIDDEN, (c) => (c === '\uE004' ? '[' : ']'));
}
