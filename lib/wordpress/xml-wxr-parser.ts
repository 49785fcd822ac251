/**
 * The WXR state machine over saxes events: turns elements into the entries of lib/wordpress/wxr-types.ts
 * as each closes, holding the item being read plus those completed within the current chunk (drained after
 * every 64 KB write). Elements are matched by namespace URI (any WXR 1.x version), never by the prefix a
 * file happens to use. Every refusal is a WxrError (xml-limits.ts).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import * as refuse from './xml-limits';
import type { WxrComment, WxrEntry, WxrItem, WxrSite, WxrTerm } from './wxr-types';

const WP_NS = /^http:\/\/wordpress\.org\/export\/1\.\d+\/$/;
const EXCERPT_NS = /^http:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/;
const NAMESPACES: Record<string, string> = { 'http://purl.org/rss/1.0/modules/content/': 'content', 'http://purl.org/dc/elements/1.1/': 'dc' };
/** Elements whose text is only the whitespace between their children. */
const CONTAINERS = new Set(['rss', 'channel', 'item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term', 'wp:postmeta', 'wp:comment', 'wp:commentmeta']);

type Frame = { key: string; text: string; attributes: Record<string, string> };

/**
 * saxes with its handlers set inside the constructor: seven on() calls after construction turn the
 * parser's properties into V8's slow dictionary mode (measured: a 100 MB export took 5 times the CPU).
 */
class WxrSax extends SaxesParser<{ xmlns: true; position: true }> {
  constructor(bind: (sax: WxrSax) => void) {
    super({ xmlns: true, position: true });
    bind(this);
  }
}

/** "wp:post_id", "content:encoded", "title" for RSS's own elements; "?" for namespaces WXR does not use. */
function keyOf(uri: string, local: string): string {
  if (uri === '') return local;
  if (WP_NS.test(uri)) return `wp:${local}`;
  if (EXCERPT_NS.test(uri)) return `excerpt:${local}`;
  return NAMESPACES[uri] ? `${NAMESPACES[uri]}:${local}` : `?${local}`;
}

/** WordPress's "YYYY-MM-DD HH:MM:SS" as UTC; null for its zero date, empty or unreadable values. */
export function parseGmt(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === '0000') return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? null : date;
}

function emptyItem(): WxrItem {
  return {
    id: '',
    type: '',
    title: '',
    link: '',
    guid: '',
    creator: '',
    content: '',
    excerpt: '',
    dateGmt: null,
    dateLocal: '',
    slug: '',
    status: '',
    parentId: '0',
    menuOrder: 0,
    sticky: false,
    commentsOpen: false,
    attachmentUrl: '',
    terms: [],
    meta: {},
    comments: [],
  };
}

function emptyComment(): WxrComment {
  return { id: '', author: '', authorEmail: '', authorUrl: '', dateGmt: null, content: '', approved: '', type: '', parentId: '0', userId: '0' };
}

export class WxrParser {
  private readonly stack: Frame[] = [];
  private queue: WxrEntry[] = [];
  private site: WxrSite | null = { title: '', link: '', description: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '' };
  private record: Record<string, string> = {};
  private item: WxrItem | null = null;
  private comment: WxrComment | null = null;
  private meta = { key: '', value: '' };
  private sawRoot = false;
  private closedRoot = false;

  private readonly sax = new WxrSax((sax) => {
    sax.on('error', (e) => {
      throw this.sawRoot ? refuse.malformed(e.message) : refuse.notXml(e.message);
    });
    sax.on('xmldecl', (decl) => refuse.checkDeclaredEncoding(decl.encoding));
    sax.on('doctype', (doctype) => {
      if (/<!ENTITY/i.test(doctype)) throw refuse.entityDeclarations();
    });
    sax.on('opentag', (tag) => this.open(tag));
    sax.on('text', (text) => this.append(text));
    sax.on('cdata', (text) => this.append(text));
    sax.on('closetag', () => this.close());
  });

  /** Feeds decoded text; entries completed so far wait in drain(). Throws a WxrError on the first problem. */
  write(text: string): void {
    this.sax.write(text);
    // saxes gathers a text node, CDATA section, DOCTYPE, name or attribute whole before any event: bound it here.
    const pending = this.sax as unknown as { text: string; name: string; entity: string; piTarget: string };
    if (pending.text.length + pending.name.length + pending.entity.length + pending.piTarget.length > refuse.MAX_TEXT_CHARS) throw refuse.textTooLong();
  }

  end(): void {
    if (this.sawRoot && !this.closedRoot) throw refuse.truncated(`the last element still open is <${this.stack.at(-1)?.key ?? 'rss'}>`);
    this.sax.close();
    if (this.site) this.emitSite();
  }

  drain(): WxrEntry[] {
    const entries = this.queue;
    this.queue = [];
    return entries;
  }

  private open(tag: SaxesTagNS): void {
    const key = keyOf(tag.uri, tag.local);
    if (!this.sawRoot) {
      this.sawRoot = true;
      const wordpress = Object.values(tag.ns ?? {}).some((uri) => WP_NS.test(uri));
      if (key !== 'rss' || !wordpress) throw refuse.notWxr();
    }
    if (this.stack.length >= refuse.MAX_DEPTH) throw refuse.tooDeep();
    const parent = this.stack.at(-1)?.key;
    if (parent === 'channel' && ['wp:author', 'wp:category', 'wp:tag', 'item'].includes(key) && this.site) this.emitSite();
    if (parent === 'channel' && key === 'item') this.item = emptyItem();
    if (parent === 'item' && key === 'wp:comment') this.comment = emptyComment();
    if (parent === 'item' && key === 'wp:postmeta') this.meta = { key: '', value: '' };
    if (parent === 'channel' && CONTAINERS.has(key)) this.record = {};
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) if (attribute.uri === '') attributes[attribute.local] = attribute.value;
    this.stack.push({ key, text: '', attributes });
  }

  private append(text: string): void {
    const frame = this.stack.at(-1);
    if (!frame || CONTAINERS.has(frame.key)) return;
    if (frame.text.length + text.length > refuse.MAX_TEXT_CHARS) throw refuse.textTooLong();
    frame.text += text;
  }

  private close(): void {
    const frame = this.stack.pop()!;
    const parent = this.stack.at(-1)?.key;
    if (parent === undefined) this.closedRoot = true;
    else if (parent === 'channel') this.closeInChannel(frame);
    else if (parent === 'item') this.closeInItem(frame);
    else if (parent === 'wp:comment') this.setCommentField(frame.key, frame.text);
    else if (parent === 'wp:postmeta' && frame.key === 'wp:meta_key') this.meta.key = frame.text;
    else if (parent === 'wp:postmeta' && frame.key === 'wp:meta_value') this.meta.value = frame.text;
    else if (parent === 'wp:author' || parent === 'wp:category' || parent === 'wp:tag') this.record[frame.key] = frame.text;
  }

  private closeInChannel(frame: Frame): void {
    const r = this.record;
    if (frame.key === 'item' && this.item) {
      this.queue.push({ kind: 'item', item: this.item });
      this.item = null;
    } else if (frame.key === 'wp:author') {
      this.queue.push({
        kind: 'author',
        author: {
          id: r['wp:author_id'] ?? '',
          login: r['wp:author_login'] ?? '',
          email: r['wp:author_email'] ?? '',
          displayName: r['wp:author_display_name'] ?? '',
          firstName: r['wp:author_first_name'] ?? '',
          lastName: r['wp:author_last_name'] ?? '',
        },
      });
    } else if (frame.key === 'wp:category' || frame.key === 'wp:tag') {
      const category = frame.key === 'wp:category';
      const term: WxrTerm = category
        ? {
            kind: 'category',
            id: r['wp:term_id'] ?? '',
            slug: r['wp:category_nicename'] ?? '',
            name: r['wp:cat_name'] ?? '',
            parentSlug: r['wp:category_parent'] ?? '',
            description: r['wp:category_description'] ?? '',
          }
        : { kind: 'tag', id: r['wp:term_id'] ?? '', slug: r['wp:tag_slug'] ?? '', name: r['wp:tag_name'] ?? '', parentSlug: '', description: r['wp:tag_description'] ?? '' };
      this.queue.push({ kind: 'term', term });
    } else if (this.site) {
      const fields: Record<string, keyof WxrSite> = {
        title: 'title',
        link: 'link',
        description: 'description',
        'wp:base_site_url': 'baseSiteUrl',
        'wp:base_blog_url': 'baseBlogUrl',
        'wp:wxr_version': 'wxrVersion',
      };
      if (fields[frame.key]) this.site[fields[frame.key]] = frame.text.trim();
    }
  }

  private closeInItem(frame: Frame): void {
    const item = this.item!;
    const text = frame.text;
    switch (frame.key) {
      case 'title':
        item.title = text;
        break;
      case 'link':
        item.link = text.trim();
        break;
      case 'guid':
        item.guid = text.trim();
        break;
      case 'dc:creator':
        item.creator = text;
        break;
      case 'content:encoded':
        item.content = text;
        break;
      case 'excerpt:encoded':
        item.excerpt = text;
        break;
      case 'wp:post_id':
        item.id = text.trim();
        break;
      case 'wp:post_type':
        item.type = text.trim();
        break;
      case 'wp:post_date':
        item.dateLocal = text.trim();
        break;
      case 'wp:post_date_gmt':
        item.dateGmt = parseGmt(text);
        break;
      case 'wp:post_name':
        item.slug = text.trim();
        break;
      case 'wp:status':
        item.status = text.trim();
        break;
      case 'wp:post_parent':
        item.parentId = text.trim() || '0';
        break;
      case 'wp:menu_order':
        item.menuOrder = Number.parseInt(text, 10) || 0;
        break;
      case 'wp:is_sticky':
        item.sticky = text.trim() === '1';
        break;
      case 'wp:comment_status':
        item.commentsOpen = text.trim() === 'open';
        break;
      case 'wp:attachment_url':
        item.attachmentUrl = text.trim();
        break;
      case 'category': {
        const domain = frame.attributes.domain;
        const kind = domain === 'category' ? 'category' : domain === 'post_tag' ? 'tag' : null;
        if (kind) item.terms.push({ kind, slug: frame.attributes.nicename ?? '', name: text });
        break;
      }
      case 'wp:postmeta':
        item.meta[this.meta.key] = this.meta.value;
        break;
      case 'wp:comment':
        item.comments.push(this.comment!);
        this.comment = null;
        break;
    }
  }

  private setCommentField(key: string, text: string): void {
    const c = this.comment!;
    switch (key) {
      case 'wp:comment_id':
        c.id = text.trim();
        break;
      case 'wp:comment_author':
        c.author = text;
        break;
      case 'wp:comment_author_email':
        c.authorEmail = text.trim();
        break;
      case 'wp:comment_author_url':
        c.authorUrl = text.trim();
        break;
      case 'wp:comment_date_gmt':
        c.dateGmt = parseGmt(text);
        break;
      case 'wp:comment_content':
        c.content = text;
        break;
      case 'wp:comment_approved':
        c.approved = text.trim();
        break;
      case 'wp:comment_type':
        c.type = text.trim();
        break;
      case 'wp:comment_parent':
        c.parentId = text.trim() || '0';
        break;
      case 'wp:comment_user_id':
        c.userId = text.trim() || '0';
        break;
    }
  }

  private emitSite(): void {
    this.queue.push({ kind: 'site', site: this.site! });
    this.site = null;
  }
}
