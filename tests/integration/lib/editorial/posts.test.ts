/**
 * The editors' rules on a real database: who may write, publish, schedule, unpublish and delete which
 * posts (a table, every action × every role); slugs, redirects and bad input that changes nothing;
 * scheduling on an injected clock; the activity log.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { listActivity } from '@/db/queries/activity';
import { getEditablePost } from '@/db/queries/editor-posts';
import { getPublishedPostBySlug, getRedirectedSlug } from '@/db/queries/posts';
import { outbox, posts, users, type UserRole } from '@/db/schema';
import { updatePost } from '@/lib/editorial/post-changes';
import { deletePost, publishPost, savePost, schedulePost, unpublish } from '@/lib/editorial/posts';
import type { CurrentUser } from '@/lib/session';
import { publishScheduledPosts } from '@/lib/jobs/scheduled-posts';
import { postEditorSchema, type PostEditorInput } from '@/lib/validations/post-editor';
import { createCategory, createSubscriber } from '../../../helpers/fixtures';

let n = 0;
async function person(role: UserRole): Promise<CurrentUser> {
  const id = `user-${role}-${++n}`;
  await withTransaction((tx) => tx.insert(users).values({ id, name: `${role} ${n}`, email: `${id}@example.org`, role }));
  return { id, name: `${role} ${n}`, role };
}
/** What the editor form sends. */
const raw = (extra: Partial<PostEditorInput> = {}): PostEditorInput => ({
  title: 'Pacing on work days',
  slug: `pacing-${++n}`,
  excerpt: 'How we pace.',
  body: 'Some **words**.',
  categoryId: '',
  tags: 'Pacing, Work',
  commentsClosed: false,
  contentNote: '',
  lastReviewedAt: '',
  coverImageId: '',
  coverAlt: '',
  ...extra,
});
const input = (extra: Partial<PostEditorInput> = {}) => postEditorSchema.parse(raw(extra));
const created = (result: Awaited<ReturnType<typeof savePost>>) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.postId;
};
const statusOf = async (id: number) => (await getDb().select({ status: posts.status }).from(posts).where(eq(posts.id, id)))[0]?.status;

let author: CurrentUser, otherAuthor: CurrentUser, admin: CurrentUser, member: CurrentUser, moderator: CurrentUser;
beforeAll(async () => {
  author = await person('author');
  otherAuthor = await person('author');
  admin = await person('admin');
  member = await person('member');
  moderator = await person('moderator');
});

describe('who may do what with a post', () => {
  type Act = (actor: CurrentUser, id: number) => Promise<{ ok: boolean }>;
  const future = () => new Date(Date.now() + 60 * 60_000);
  const actions: Record<string, Act> = {
    edit: (actor, id) => savePost(actor, id, input({ title: 'Changed' })),
    publish: (actor, id) => publishPost(actor, id, input({ title: 'Published by someone' })),
    schedule: (actor, id) => schedulePost(actor, id, future()),
    unpublish: (actor, id) => unpublish(actor, id),
    delete: (actor, id) => deletePost(actor, id),
  };
  // Allowed on a post written by `author`.
  const allowed: Record<string, boolean> = { member: false, moderator: false, 'another author': false, 'its author': true, admin: true };
  // A function: the people are written to the database in beforeAll, after the tests are listed.
  const actors = (): Record<string, CurrentUser> => ({ member, moderator, 'another author': otherAuthor, 'its author': author, admin });

  for (const [actionName, act] of Object.entries(actions)) {
    for (const who of Object.keys(allowed)) {
      it(`${actionName} by ${who}: ${allowed[who] ? 'allowed' : 'refused, nothing changed'}`, async () => {
        const actor = actors()[who];
        const id = created(await savePost(author, null, input()));
        const before = await getEditablePost(id);
        const result = await act(actor, id);
        expect(result.ok).toBe(allowed[who]);
        if (!allowed[who]) expect(await getEditablePost(id)).toEqual(before);
      });
    }
  }

  it('lets members and moderators create nothing', async () => {
    for (const actor of [member, moderator]) expect(await savePost(actor, null, input())).toMatchObject({ ok: false });
  });
});

describe('writing and publishing', () => {
  it('creates a draft with tags made on the fly, invisible to readers until published, then logs it all', async () => {
    const id = created(await savePost(author, null, input({ slug: 'first-draft', tags: 'Pacing, Brand New Tag' })));
    expect(await getEditablePost(id)).toMatchObject({ status: 'draft', tagNames: ['Brand New Tag', 'Pacing'] });
    expect(await getPublishedPostBySlug('first-draft')).toBeNull();
    expect(await publishPost(author, id, input({ slug: 'first-draft', tags: 'Pacing, Brand New Tag' }))).toMatchObject({ ok: true, staleTags: ['posts', 'post:first-draft'] });
    expect((await getPublishedPostBySlug('first-draft'))?.title).toBe('Pacing on work days');
    const actions = (await listActivity(1)).entries.filter((e) => e.subject === '“Pacing on work days”').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['post.create', 'post.publish']));
  });

  it('keeps the old address working after a slug change, and never gives it to another post', async () => {
    const id = created(await savePost(author, null, input({ slug: 'old-address' })));
    await publishPost(author, id, input({ slug: 'old-address' }));
    const renamed = await updatePost(author, id, input({ slug: 'new-address' }));
    expect(renamed).toMatchObject({ ok: true, staleTags: ['posts', 'post:new-address', 'post:old-address'] });
    expect(await getRedirectedSlug('old-address')).toBe('new-address');
    expect(await savePost(otherAuthor, null, input({ slug: 'old-address' }))).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining('already uses')] } });
    expect(await savePost(otherAuthor, null, input({ slug: 'new-address' }))).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(Array) } });
    // Moving back to the old address is fine: it is this post's own.
    expect(await updatePost(author, id, input({ slug: 'old-address' }))).toMatchObject({ ok: true });
    expect(await getRedirectedSlug('new-address')).toBe('old-address');
    expect(await getRedirectedSlug('old-address')).toBeNull();
  });

  it('gives a web address to one of two posts saved at the same instant, and tells the other', async () => {
    const results = await Promise.all([
      savePost(author, null, input({ title: 'Zoë’s first try', slug: 'same-instant' })),
      savePost(otherAuthor, null, input({ title: 'Łukasz’s first try', slug: 'same-instant' })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining('already uses')] } });
  });

  it('refuses bad input with a clear message and saves nothing', async () => {
    const parse = (extra: Partial<PostEditorInput>) => postEditorSchema.safeParse(raw(extra));
    expect(parse({ title: '  ' }).error?.issues[0].message).toBe('Give the post a title.');
    expect(parse({ slug: 'has spaces' }).error?.issues[0].message).toContain('no spaces or other characters');
    expect(parse({ slug: 'Ünïcode/slug' }).error?.issues[0].message).toContain('lowercase letters');
    expect(parse({ body: 'x'.repeat(200 * 1024 + 1) }).error?.issues[0].message).toBe('The post is longer than 200 KB. Split it into two posts.');
    expect(parse({ lastReviewedAt: '31/12/2026' }).error?.issues[0].message).toBe('Enter the date as YYYY-MM-DD.');

    const id = created(await savePost(author, null, input({ slug: 'stays-the-same' })));
    const before = await getEditablePost(id);
    expect(await savePost(author, id, input({ slug: 'stays-the-same', title: 'New title', categoryId: '987654' }))).toMatchObject({ ok: false, fieldErrors: { categoryId: expect.any(Array) } });
    expect(await savePost(author, id, input({ slug: 'stays-the-same', coverImageId: '987654', coverAlt: 'A cup' }))).toMatchObject({ ok: false, fieldErrors: { coverImageId: expect.any(Array) } });
    expect(await getEditablePost(id)).toEqual(before);
  });

  it('schedules only for the future; the post appears and subscribers are emailed when its time passes (injected clock)', async () => {
    const category = await createCategory();
    const subscriber = await createSubscriber({ email: `sched-${n}@example.org` });
    const id = created(await savePost(author, null, input({ slug: 'spring-meetup', categoryId: String(category.id) })));
    const now = new Date();
    expect(await schedulePost(author, id, new Date(now.getTime() - 1000), now)).toMatchObject({ ok: false, fieldErrors: { publishAt: ['Choose a time in the future.'] } });
    expect(await statusOf(id)).toBe('draft');

    const at = new Date(now.getTime() + 2 * 60 * 60_000);
    expect(await schedulePost(author, id, at, now)).toMatchObject({ ok: true });
    expect(await getPublishedPostBySlug('spring-meetup', new Date(at.getTime() - 1))).toBeNull();
    expect(await publishScheduledPosts(new Date(at.getTime() - 1))).not.toContain('spring-meetup');
    expect((await getPublishedPostBySlug('spring-meetup', at))?.title).toBe('Pacing on work days');
    expect(await publishScheduledPosts(at)).toContain('spring-meetup');
    expect(await statusOf(id)).toBe('published');
    expect((await getDb().select().from(outbox)).filter((m) => m.kind === 'new-post' && m.subject === 'Pacing on work days').map((m) => m.toAddress)).toContain(subscriber.email);

    expect(await schedulePost(author, id, new Date(at.getTime() + 60_000), at)).toMatchObject({ ok: false, message: expect.stringContaining('already published') });
  });

  it('unpublishes back to draft and deletes with its redirects', async () => {
    const id = created(await savePost(author, null, input({ slug: 'short-lived' })));
    await publishPost(author, id, input({ slug: 'short-lived' }));
    expect(await unpublish(author, id)).toMatchObject({ ok: true });
    expect(await getPublishedPostBySlug('short-lived')).toBeNull();
    await savePost(author, id, input({ slug: 'short-lived-2' }));
    expect(await deletePost(author, id)).toMatchObject({ ok: true, staleTags: expect.arrayContaining(['posts', 'post:short-lived-2', 'comments']) });
    expect(await getEditablePost(id)).toBeNull();
    expect(await getRedirectedSlug('short-lived')).toBeNull();
    expect(await deletePost(author, id)).toMatchObject({ ok: false, message: 'That post no longer exists.' });
  });
});
