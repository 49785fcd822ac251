/**
 * Editing a comment is moderated like writing one, against a real SQLite file: the hold rules apply
 * to the edited text (while the approved text stays public), blocked members cannot edit, and edits
 * share the pace of new comments.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { moderateComment } from '@/db/queries/comment-moderation';
import { listRevisions } from '@/db/queries/comment-revisions';
import { listOwnComments, listThread } from '@/db/queries/comment-thread';
import { listModerationQueue } from '@/db/queries/moderation-queue';
import { commentPendingEdits, comments, siteSettings, users } from '@/db/schema';
import { editComment, submitComment } from '@/lib/comments/submit';
import { createAuthor, createPost } from '../../../helpers/fixtures';

const t0 = new Date(Date.UTC(2026, 6, 14, 9));
let seconds = 0;
/** Each write a minute after the last, so only the pace tests meet the pace. */
const tick = () => new Date(t0.getTime() + (seconds += 60) * 1000);

let post: Awaited<ReturnType<typeof createPost>>;
let mod: Awaited<ReturnType<typeof member>>;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth', blockedWords: ['miracle cure', 'Wundermittel'], maxCommentLinks: 1, holdFirstComment: true }));
  const author = await createAuthor({ name: 'Dr. Ngozi Adébáyọ̀' });
  post = await createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) });
  mod = await member('Mò “Mod” Ōkubo', 'moderator');
});
const people = new Map<string, string>();

async function member(name: string, role: 'member' | 'moderator' = 'member') {
  const row = (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ email: `m${people.size}@example.org`, name, role })
        .returning(),
    )
  )[0];
  people.set(name, row.id);
  return row;
}
/** A comment a moderator approved earlier (written straight into the database, outside the pace). */
async function approved(userId: string, body: string): Promise<number> {
  return (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: post.id, authorId: userId, body, html: `<p>${body}</p>`, status: 'approved', createdAt: tick() })
        .returning(),
    )
  )[0].id;
}
const publicText = async (id: number) => (await listThread(post.id)).find((c) => c.id === id)?.html;

describe('an edit the rules would hold', () => {
  let zoe: Awaited<ReturnType<typeof member>>, id: number;
  beforeAll(async () => {
    zoe = await member('Zoë O’Brien');
    await approved(zoe.id, 'My first note, already approved.');
    id = await approved(zoe.id, 'Gentle stretching helps me 🙂');
  });

  it('keeps the approved text public, tells the author, and shows the moderator old and new', async () => {
    const outcome = await editComment(zoe.id, { commentId: id, body: 'Honestly, this is a MIRACLE CURE — buy it', contentNote: 'ads' }, tick());
    expect(outcome).toEqual({ ok: true, postSlug: post.slug, result: 'held' });
    expect(await publicText(id)).toBe('<p>Gentle stretching helps me 🙂</p>');
    expect(await listRevisions(id)).toEqual([]);
    expect((await listOwnComments(post.id, zoe.id)).find((c) => c.id === id)).toEqual({
      id,
      body: 'Honestly, this is a MIRACLE CURE — buy it',
      contentNote: 'ads',
      editAwaitsModeration: true,
    });
    const item = (await listModerationQueue('pending')).find((c) => c.id === id);
    expect(item).toMatchObject({ status: 'approved', html: '<p>Gentle stretching helps me 🙂</p>', pendingEdit: { reason: 'blocked-word', contentNote: 'ads' } });
    expect(item!.pendingEdit!.html).toContain('MIRACLE CURE');
  });

  it('a second held edit replaces the first; approving it publishes it and keeps the old text as a revision', async () => {
    expect(await editComment(zoe.id, { commentId: id, body: 'Ein Wundermittel, wirklich!' }, tick())).toMatchObject({ ok: true, result: 'held' });
    expect(await getDb().select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, id))).toHaveLength(1);
    expect(await moderateComment(id, 'approve-edit', mod)).toEqual({ postSlug: post.slug, closedReports: false });
    expect(await publicText(id)).toBe('<p>Ein Wundermittel, wirklich!</p>');
    expect((await listRevisions(id)).map((r) => r.body)).toEqual(['Gentle stretching helps me 🙂']);
    expect((await listModerationQueue('pending')).some((c) => c.id === id)).toBe(false);
    expect((await listOwnComments(post.id, zoe.id)).find((c) => c.id === id)?.editAwaitsModeration).toBe(false);
    expect(await moderateComment(id, 'approve-edit', mod)).toBe('no-pending-edit');
  });

  it('rejecting it drops the edit and the approved text stays', async () => {
    expect(await editComment(zoe.id, { commentId: id, body: 'See https://a.example and https://b.example' }, tick())).toMatchObject({ ok: true, result: 'held' });
    expect((await listModerationQueue('pending')).find((c) => c.id === id)?.pendingEdit?.reason).toBe('links');
    expect(await moderateComment(id, 'reject-edit', mod)).toEqual({ postSlug: post.slug, closedReports: false });
    expect(await publicText(id)).toBe('<p>Ein Wundermittel, wirklich!</p>');
    expect(await getDb().select().from(commentPendingEdits)).toEqual([]);
    expect((await listOwnComments(post.id, zoe.id)).find((c) => c.id === id)).toMatchObject({ body: 'Ein Wundermittel, wirklich!', editAwaitsModeration: false });
  });

  it('holds a link-heavy edit, and an edit of a member’s only approved comment (the first-comment hold)', async () => {
    const li = await member('李雷');
    const only = await approved(li.id, '第一次来，大家好。');
    expect(await editComment(li.id, { commentId: only, body: '大家好 (edited)' }, tick())).toMatchObject({ ok: true, result: 'held' });
    expect((await listModerationQueue('pending')).find((c) => c.id === only)?.pendingEdit?.reason).toBe('first-comment');
    expect(await publicText(only)).toBe('<p>第一次来，大家好。</p>');
  });

  it('publishes an edit that passes the rules, and never holds a moderator’s edit', async () => {
    const plain = await editComment(zoe.id, { commentId: id, body: 'Walking *slowly* helps too.' }, tick());
    expect(plain).toMatchObject({ ok: true, result: 'published' });
    expect(await publicText(id)).toBe('<p>Walking <em>slowly</em> helps too.</p>');
    const mine = await approved(mod.id, 'Welcome, all.');
    expect(await editComment(mod.id, { commentId: mine, body: 'miracle cure claims are removed here: https://a.example https://b.example' }, tick())).toMatchObject({ result: 'published' });
  });
});

describe('an edit of a comment that is itself awaiting moderation', () => {
  it('replaces the held text, stays held and stays out of the thread', async () => {
    const newcomer = await member('Ana-María Núñez');
    const held = await submitComment(newcomer.id, { postId: post.id, body: 'Hola a todos' }, tick());
    if (!held.ok) throw new Error(held.message);
    expect(held.status).toBe('pending');
    expect(await editComment(newcomer.id, { commentId: held.commentId, body: 'Hola a todas y todos' }, tick())).toMatchObject({ ok: true, result: 'replaced' });
    expect((await getDb().select({ body: comments.body, status: comments.status }).from(comments).where(eq(comments.id, held.commentId)))[0]).toEqual({
      body: 'Hola a todas y todos',
      status: 'pending',
    });
    expect((await listThread(post.id)).some((c) => c.id === held.commentId)).toBe(false);
    expect(await getDb().select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, held.commentId))).toEqual([]);
    expect(await listRevisions(held.commentId)).toEqual([]);
  });
});

describe('who may edit, and how fast', () => {
  it('refuses a member a moderator blocked, storing nothing', async () => {
    const blocked = await member('Blocked B.');
    await approved(blocked.id, 'An older approved comment.');
    const id = await approved(blocked.id, 'Fine words.');
    expect(await moderateComment(id, 'block', mod)).toEqual({ postSlug: post.slug, closedReports: false });
    expect(await editComment(blocked.id, { commentId: id, body: 'Fine words, now rude.' }, tick())).toEqual({ ok: false, message: expect.stringContaining('paused commenting') });
    expect(await publicText(id)).toBe('<p>Fine words.</p>');
    expect(await listRevisions(id)).toEqual([]);
    expect(await getDb().select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, id))).toEqual([]);
  });

  it('counts edits with new comments: one write per 10 seconds, 30 an hour', async () => {
    const fast = await member('Fast Fingers');
    await approved(fast.id, 'older');
    const id = await approved(fast.id, 'version 0');
    const start = tick().getTime();
    const at = (s: number) => new Date(start + s * 1000);
    expect((await submitComment(fast.id, { postId: post.id, body: 'a new one' }, at(0))).ok).toBe(true);
    expect(await editComment(fast.id, { commentId: id, body: 'version 1' }, at(2))).toEqual({ ok: false, message: expect.stringContaining('wait a few seconds') });
    expect(await publicText(id)).toBe('<p>version 0</p>');
    for (let i = 1; i < 30; i++) expect(await editComment(fast.id, { commentId: id, body: `version ${i}` }, at(i * 11))).toMatchObject({ ok: true });
    expect(await listRevisions(id)).toHaveLength(29);
    expect(await editComment(fast.id, { commentId: id, body: 'version 30' }, at(30 * 11))).toEqual({ ok: false, message: expect.stringContaining('30 comments in the last hour') });
    expect(await submitComment(fast.id, { postId: post.id, body: 'and another' }, at(31 * 11))).toEqual({ ok: false, message: expect.stringContaining('30 comments in the last hour') });
    expect(await publicText(id)).toBe('<p>version 29</p>');
    expect(await editComment(fast.id, { commentId: id, body: 'an hour later' }, at(3600 + 11))).toMatchObject({ ok: true, result: 'published' });
  });

  it('lets nobody edit someone else’s comment', async () => {
    const id = await approved(people.get('Zoë O’Brien')!, 'Mine, not yours.');
    expect(await editComment(people.get('李雷')!, { commentId: id, body: 'hijacked' }, tick())).toEqual({ ok: false, message: 'You can only edit your own comments.' });
    expect(await editComment(mod.id, { commentId: id, body: 'hijacked' }, tick())).toEqual({ ok: false, message: 'You can only edit your own comments.' });
    expect(await publicText(id)).toBe('<p>Mine, not yours.</p>');
  });
});
