/**
 * The WordPress export reader on real files: the community site read back field by field, progress, and
 * every bad input refused with its own clear WxrError, nothing emitted after it, memory bounded.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWxr, type ReadWxrOptions } from '@/lib/wordpress/wxr-reader';
import { WxrError, type WxrEntry, type WxrItem } from '@/lib/wordpress/wxr-types';
import { CDATA_CONTENT, communitySite, UNICODE_TITLE } from '../../../fixtures/wordpress/community-site';
import { makeWxr, wxrFoot, wxrHead, wxrItem } from '../../../fixtures/wordpress/make-wxr';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxr-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileNumber = 0;
async function file(content: string | Buffer): Promise<string> {
  const path = join(dir, `export-${++fileNumber}.xml`);
  await writeFile(path, content);
  return path;
}

/** Everything emitted, and the error that stopped the reading (if any). */
async function readAll(path: string, options?: ReadWxrOptions): Promise<{ entries: WxrEntry[]; error: unknown }> {
  const entries: WxrEntry[] = [];
  try {
    for await (const entry of readWxr(path, options)) entries.push(entry);
    return { entries, error: null };
  } catch (error) {
    return { entries, error };
  }
}

const items = (entries: WxrEntry[]) => entries.flatMap((e) => (e.kind === 'item' ? [e.item] : []));
const byId = (entries: WxrEntry[], id: string) => items(entries).find((i) => i.id === id) as WxrItem;

describe('reading the community site', () => {
  let entries: WxrEntry[];
  beforeAll(async () => {
    const result = await readAll(await file(makeWxr(communitySite)));
    expect(result.error).toBeNull();
    entries = result.entries;
  });

  it('emits the site first, then authors and terms, then items, in document order', () => {
    expect(entries.map((e) => e.kind)).toEqual(['site', 'author', 'author', ...communitySite.terms.map(() => 'term'), ...communitySite.items.map(() => 'item')]);
    expect(entries[0]).toEqual({ kind: 'site', site: communitySite.site });
  });

  it('reads every author and term (categories with parents and descriptions, tags)', () => {
    expect(entries.filter((e) => e.kind === 'author').map((e) => e.kind === 'author' && e.author)).toEqual(communitySite.authors);
    expect(entries.filter((e) => e.kind === 'term').map((e) => e.kind === 'term' && e.term)).toEqual(communitySite.terms);
  });

  it('reads every field of every item and comment as the generator wrote it', () => {
    for (const { otherTerms, ...spec } of communitySite.items) {
      expect(byId(entries, spec.id)).toMatchObject(spec);
    }
    expect(items(entries)).toHaveLength(communitySite.items.length);
  });

  it('keeps CDATA edge cases, entities and Unicode exactly', () => {
    const post = byId(entries, '203');
    expect(post.content).toBe(CDATA_CONTENT);
    expect(post.content).toContain(']]>');
    expect(post.title).toBe(UNICODE_TITLE);
    expect(post.excerpt).toBe('Ends with ]]>');
    expect(post.slug).toBe('caf%c3%a9-cr%c3%a8me-br%c3%bbl%c3%a9e-%f0%9f%8d%b0');
    const classic = byId(entries, '202');
    expect(classic.comments.map((c) => c.author)).toEqual(["Zoë O'Brien-Ñúñez", '🌻 Sunny 🌻', '', 'Tom Baker']);
    expect(classic.comments[0].content).toBe('Lovely <em>tips</em> &amp; more');
  });

  it('reads postmeta, dates as UTC, statuses, flags and comments of each kind', () => {
    const gutenberg = byId(entries, '201');
    expect(gutenberg.meta).toEqual({ _thumbnail_id: '101', _edit_last: '2' });
    expect(gutenberg.dateGmt).toEqual(new Date('2024-05-01T09:30:00Z'));
    expect(gutenberg.dateLocal).toBe('2024-05-01 11:30:00');
    expect(gutenberg.sticky).toBe(true);
    expect(gutenberg.commentsOpen).toBe(true);
    expect(gutenberg.comments.map((c) => [c.id, c.parentId, c.approved, c.type, c.userId])).toEqual([
      ['600', '0', '1', 'comment', '0'],
      ['601', '600', '1', 'comment', '0'],
      ['602', '601', '1', 'comment', '0'],
      ['603', '602', '1', 'comment', '0'],
      ['604', '603', '1', 'comment', '0'],
      ['605', '604', '1', 'comment', '0'],
      ['610', '600', '1', 'comment', '2'],
      ['611', '0', '0', 'comment', '0'],
      ['612', '0', 'spam', 'comment', '0'],
      ['613', '0', 'trash', 'comment', '0'],
      ['614', '0', '1', 'pingback', '0'],
      ['615', '0', '1', 'trackback', '0'],
    ]);
    expect(byId(entries, '206')).toMatchObject({ status: 'draft', dateGmt: null, dateLocal: '2024-07-01 10:00:00' });
    expect(byId(entries, '302')).toMatchObject({ type: 'page', parentId: '301', menuOrder: 2, commentsOpen: false });
    expect(byId(entries, '101')).toMatchObject({ type: 'attachment', attachmentUrl: 'https://old.example.org/wp-content/uploads/2024/05/garden.jpg' });
  });

  it('keeps a post in two categories and leaves nav_menu and post_format terms out', () => {
    expect(byId(entries, '201').terms.map((t) => `${t.kind}:${t.slug}`)).toEqual(['category:pacing', 'category:news', 'tag:fatigue']);
    expect(byId(entries, '203').terms.map((t) => t.slug)).toEqual(['living-with', 'fatigue']);
    expect(byId(entries, '401').terms).toEqual([]);
  });

  it('matches WordPress elements by namespace, whatever the prefix and the 1.x version', async () => {
    const xml = makeWxr({ ...communitySite, site: { ...communitySite.site, wxrVersion: '1.1' } })
      .replace(/(<\/?)wp:/g, '$1wordpress:')
      .replace('xmlns:wp=', 'xmlns:wordpress=');
    const { entries: read, error } = await readAll(await file(xml));
    expect(error).toBeNull();
    expect(read[0]).toMatchObject({ kind: 'site', site: { wxrVersion: '1.1', baseSiteUrl: 'https://old.example.org' } });
    expect(byId(read, '201').comments).toHaveLength(12);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const { entries: read, error } = await readAll(await file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(makeWxr(communitySite))])));
    expect(error).toBeNull();
    expect(items(read)).toHaveLength(communitySite.items.length);
  });
});

it('reports progress up to the whole size', async () => {
  const path = await file(makeWxr(communitySite));
  const seen: number[] = [];
  let total = 0;
  await readAll(path, { onProgress: ({ bytesRead, bytesTotal }) => (seen.push(bytesRead), (total = bytesTotal)) });
  expect(total).toBe(Buffer.byteLength(makeWxr(communitySite)));
  expect(seen.at(-1)).toBe(total);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
});

describe('bad input', () => {
  const wxr = makeWxr(communitySite);

  async function refused(content: string | Buffer, message: RegExp, options?: ReadWxrOptions) {
    const { entries, error } = await readAll(await file(content), options);
    expect(error).toBeInstanceOf(WxrError);
    expect((error as Error).message).toMatch(message);
    return entries;
  }

  it('refuses a file that is not XML', async () => {
    expect(await refused('{"posts": []}', /^This file is not XML/)).toEqual([]);
    expect(await refused('', /^This file is not XML/)).toEqual([]);
  });

  it('refuses XML that is not a WordPress export, such as a plain RSS feed', async () => {
    expect(await refused('<?xml version="1.0"?><html><body><p>hello</p></body></html>', /not a WordPress export: it has no <rss> with WordPress's export namespace/)).toEqual([]);
    expect(await refused('<rss version="2.0"><channel><title>Feed</title><item><title>x</title></item></channel></rss>', /not a WordPress export/)).toEqual([]);
    expect(await refused('<rss xmlns:wp="http://wordpress.org/export/2.0/"><channel/></rss>', /not a WordPress export/)).toEqual([]);
  });

  it('refuses a truncated export, emitting only the items that were complete', async () => {
    const head = wxrHead(communitySite);
    const many = Array.from({ length: 300 }, (_, n) => wxrItem({ id: String(n + 1), title: `Post ${n + 1}`, content: 'x'.repeat(1000) })).join('');
    const cut = head + many.slice(0, Math.floor(many.length * 0.8) + 500); // inside item 241
    const entries = await refused(cut, /ends too early/);
    const ids = items(entries).map((i) => Number(i.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(ids.map((_, n) => n + 1));
    expect(ids.length).toBeLessThanOrEqual(240);
    expect(items(entries).every((i) => i.content.length === 1000)).toBe(true);
    expect(await refused(wxr.slice(0, wxr.lastIndexOf('</channel>')), /ends too early/)).toBeDefined();
  });

  it('refuses a damaged export in the middle', async () => {
    expect(await refused(wxr.replace('</wp:post_id>', '</wp:post_idd>'), /damaged: it is not well-formed XML/)).toEqual([]);
  });

  it('refuses any encoding but UTF-8', async () => {
    expect(await refused(wxr.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), /written in ISO-8859-1, but Hearth reads only UTF-8/)).toEqual([]);
    expect(await refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wxr, 'utf16le')]), /written in UTF-16/)).toEqual([]);
    expect(await refused(Buffer.from(wxr, 'utf16le'), /written in UTF-16/)).toEqual([]);
    const latin1 = Buffer.from(wxr.replace('Pacing, gently', 'Pacing, café'), 'latin1');
    expect(await refused(latin1, /not valid UTF-8 text/)).toEqual([]);
  });

  it('refuses entity declarations (billion laughs) outright', async () => {
    const laughs = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('');
    const bomb = wxr.replace('<rss', `<!DOCTYPE rss [<!ENTITY lol0 "lol">${laughs}]>\n<rss`).replace('<title>Gentle Steps</title>', '<title>&lol9;</title>');
    expect(await refused(bomb, /declares its own XML entities/)).toEqual([]);
    const external = wxr.replace('<rss', '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss');
    expect(await refused(external, /declares its own XML entities/)).toEqual([]);
  });

  it('refuses a file larger than the limit before reading it', async () => {
    expect(await refused(wxr, /larger than the 0 MB Hearth accepts/, { maxBytes: 1000 })).toEqual([]);
  });
});

describe('memory stays bounded on bombs', () => {
  /** Streams head + a repeated piece + tail to disk without holding it. */
  async function bigFile(head: string, piece: string, times: number, tail: string): Promise<string> {
    const path = join(dir, `bomb-${++fileNumber}.xml`);
    const out = createWriteStream(path);
    out.write(head);
    for (let n = 0; n < times; n++) if (!out.write(piece)) await once(out, 'drain');
    out.end(tail);
    await once(out, 'finish');
    return path;
  }

  async function peakGrowth(path: string, message: RegExp): Promise<number> {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const { entries, error } = await readAll(path, { onProgress: sample });
    sample();
    expect((error as Error).message).toMatch(message);
    expect(items(entries)).toEqual([]);
    return (peak - before) / 1024 ** 2;
  }

  const head = wxrHead(communitySite) + '\t<item><title>Big</title><content:encoded>';

  it('refuses a 200 MB single text node, growing RSS by far less than the node', async () => {
    const path = await bigFile(head, 'a'.repeat(1024 * 1024), 200, '</content:encoded></item>' + wxrFoot());
    const growth = await peakGrowth(path, /single piece of text longer than 32 million characters/);
    expect(growth).toBeLessThan(150);
  }, 60_000);

  it('refuses a 50 MB CDATA section', async () => {
    const path = await bigFile(head + '<![CDATA[', 'b'.repeat(1024 * 1024), 50, ']]></content:encoded></item>' + wxrFoot());
    expect(await peakGrowth(path, /single piece of text/)).toBeLessThan(150);
  }, 60_000);

  it('refuses nesting deeper than 64 levels (two million open elements)', async () => {
    const path = await bigFile(head.replace('<content:encoded>', ''), '<a>', 2_000_000, '');
    expect(await peakGrowth(path, /nests elements more than 64 deep/)).toBeLessThan(150);
  }, 60_000);
});
