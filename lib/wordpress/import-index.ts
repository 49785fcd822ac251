/**
 * Pass 1 of an import: reads the whole export once and keeps a small summary of it (authors, terms, and per
 * item only its ids, addresses and attachment paths), so pass 2 can point links at posts further down the
 * file and nothing is written when the file cannot be read to its end.
 */
import { readWxr } from './wxr-reader';
import type { ReadProgress, WxrAuthor, WxrItem, WxrTerm } from './wxr-types';

export type IndexedItem = Pick<WxrItem, 'id' | 'type' | 'slug' | 'link' | 'guid' | 'status' | 'dateGmt' | 'dateLocal' | 'title' | 'parentId' | 'creator'> & {
  /** For attachments: the uploads-relative path ("2024/05/x.jpg"), its alt text and caption. */
  file: string | null;
  alt: string;
  caption: string;
};

export type ExportIndex = {
  /** The old site's address: names the source in imported_items. */
  source: string;
  siteUrl: string;
  authors: WxrAuthor[];
  terms: WxrTerm[];
  items: Map<string, IndexedItem>;
  /** Logins of authors with at least one post or page. */
  writers: Set<string>;
};

/**
 * A copy of the text that holds only its own characters. The parser's strings are often slices of the
 * 64 KB chunk they were read from, and V8 keeps the whole chunk alive for as long as a slice lives: kept
 * for every item, the index held most of the file (a 100 MB export ran out of a 256 MB heap).
 */
const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

const UPLOADS_MARK = '/wp-content/uploads/';

/** "https://old.example.org/wp-content/uploads/2024/05/x.jpg" → "2024/05/x.jpg" (null when not an upload). */
export function uploadsPath(url: string): string | null {
  const at = url.indexOf(UPLOADS_MARK);
  if (at < 0) return null;
  const rest = url.slice(at + UPLOADS_MARK.length).split(/[?#]/)[0];
  try {
    return decodeURIComponent(rest) || null;
  } catch {
    return null;
  }
}

export async function indexExport(path: string, onProgress?: (p: ReadProgress) => void): Promise<ExportIndex> {
  const index: ExportIndex = { source: '', siteUrl: '', authors: [], terms: [], items: new Map(), writers: new Set() };
  for await (const entry of readWxr(path, { onProgress })) {
    if (entry.kind === 'site') {
      index.siteUrl = entry.site.baseBlogUrl || entry.site.link || entry.site.baseSiteUrl;
      index.source = entry.site.baseSiteUrl || index.siteUrl;
    } else if (entry.kind === 'author') index.authors.push(entry.author);
    else if (entry.kind === 'term') index.terms.push(entry.term);
    else {
      const { item } = entry;
      if (item.type === 'post' || item.type === 'page') index.writers.add(detached(item.creator));
      const file = item.type === 'attachment' ? item.meta._wp_attached_file || uploadsPath(item.attachmentUrl) : null;
      index.items.set(detached(item.id), {
        id: detached(item.id),
        type: detached(item.type),
        slug: detached(item.slug),
        link: detached(item.link),
        guid: detached(item.guid),
        status: detached(item.status),
        dateGmt: item.dateGmt,
        dateLocal: detached(item.dateLocal),
        title: detached(item.title),
        parentId: detached(item.parentId),
        creator: detached(item.creator),
        file: file === null ? null : detached(file),
        alt: item.type === 'attachment' ? detached(item.meta._wp_attachment_image_alt ?? '') : '',
        caption: item.type === 'attachment' ? detached(item.excerpt) : '',
      });
    }
  }
  return index;
}
