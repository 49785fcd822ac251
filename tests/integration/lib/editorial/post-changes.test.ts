/**
 * Safe editing of posts on a real database: a post readers can see (or will, at its time) is never changed
 * by autosave, only by Update, which keeps a revision; Discard and Restore touch only the private working
 * copy; drafts save as before. Readers' reads (post page, lists, feeds, search, sitemap) are checked directly.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { getEditablePost } from '@/db/queries/editor-posts';
import { getPublishedPostBySlug, listFeedPosts, listSitemapPosts } from '@/db/queries/posts';
import { getWorkingCopy, listRevisions } from '@/db/queries/revisions';
import { searchPosts } from '@/db/queries/search';
import { outbox, posts, postWorkingCopies, postRevisions, users, type UserRole } from '@/db/schema';
import { discardChanges, editorViewOf, restoreRevision, updatePost } from '@/lib/editorial/post-changes';
import { publishPost, savePost, schedulePost } from '@/lib/editorial/posts';
import type { CurrentUser } from '@/lib/session';
import { toSearchQuery } from '@/lib/search-query';
import { postEditorSchema, type PostEditorInput } from '@/lib/validations/post-editor';
import { createCategory, createSubscriber } from '../../../helpers/fixtures';

let n = 0;
async function person(role: UserRole, name: string): Promise<CurrentUser> {
  const id = `changes-${role}-${++n}`;
  await withTransaction((tx) => tx.insert(users).values({ id, name, email: `${id}@example.org`, role }));
  return { id, name, role };
}
let zoe: CurrentUser, luke: CurrentUser, admin: CurrentUser;
let living: Awaited<ReturnType<typeof createCategory>>, research: typeof living;
beforeAll(async () => {
  zoe = await person('author', 'Zoë O’Brien-Ñúñez');
  luke = await person('author', 'Łukasz “Luke” ‹Żółć›');
  admin = await person('admin', 'Ada 🌿 Admin');
  living = await createCategory('living-well');
  research = await createCategory('research-news');
});

const input = (extra: Partial<PostEditorInput> = {}) =>
  postEditorSchema.parse({
    title: 'Doses of amitriptyline',
    slug: `doses-${++n}`,
    excerpt: 'What we learnt.',
    body: 'Start low, go slow.',
    categoryId: String(living.id),
    tags: 'Medication, Sleep',
    commentsClosed: false,
    contentNote: '',
    lastReviewedAt: '',
    coverImageId: '',
    coverAlt: '',
    ...extra,
  });
const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
};
/** A published post by Zoë, as the editor makes one: a draft, then Publish now. */
async function publishedPost(extra: Partial<PostEditorInput> = {}) {
  const values = input(extra);
  const id = ok(await savePost(zoe, null, values)).postId;
  ok(await publishPost(zoe, id, values));
  return { id, slug: values.slug };
}
const row = async (id: number) => (await getDb().select().from(posts).where(eq(posts.id, id)))[0];
const search = async (word: string) => (await searchPosts(toSearchQuery(word)!, 1)).hits.map((h) => h.slug);
const feedTitles = async () => (await listFeedPosts(50)).map((p) => p.title);

describe('a published post', () => {
  it('autosaves into a private working copy: the post, lists, feeds, search and sitemap stay as they were', async () => {
    const { id, slug } = await publishedPost({ slug: 'half-typed' });
    const before = { row: await row(id), post: await getEditablePost(id), sitemap: await listSitemapPosts() };
    const result = await savePost(zoe, id, input({ slug: 'half-typed', title: 'DOSES OF amitrip', body: 'Half-typed zzyzzx dosage', tags: 'Secret' }));
    expect(result).toEqual({ ok: true, postId: id, slug, staleTags: [], savedPrivately: true });
    expect({ row: await row(id), post: await getEditablePost(id), sitemap: await listSitemapPosts() }).toEqual(before);
    expect((await getPublishedPostBySlug(slug))?.title).toBe('Doses of amitriptyline');
    expect(await feedTitles()).not.toContain('DOSES OF amitrip');
    expect(await search('zzyzzx')).toEqual([]);
    expect(await getWorkingCopy('post', id)).toMatchObject({ savedByName: 'Zoë O’Brien-Ñúñez', fields: { title: 'DOSES OF amitrip', tagNames: ['Secret'] } });
    // Reopening the editor opens the working copy, with the revision the publish kept.
    const view = (await editorViewOf(zoe, id))!;
    expect(view.fields.body).toBe('Half-typed zzyzzx dosage');
    expect(view.workingCopy?.savedByName).toBe('Zoë O’Brien-Ñúñez');
    expect(view.revisions.map((r) => r.fields.title)).toEqual(['Doses of amitriptyline']);
  });

  it('Update writes the post and one revision, drops the working copy, and names exactly the stale tags', async () => {
    const { id } = await publishedPost({ slug: 'to-update', categoryId: String(living.id) });
    await savePost(zoe, id, input({ slug: 'to-update', body: 'A first try.' }));
    const update = await updatePost(admin, id, input({ slug: 'to-update-moved', body: 'Start low, go slow, and write it down 📓.', categoryId: String(research.id) }));
    expect(update).toEqual({ ok: true, postId: id, slug: 'to-update-moved', staleTags: ['posts', 'post:to-update-moved', 'post:to-update'] });
    expect((await getPublishedPostBySlug('to-update-moved'))?.body).toBe('Start low, go slow, and write it down 📓.');
    expect(await getWorkingCopy('post', id)).toBeNull();
    const revisions = await listRevisions('post', id);
    expect(revisions.map((r) => [r.authorName, r.fields.body, r.fields.categoryId])).toEqual([
      ['Ada 🌿 Admin', 'Start low, go slow, and write it down 📓.', research.id],
      ['Zoë O’Brien-Ñúñez', 'Start low, go slow.', living.id],
    ]);
  });

  it('Update never emails subscribers a second time', async () => {
    const email = `once-${n}@example.org`;
    await createSubscriber({ email });
    const { id } = await publishedPost({ slug: 'emailed-once' });
    const mails = async () => (await getDb().select().from(outbox)).filter((m) => m.kind === 'new-post' && m.toAddress === email).length;
    expect(await mails()).toBe(1);
    ok(await updatePost(zoe, id, input({ slug: 'emailed-once', title: 'Doses, corrected' })));
    expect(await mails()).toBe(1);
  });

  it('Discard drops the working copy and nothing else', async () => {
    const { id } = await publishedPost({ slug: 'to-discard' });
    await savePost(zoe, id, input({ slug: 'to-discard', body: 'Second thoughts.' }));
    const before = { row: await row(id), revisions: await listRevisions('post', id) };
    expect(await discardChanges(zoe, id)).toEqual({ ok: true, postId: id, slug: 'to-discard', staleTags: [], discarded: true });
    expect(await getWorkingCopy('post', id)).toBeNull();
    expect({ row: await row(id), revisions: await listRevisions('post', id) }).toEqual(before);
    expect((await editorViewOf(zoe, id))!.fields.body).toBe('Start low, go slow.');
    expect(await discardChanges(zoe, id)).toMatchObject({ ok: true, discarded: false });
  });

  it('Restore puts an earlier version into the working copy only; Update then brings it back', async () => {
    const { id } = await publishedPost({ slug: 'restored' });
    ok(await updatePost(zoe, id, input({ slug: 'restored', body: 'A newer text.' })));
    const [, first] = await listRevisions('post', id);
    const before = await row(id);
    expect(await restoreRevision(zoe, id, first.id)).toMatchObject({ ok: true, staleTags: [] });
    expect(await row(id)).toEqual(before);
    expect((await getPublishedPostBySlug('restored'))?.body).toBe('A newer text.');
    expect((await editorViewOf(zoe, id))!.fields.body).toBe('Start low, go slow.');
    ok(await updatePost(zoe, id, input({ slug: 'restored', body: (await editorViewOf(zoe, id))!.fields.body })));
    expect((await getPublishedPostBySlug('restored'))?.body).toBe('Start low, go slow.');
    expect(await listRevisions('post', id)).toHaveLength(3);
  });

  it('restores no revision of another post', async () => {
    const mine = await publishedPost({ slug: 'mine-restore' });
    const other = await publishedPost({ slug: 'other-restore' });
    const [otherRevision] = await listRevisions('post', other.id);
    expect(await restoreRevision(zoe, mine.id, otherRevision.id)).toMatchObject({ ok: false });
    expect(await getWorkingCopy('post', mine.id)).toBeNull();
  });

  it('keeps the version it had before its first update when it was published before revisions existed', async () => {
    const author = (await getDb().select({ name: users.name }).from(users).where(eq(users.id, zoe.id)))[0]!;
    const old = (
      await withTransaction((tx) =>
        tx
          .insert(posts)
          .values({ slug: 'from-before', title: 'From before', excerpt: '', body: 'The old text.', status: 'published', publishedAt: new Date(Date.UTC(2025, 5, 1)), authorId: zoe.id })
          .returning(),
      )
    )[0];
    ok(await updatePost(admin, old.id, input({ slug: 'from-before', title: 'From before', body: 'The new text.' })));
    expect((await listRevisions('post', old.id)).map((r) => [r.authorName, r.fields.body, r.createdAt.toISOString()])).toEqual([
      ['Ada 🌿 Admin', 'The new text.', expect.any(String)],
      [author.name, 'The old text.', '2025-06-01T00:00:00.000Z'],
    ]);
  });
});

describe('a scheduled post', () => {
  it('keeps autosaves private until Update scheduled post, which keeps a revision', async () => {
    const values = input({ slug: 'scheduled-safe' });
    const id = ok(await savePost(luke, null, values)).postId;
    ok(await schedulePost(luke, id, new Date(Date.now() + 3_600_000)));
    const before = await row(id);
    expect(await savePost(luke, id, input({ slug: 'scheduled-safe', title: 'Not yet' }))).toMatchObject({ ok: true, savedPrivately: true, staleTags: [] });
    expect(await row(id)).toEqual(before);
    expect(await updatePost(luke, id, input({ slug: 'scheduled-safe', title: 'Ready' }))).toMatchObject({ ok: true, staleTags: ['posts', 'post:scheduled-safe'] });
    expect(await row(id)).toMatchObject({ title: 'Ready', status: 'scheduled' });
    expect((await listRevisions('post', id)).map((r) => r.fields.title)).toEqual(['Ready', 'Doses of amitriptyline']);
  });
});

describe('a draft', () => {
  it('saves into the post itself, with no working copy and no revision', async () => {
    const id = ok(await savePost(luke, null, input({ slug: 'still-a-draft' }))).postId;
    expect(await savePost(luke, id, input({ slug: 'still-a-draft', body: 'Autosaved.' }))).toMatchObject({ ok: true, staleTags: ['post:still-a-draft'] });
    expect((await row(id))?.body).toBe('Autosaved.');
    expect(await getDb().select().from(postWorkingCopies).where(eq(postWorkingCopies.postId, id))).toEqual([]);
    expect(await getDb().select().from(postRevisions).where(eq(postRevisions.postId, id))).toEqual([]);
    expect(await updatePost(luke, id, input({ slug: 'still-a-draft' }))).toMatchObject({ ok: false, message: expect.stringContaining('not on the site') });
  });
});

describe('who may change or see what', () => {
  it('refuses another author and members everything, changing nothing; the author and admins may', async () => {
    const { id } = await publishedPost({ slug: 'guarded' });
    await savePost(zoe, id, input({ slug: 'guarded', body: 'Zoë’s private change.' }));
    const [revision] = await listRevisions('post', id);
    const state = async () => ({ row: await row(id), copy: await getWorkingCopy('post', id), revisions: await listRevisions('post', id) });
    const before = await state();
    for (const actor of [luke, await person('member', 'Mo'), await person('moderator', 'Mod')]) {
      expect((await savePost(actor, id, input({ slug: 'guarded', body: 'Taken over' }))).ok).toBe(false);
      expect((await updatePost(actor, id, input({ slug: 'guarded', body: 'Taken over' }))).ok).toBe(false);
      expect((await discardChanges(actor, id)).ok).toBe(false);
      expect((await restoreRevision(actor, id, revision.id)).ok).toBe(false);
      expect(await editorViewOf(actor, id)).toBeNull();
    }
    expect(await state()).toEqual(before);
    expect((await editorViewOf(admin, id))?.revisions).toHaveLength(1);
    expect(await discardChanges(admin, id)).toMatchObject({ ok: true, discarded: true });
  });
});
