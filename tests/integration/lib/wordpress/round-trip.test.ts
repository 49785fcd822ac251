/**
 * Leaving is as easy as arriving: Hearth's own export (lib/wordpress/wxr-writer.ts), imported into an empty
 * Hearth by the importer (lib/wordpress/import.ts, merged from its own branch), gives the same site back:
 * posts (title, slug, status, date, category, tags, text), pages, categories, tags, and comments with their
 * threads, statuses and guests' names. The second Hearth is a second database file, opened by a fresh copy
 * of the modules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { categories, comments, pages, postTags, tags, users } from '@/db/schema';
import { writeWxr } from '@/lib/wordpress/wxr-writer';
import { createAuthor, createPost } from '../../../helpers/fixtures';

jest.setTimeout(60_000);

type Site = {
  posts: { slug: string; title: string; status: string; publishedAt: number | null; category: string | null; tags: string[]; text: string }[];
  pages: { slug: string; title: string; status: string; text: string }[];
  categories: { slug: string; name: string; description: string }[];
  tags: { slug: string; name: string }[];
  comments: { post: string; who: string; status: string; parent: string | null; text: string }[];
};

/** Words only: the same text whether it went Markdown → HTML → Markdown or not. */
const words = (markdown: string) =>
  markdown
    .replace(/[#*_`>[\]()!-]|https?:\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Reads a whole site through the given modules (the first Hearth's, or the second's). */
async function readSite(db: typeof getDb, schema: typeof import('@/db/schema')): Promise<Site> {
  const d = db();
  const catSlug = new Map((await d.select().from(schema.categories)).map((c) => [c.id, c.slug]));
  const tagSlug = new Map((await d.select().from(schema.tags)).map((t) => [t.id, t.slug]));
  const postRows = await d.select().from(schema.posts);
  const postSlug = new Map(postRows.map((p) => [p.id, p.slug]));
  const links = await d.select().from(schema.postTags);
  const commentRows = await d.select().from(schema.comments);
  const commentKey = new Map(commentRows.map((c) => [c.id, words(c.body)]));
  const names = new Map((await d.select().from(schema.users)).map((u) => [u.id, u.name ?? '']));
  return {
    posts: postRows
      .map((p) => ({
        slug: p.slug,
        title: p.title,
        status: p.status,
        publishedAt: p.status === 'draft' ? null : (p.publishedAt?.getTime() ?? null),
        category: p.categoryId ? catSlug.get(p.categoryId)! : null,
        tags: links
          .filter((l) => l.postId === p.id)
          .map((l) => tagSlug.get(l.tagId)!)
          .sort(),
        text: words(p.body),
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    pages: (await d.select().from(schema.pages)).map((p) => ({ slug: p.slug, title: p.title, status: p.status, text: words(p.body) })).sort((a, b) => a.slug.localeCompare(b.slug)),
    categories: (await d.select().from(schema.categories)).map(({ slug, name, description }) => ({ slug, name, description })).sort((a, b) => a.slug.localeCompare(b.slug)),
    tags: (await d.select().from(schema.tags)).map(({ slug, name }) => ({ slug, name })).sort((a, b) => a.slug.localeCompare(b.slug)),
    comments: commentRows
      .filter((c) => c.status === 'approved' || c.status === 'pending')
      .map((c) => ({
        post: postSlug.get(c.postId)!,
        who: c.guestName ?? names.get(c.authorId ?? '') ?? '',
        status: c.status,
        parent: c.parentId ? commentKey.get(c.parentId)! : null,
        text: words(c.body),
      }))
      .sort((a, b) => a.text.localeCompare(b.text)),
  };
}

test('an export of Hearth imported into an empty Hearth gives the same site back', async () => {
  const mira = await createAuthor({ name: 'Mira Kent', slug: 'mira', email: 'mira@example.org' });
  const member = (await withTransaction((tx) => tx.insert(users).values({ name: 'Sam Member', email: 'sam@example.org', role: 'member' }).returning()))[0];
  const living = (await withTransaction((tx) => tx.insert(categories).values({ slug: 'living-with-me', name: 'Living with ME', description: 'Day to day' }).returning()))[0];
  await withTransaction((tx) => tx.insert(categories).values({ slug: 'research', name: 'Research', description: '' }));
  const pacing = (await withTransaction((tx) => tx.insert(tags).values({ slug: 'pacing', name: 'Pacing' }).returning()))[0];
  const sleep = (await withTransaction((tx) => tx.insert(tags).values({ slug: 'sleep', name: 'Sleep' }).returning()))[0];
  const at = (day: number) => new Date(Date.UTC(2024, 4, day, 9));
  const first = await createPost({
    authorId: mira.id,
    slug: 'pacing-tips',
    title: 'Pacing tips 🌱 for Zoë',
    body: '## Why pace\n\nSpend energy like money.\n\n- rest first\n- then walk\n\nSee [the guide](https://example.org/guide).',
    categoryId: living.id,
    publishedAt: at(1),
  });
  await withTransaction((tx) =>
    tx.insert(postTags).values([
      { postId: first.id, tagId: pacing.id },
      { postId: first.id, tagId: sleep.id },
    ]),
  );
  await createPost({ authorId: mira.id, slug: 'coming-soon', title: 'Coming soon', body: 'Next month.', status: 'scheduled', publishedAt: new Date(Date.UTC(2030, 0, 1)) });
  await createPost({ authorId: mira.id, slug: 'half-written', title: 'Half written', body: 'Not yet.', status: 'draft', publishedAt: null });
  await withTransaction((tx) =>
    tx.insert(pages).values([
      { slug: 'about', title: 'About us', body: 'We are a *patient* community.', status: 'published' },
      { slug: 'rules', title: 'House rules', body: 'Be kind.', status: 'draft' },
    ]),
  );
  const top = (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: first.id, body: 'Thank you so much', html: '<p>Thank you so much</p>', status: 'approved', guestName: 'Ann (guest)', guestEmail: 'ann@example.org', createdAt: at(2) })
        .returning(),
    )
  )[0];
  const reply = (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: first.id, parentId: top.id, depth: 2, authorId: member.id, body: 'Same here', html: '<p>Same here</p>', status: 'approved', createdAt: at(3) })
        .returning(),
    )
  )[0];
  await withTransaction((tx) =>
    tx.insert(comments).values({ postId: first.id, parentId: reply.id, depth: 3, authorId: mira.id, body: 'Glad it helps', html: '<p>Glad it helps</p>', status: 'pending', createdAt: at(4) }),
  );

  const schema = await import('@/db/schema');
  const before = await readSite(getDb, schema);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-round-trip-'));
  const exportPath = path.join(dir, 'hearth-export.xml');
  let text = '';
  for await (const piece of writeWxr({ siteUrl: 'https://hearth.example.org', includeCommenterEmails: true })) text += piece;
  fs.writeFileSync(exportPath, text);

  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${path.join(dir, 'second.db')}`;
  try {
    await jest.isolateModulesAsync(async () => {
      const second = await import('@/db/index');
      const secondSchema = await import('@/db/schema');
      const { importWordPress } = await import('@/lib/wordpress/import');
      const report = await importWordPress({ exportPath, dryRun: false, actor: { id: null, name: 'Round trip' } });
      expect(report.counts.post).toMatchObject({ added: 3 });
      const after = await readSite(second.getDb, secondSchema);
      expect(after.categories).toEqual(before.categories);
      expect(after.tags).toEqual(before.tags);
      expect(after.posts).toEqual(before.posts);
      expect(after.pages).toEqual(before.pages);
      expect(after.comments).toEqual(before.comments);
    });
  } finally {
    process.env.DATABASE_URL = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
