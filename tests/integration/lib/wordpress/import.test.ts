import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { categories, comments, importedItems, pages, posts, postTags, redirects, tags, uploads, users } from '@/db/schema';
import { dataPaths } from '@/lib/data-folder';
import { env } from '@/lib/env';
import { isValidPageRefreshToken } from '@/lib/page-refresh';
import { importWordPress } from '@/lib/wordpress/import';
import type { UploadsSource } from '@/lib/wordpress/wxr-types';
import { createAuthor } from '../../../helpers/fixtures';
import { refuseWrites } from '../../../helpers/refused-writes';
import { driverError } from '../../../helpers/database-errors';
import { SITE, writeWxr, type ItemSpec } from '../../../helpers/wordpress-import-wxr';

jest.setTimeout(30_000);
const actor = { id: null, name: 'WordPress import' };
const run = (file: string, extra: { uploads?: UploadsSource; dryRun?: boolean } = {}) => importWordPress({ exportPath: file, actor, dryRun: false, ...extra });
const db = () => getDb();
const postBySlug = async (slug: string) => (await db().select().from(posts).where(eq(posts.slug, slug)))[0];

/** An uploads folder as lib/wordpress/uploads-source.ts opens one: reads by uploads-relative path. */
function folderUploads(files: Record<string, Buffer>): UploadsSource {
  return { read: async (rel) => files[rel] ?? null, close: async () => {} };
}
const photo = () =>
  sharp({ create: { width: 600, height: 400, channels: 3, background: '#88aa44' } })
    .jpeg()
    .toBuffer();

/** Stands in for the running app's /api/admin/import/refresh: records that the importer asked it to refresh. */
const refreshes: { path: string; valid: boolean }[] = [];
const app = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    refreshes.push({ path: req.url ?? '', valid: isValidPageRefreshToken(req.headers.authorization?.replace(/^Bearer /, '')) });
    res.writeHead(204).end();
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  env.internalUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => app.close(resolve)));

describe('authors', () => {
  it('makes author accounts with display names, reuses an existing account by email, and raises it to author', async () => {
    const member = await createAuthor({ email: 'bob@example.org', role: 'member', name: 'Bob here' });
    const file = writeWxr({
      authors: [
        { id: '1', login: 'alice', email: 'Alice@Example.org', displayName: 'Alice W' },
        { id: '2', login: 'bob', email: 'bob@example.org', displayName: 'Bobby' },
      ],
      items: [
        { id: '10', creator: 'alice', slug: 'a-post' },
        { id: '11', creator: 'bob', slug: 'b-post' },
      ],
    });
    const report = await run(file);
    const alice = (await db().select().from(users).where(eq(users.email, 'alice@example.org')))[0]!;
    expect(alice).toMatchObject({ name: 'Alice W', role: 'author', slug: 'alice' });
    expect(await db().select().from(users).where(eq(users.email, 'bob@example.org'))).toHaveLength(1);
    expect((await db().select().from(users).where(eq(users.id, member.id)))[0]!.role).toBe('author');
    expect((await postBySlug('b-post'))!.authorId).toBe(member.id);
    expect(report.counts.author).toEqual({ added: 1, updated: 1, skipped: 0 });
    expect(JSON.stringify(report)).not.toContain('alice@example.org');
    expect((await db().select().from(redirects).where(eq(redirects.fromPath, '/author/bob')))[0]!.toPath).toBe(`/author/${member.slug}`);
    expect((await db().select().from(redirects).where(eq(redirects.fromPath, '/author/alice')))[0]).toBeUndefined(); // the same address here
  });
});

describe('categories, tags and the one-category rule', () => {
  it('keeps descriptions, flattens a child category, keeps the first category and turns the others into tags', async () => {
    const file = writeWxr({
      terms: [
        { kind: 'category', id: '5', slug: 'health', name: 'Health', description: 'About health' },
        { kind: 'category', id: '6', slug: 'pacing-cat', name: 'Pacing', parent: 'health' },
        { kind: 'tag', id: '7', slug: 'energy', name: 'Energy' },
      ],
      items: [
        {
          id: '20',
          slug: 'two-cats',
          terms: [
            { kind: 'category', slug: 'health', name: 'Health' },
            { kind: 'category', slug: 'pacing-cat', name: 'Pacing' },
            { kind: 'tag', slug: 'energy', name: 'Energy' },
          ],
        },
      ],
    });
    const report = await run(file);
    const health = (await db().select().from(categories).where(eq(categories.slug, 'health')))[0]!;
    expect(health.description).toBe('About health');
    expect((await db().select().from(categories).where(eq(categories.slug, 'pacing-cat')))[0]).toBeDefined();
    expect(report.notes.some((n) => n.subject.includes('Pacing') && n.reason.includes('Health'))).toBe(true);
    const post = (await postBySlug('two-cats'))!;
    expect(post.categoryId).toBe(health.id);
    const tagSlugs = (await db().select({ slug: tags.slug }).from(postTags).innerJoin(tags, eq(tags.id, postTags.tagId)).where(eq(postTags.postId, post.id))).map((t) => t.slug);
    expect(tagSlugs.sort()).toEqual(['energy', 'pacing-cat']);
    expect(report.notes).toContainEqual(expect.objectContaining({ reason: 'Also in “Pacing”: kept as the tag “Pacing”.' }));
    expect((await db().select().from(redirects).where(eq(redirects.fromPath, '/category/health/pacing-cat')))[0]!.toPath).toBe('/category/pacing-cat');
    expect((await db().select().from(redirects).where(eq(redirects.fromPath, '/category/health/feed')))[0]!.toPath).toBe('/category/health/feed.xml');
  });
});

describe('posts', () => {
  it('maps statuses, skips trash, takes dates from the GMT fields and gives a taken slug -2', async () => {
    const author = await createAuthor();
    await withTransaction((tx) => tx.insert(posts).values({ slug: 'taken', title: 'Here first', body: 'x', authorId: author.id }));
    const items: ItemSpec[] = [
      { id: '30', slug: 'st-publish', status: 'publish', dateGmt: '2023-02-03 04:05:06', dateLocal: '2023-02-03 06:05:06' },
      { id: '31', slug: 'st-future', status: 'future', dateGmt: '2030-01-01 00:00:00' },
      { id: '32', slug: 'st-draft', status: 'draft' },
      { id: '33', slug: 'st-pending', status: 'pending' },
      { id: '34', slug: 'st-private', status: 'private' },
      { id: '35', slug: 'st-trash', status: 'trash' },
      { id: '36', slug: 'taken', title: 'Second of that name' },
    ];
    const report = await run(writeWxr({ items }));
    expect(await postBySlug('st-publish')).toMatchObject({ status: 'published', publishedAt: new Date(Date.UTC(2023, 1, 3, 4, 5, 6)) });
    expect((await postBySlug('st-future'))!.status).toBe('scheduled');
    expect(await Promise.all(['st-draft', 'st-pending', 'st-private'].map(async (s) => (await postBySlug(s))!.status))).toEqual(['draft', 'draft', 'draft']);
    expect(await postBySlug('st-trash')).toBeUndefined();
    expect((await postBySlug('taken-2'))!.title).toBe('Second of that name');
    expect(report.counts.post).toMatchObject({ added: 6, skipped: 1 });
    expect(report.notes.some((n) => n.subject.includes('WordPress ID 34') && /private/i.test(n.reason))).toBe(true);
    expect(report.notes.some((n) => n.subject.includes('WordPress ID 36') && n.reason.includes('taken-2'))).toBe(true);
  });

  it('imports pages at their slug and rewrites a link to a post further down the file', async () => {
    const report = await run(
      writeWxr({
        items: [
          { id: '40', type: 'page', slug: 'about-us', title: 'About', content: `<p>See <a href="${SITE}/2024/05/01/later-post/">this</a>.</p>`, link: `${SITE}/about-us/` },
          { id: '41', slug: 'later-post' },
        ],
      }),
    );
    const page = (await db().select().from(pages).where(eq(pages.slug, 'about-us')))[0]!;
    expect(page.status).toBe('published');
    expect(page.body).toContain('/posts/later-post');
    expect(report.counts.page).toMatchObject({ added: 1 });
    expect((await db().select().from(redirects).where(eq(redirects.fromPath, '/?page_id=40')))[0]!.toPath).toBe('/about-us');
  });
});

describe('comments', () => {
  it('imports approved and pending, skips spam, trash, pingbacks and trackbacks, clamps depth in date order, and keeps guests as guests', async () => {
    const usersBefore = (await db().select().from(users)).length;
    const chain = Array.from({ length: 6 }, (_, i) => ({
      id: `${60 + i}`,
      date: `2024-05-0${i + 2} 10:00:00`,
      parent: i === 0 ? '0' : `${59 + i}`,
      author: `Guest ${i}`,
      email: `Guest${i}@Example.org`,
    }));
    const report = await run(
      writeWxr({
        authors: [{ id: '9', login: 'carol', email: 'carol@example.org', displayName: 'Carol' }],
        items: [
          {
            id: '50',
            slug: 'with-comments',
            creator: 'carol',
            comments: [
              ...chain,
              { id: '70', date: '2024-05-09 10:00:00', approved: '0', author: '', email: '' },
              { id: '71', date: '2024-05-09 11:00:00', approved: 'spam' },
              { id: '72', date: '2024-05-09 12:00:00', approved: 'trash' },
              { id: '73', date: '2024-05-09 13:00:00', type: 'pingback' },
              { id: '74', date: '2024-05-09 14:00:00', type: 'trackback' },
              { id: '75', date: '2024-05-09 15:00:00', userId: '9', author: 'Carol', email: 'carol@example.org' },
            ],
          },
        ],
      }),
    );
    const post = (await postBySlug('with-comments'))!;
    const rows = await db().select().from(comments).where(eq(comments.postId, post.id)).orderBy(comments.createdAt);
    expect(rows).toHaveLength(8);
    expect(rows.slice(0, 6).map((c) => c.depth)).toEqual([1, 2, 3, 3, 3, 3]);
    expect(rows[3].parentId).toBe(rows[1].id);
    expect(rows[5].parentId).toBe(rows[1].id);
    expect(rows[0]).toMatchObject({ authorId: null, guestName: 'Guest 0', guestEmail: 'guest0@example.org', status: 'approved' });
    expect(rows[6]).toMatchObject({ status: 'pending', guestName: 'A reader', guestEmail: null });
    const carol = (await db().select().from(users).where(eq(users.email, 'carol@example.org')))[0]!;
    expect(rows[7]).toMatchObject({ authorId: carol.id, guestName: null, guestEmail: null });
    expect((await db().select().from(users)).length).toBe(usersBefore + 1); // only Carol; no guest accounts
    expect(report.counts.comment).toEqual({ added: 8, updated: 0, skipped: 4 });
  });
});

describe('images', () => {
  it('stores present images once (cover, content, size variant) and notes missing ones', async () => {
    const bytes = await photo();
    const uploadsBefore = (await db().select().from(uploads)).length;
    const file = writeWxr({
      items: [
        {
          id: '80',
          type: 'attachment',
          slug: 'sunrise',
          status: 'inherit',
          attachmentUrl: `${SITE}/wp-content/uploads/2024/05/sunrise.jpg`,
          link: `${SITE}/sunrise/`,
          excerpt: 'Morning',
          meta: { _wp_attached_file: '2024/05/sunrise.jpg', _wp_attachment_image_alt: 'A sunrise' },
        },
        {
          id: '81',
          slug: 'with-images',
          meta: { _thumbnail_id: '80' },
          content: `<p><img src="${SITE}/wp-content/uploads/2024/05/sunrise-300x200.jpg" alt="small sunrise" /></p><p><img src="${SITE}/wp-content/uploads/2024/05/gone.jpg" alt="A lost photo" /></p>`,
        },
      ],
    });
    const report = await run(file, { uploads: folderUploads({ '2024/05/sunrise.jpg': bytes }) });
    const stored = await db().select().from(uploads);
    expect(stored.length).toBe(uploadsBefore + 1);
    const upload = stored[stored.length - 1];
    expect(upload).toMatchObject({ alt: 'A sunrise', caption: 'Morning' });
    expect(fs.existsSync(path.join(dataPaths.uploads, upload.file))).toBe(true);
    const post = (await postBySlug('with-images'))!;
    expect(post.coverImageId).toBe(upload.id);
    expect(post.body).toContain(`/media/${upload.file}`);
    expect(post.body).toContain('A lost photo');
    expect(report.notes).toContainEqual(expect.objectContaining({ subject: 'Image “2024/05/gone.jpg”', outcome: 'missing' }));
    for (const from of ['/wp-content/uploads/2024/05/sunrise.jpg', '/wp-content/uploads/2024/05/sunrise-300x200.jpg', '/sunrise']) {
      expect((await db().select().from(redirects).where(eq(redirects.fromPath, from)))[0]?.toPath).toBe(`/media/${upload.file}`);
    }
    await run(file, { uploads: folderUploads({ '2024/05/sunrise.jpg': bytes }) });
    expect((await db().select().from(uploads)).length).toBe(uploadsBefore + 1);
  });
});

describe('redirects', () => {
  it('writes every old address form of a post, the feeds and tags, and never overwrites an admin redirect', async () => {
    await withTransaction((tx) => tx.insert(redirects).values({ fromPath: '/?p=90', toPath: '/somewhere-else', origin: 'admin' }));
    await run(
      writeWxr({
        terms: [{ kind: 'tag', id: '91', slug: 'rest', name: 'Rest' }],
        items: [{ id: '90', slug: 'old-pacing', dateGmt: '2024-01-31 23:30:00', dateLocal: '2024-02-01 01:30:00', link: `${SITE}/2024/02/01/old-pacing/` }],
      }),
    );
    const to = async (from: string) => (await db().select().from(redirects).where(eq(redirects.fromPath, from)))[0];
    for (const from of ['/2024/02/01/old-pacing', '/2024/02/old-pacing', '/old-pacing']) expect(await to(from)).toMatchObject({ toPath: '/posts/old-pacing', origin: 'wordpress' });
    expect(await to('/?p=90')).toMatchObject({ toPath: '/somewhere-else', origin: 'admin' });
    expect((await to('/feed'))!.toPath).toBe('/feed.xml');
    expect((await to('/feed/atom'))!.toPath).toBe('/atom.xml');
    expect((await to('/comments/feed'))!.toPath).toBe('/feed.xml');
    expect(await to('/tag/rest/feed')).toBeDefined();
    expect(await to('/posts/old-pacing')).toBeUndefined();
  });
});

describe('reader pages', () => {
  it('after a real run asks the running app to refresh its cached pages, and after a dry run does not', async () => {
    refreshes.length = 0;
    const file = writeWxr({ items: [{ id: '140', slug: 'fresh-news' }] });
    await run(file, { dryRun: true });
    expect(refreshes).toEqual([]);
    await run(file);
    expect(refreshes).toEqual([{ path: '/api/admin/import/refresh', valid: true }]);
  });
});

describe('re-runs, dry runs and failures', () => {
  const items = (title: string): ItemSpec[] => [{ id: '100', slug: 'rerun', title, comments: [{ id: '101', date: '2024-05-02 10:00:00' }] }];

  it('a re-run adds nothing twice and updates changed titles', async () => {
    await run(writeWxr({ items: items('First title') }));
    const count = () => Promise.all([posts, comments, redirects, importedItems, users].map(async (t) => (await db().select().from(t)).length));
    const before = await count();
    const report = await run(writeWxr({ items: items('Better title') }));
    expect(await count()).toEqual(before);
    expect((await postBySlug('rerun'))!.title).toBe('Better title');
    expect(report.counts.post).toMatchObject({ added: 0, updated: 1 });
  });

  it('a dry run writes nothing and reports the same', async () => {
    const tables = [posts, comments, redirects, importedItems, users, categories, tags, uploads, pages];
    const count = () => Promise.all(tables.map(async (t) => (await db().select().from(t)).length));
    const files = () => (fs.existsSync(dataPaths.uploads) ? fs.readdirSync(dataPaths.uploads).length : 0);
    const before = [await count(), files()];
    const file = writeWxr({
      authors: [{ id: '199', login: 'dora', email: 'dora@example.org', displayName: 'Dora' }],
      terms: [{ kind: 'category', id: '111', slug: 'dry-cat', name: 'Dry' }],
      items: [
        { id: '112', type: 'attachment', status: 'inherit', attachmentUrl: `${SITE}/wp-content/uploads/dry.jpg`, meta: { _wp_attached_file: 'dry.jpg' } },
        { id: '110', slug: 'dry-post', creator: 'dora', terms: [{ kind: 'category', slug: 'dry-cat', name: 'Dry' }], comments: [{ id: '113', date: '2024-05-02 10:00:00' }] },
      ],
    });
    const report = await run(file, { dryRun: true, uploads: folderUploads({ 'dry.jpg': await photo() }) });
    expect([await count(), files()]).toEqual(before);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toMatchObject({ author: { added: 1 }, category: { added: 1 }, post: { added: 1 }, comment: { added: 1 }, image: { added: 1 } });
  });

  it('a failing write rolls its batch back and a re-run completes', async () => {
    const spec = { items: Array.from({ length: 3 }, (_, i) => ({ id: `${120 + i}`, slug: `batch-${i}` })) };
    const refusal = await refuseWrites({ table: 'posts', event: 'INSERT', message: 'disk full', when: "NEW.slug = 'batch-2'" });
    // The driver's errors can come from another realm than jest's Error: match on the message.
    await expect(run(writeWxr(spec))).rejects.toMatchObject(driverError({ message: 'disk full' }));
    expect(await Promise.all(['batch-0', 'batch-1'].map(postBySlug))).toEqual([undefined, undefined]);
    await refusal.stop();
    await run(writeWxr(spec));
    expect(await Promise.all(['batch-0', 'batch-1', 'batch-2'].map(async (s) => (await postBySlug(s))?.slug))).toEqual(['batch-0', 'batch-1', 'batch-2']);
  });

  it('a file that cannot be read writes nothing', async () => {
    const before = (await db().select().from(posts)).length;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-wxr-'));
    const file = path.join(dir, 'broken.xml');
    fs.writeFileSync(file, writeWxrText().slice(0, -200));
    await expect(run(file)).rejects.toMatchObject({ name: 'WxrError' });
    expect((await db().select().from(posts)).length).toBe(before);
  });
});

const writeWxrText = () =>
  fs.readFileSync(
    writeWxr({
      items: [
        { id: '130', slug: 'never' },
        { id: '131', slug: 'never-2' },
      ],
    }),
    'utf8',
  );
