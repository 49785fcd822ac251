import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { listRevisions } from '@/db/queries/comment-revisions';
import { listHeldComments, listThread } from '@/db/queries/comment-thread';
import { getCommentTarget } from '@/db/queries/comment-writing';
import { getPublishedPostBySlug } from '@/db/queries/posts';
import { comments, siteSettings, users } from '@/db/schema';
import { deleteComment, editComment, submitComment } from '@/lib/comments/submit';
import { createAuthor, createPost } from '../../../helpers/fixtures';

const t0 = new Date(Date.UTC(2026, 5, 1, 12));
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function member(name: string, role: 'member' | 'moderator' = 'member') {
  return (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ email: `${name.toLowerCase()}@example.org`, name, role })
        .returning(),
    )
  )[0];
}
const approveAll = () => withTransaction((tx) => tx.update(comments).set({ status: 'approved' }));

describe('writing comments', () => {
  type Post = Awaited<ReturnType<typeof createPost>>;
  type Member = Awaited<ReturnType<typeof member>>;
  let author: Awaited<ReturnType<typeof createAuthor>>, post: Post, draft: Post, closed: Post, ash: Member, bo: Member, mod: Member;
  beforeAll(async () => {
    await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth', blockedWords: ['miracle cure'], maxCommentLinks: 2 }));
    author = await createAuthor();
    post = await createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) });
    draft = await createPost({ authorId: author.id, status: 'draft' });
    closed = await createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 2)), commentsClosed: true });
    ash = await member('Ash');
    bo = await member('Bo');
    mod = await member('Mo', 'moderator');
  });

  it('holds a member’s first comment, then publishes once one was approved', async () => {
    const first = await submitComment(ash.id, { postId: post.id, body: 'Hello, everyone.' }, t0);
    expect(first).toMatchObject({ ok: true, status: 'pending' });
    expect(await listThread(post.id)).toHaveLength(0);
    expect(await listHeldComments(post.id, { id: ash.id, canModerate: false })).toHaveLength(1);
    expect(await listHeldComments(post.id, { id: bo.id, canModerate: false })).toHaveLength(0);
    expect(await listHeldComments(post.id, { id: mod.id, canModerate: true })).toHaveLength(1);
    await approveAll();
    expect(await submitComment(ash.id, { postId: post.id, body: 'Second one.' }, later(60))).toMatchObject({ ok: true, status: 'approved' });
    expect((await getPublishedPostBySlug(post.slug))!.commentCount).toBe(2);
  });

  it('holds comments with more than two links or a blocked word, and never holds moderators', async () => {
    const links = 'See https://a.example, https://b.example and www.c.example';
    expect(await submitComment(ash.id, { postId: post.id, body: links }, later(120))).toMatchObject({ status: 'pending' });
    expect(await submitComment(ash.id, { postId: post.id, body: 'Is this a Miracle Cure?' }, later(180))).toMatchObject({ status: 'pending' });
    expect(await submitComment(mod.id, { postId: post.id, body: links }, later(180))).toMatchObject({ status: 'approved' });
  });

  it('refuses drafts, closed posts, unknown posts and blocked members, storing nothing', async () => {
    const before = (await getDb().select().from(comments)).length;
    expect(await submitComment(bo.id, { postId: draft.id, body: 'x' }, later(300))).toEqual({ ok: false, message: 'This post is not open for comments.' });
    expect(await submitComment(bo.id, { postId: closed.id, body: 'x' }, later(300))).toEqual({ ok: false, message: 'Comments are closed on this post.' });
    expect((await submitComment(bo.id, { postId: 99999, body: 'x' }, later(300))).ok).toBe(false);
    const blocked = await member('Blocked');
    await withTransaction((tx) => tx.update(users).set({ commentingBlocked: true }));
    expect(await submitComment(blocked.id, { postId: post.id, body: 'x' }, later(300))).toMatchObject({ ok: false, message: expect.stringContaining('paused') });
    await withTransaction((tx) => tx.update(users).set({ commentingBlocked: false }));
    expect(await getDb().select().from(comments)).toHaveLength(before);
  });

  it('limits each member to one comment every 10 seconds and 30 an hour', async () => {
    const cy = await member('Cy');
    expect((await submitComment(cy.id, { postId: post.id, body: 'one' }, later(1000))).ok).toBe(true);
    expect(await submitComment(cy.id, { postId: post.id, body: 'two' }, later(1005))).toMatchObject({ ok: false, message: expect.stringContaining('wait a few seconds') });
    for (let i = 1; i < 30; i++) expect((await submitComment(cy.id, { postId: post.id, body: `n${i}` }, later(1000 + i * 11))).ok).toBe(true);
    expect(await submitComment(cy.id, { postId: post.id, body: 'too many' }, later(1000 + 31 * 11))).toMatchObject({ ok: false, message: expect.stringContaining('30 comments') });
  });

  it('threads replies three levels deep and refuses replies across posts or to held comments', async () => {
    await approveAll();
    const other = await createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 3)) });
    const top = await submitComment(mod.id, { postId: post.id, body: 'level 1' }, later(5000));
    if (!top.ok) throw new Error(top.message);
    const r2 = await submitComment(mod.id, { postId: post.id, parentId: top.commentId, body: 'level 2' }, later(5020));
    if (!r2.ok) throw new Error(r2.message);
    const r3 = await submitComment(mod.id, { postId: post.id, parentId: r2.commentId, body: 'level 3' }, later(5040));
    if (!r3.ok) throw new Error(r3.message);
    const r4 = await submitComment(mod.id, { postId: post.id, parentId: r3.commentId, body: 'level 4?' }, later(5060));
    if (!r4.ok) throw new Error(r4.message);
    const byId = new Map((await listThread(post.id)).map((c) => [c.id, c]));
    expect(byId.get(r3.commentId)).toMatchObject({ depth: 3, parentId: r2.commentId });
    expect(byId.get(r4.commentId)).toMatchObject({ depth: 3, parentId: r2.commentId });
    expect(await submitComment(mod.id, { postId: other.id, parentId: top.commentId, body: 'x' }, later(5100))).toEqual({ ok: false, message: 'You can only reply to a comment on this post.' });
    const held = await submitComment((await member('Dee')).id, { postId: post.id, body: 'held' }, later(5100));
    if (!held.ok) throw new Error(held.message);
    expect((await submitComment(mod.id, { postId: post.id, parentId: held.commentId, body: 'x' }, later(5120))).ok).toBe(false);
  });

  it('lets only the author edit (keeping earlier versions) or delete, leaving a placeholder when others replied', async () => {
    // Bo has another approved comment, so the first-comment hold does not apply to this edit.
    expect((await submitComment(bo.id, { postId: post.id, body: 'an earlier word' }, later(8900))).ok).toBe(true);
    const mine = await submitComment(bo.id, { postId: post.id, body: 'original' }, later(9000));
    if (!mine.ok) throw new Error(mine.message);
    await approveAll();
    expect(await editComment(ash.id, { commentId: mine.commentId, body: 'hijack' })).toEqual({ ok: false, message: 'You can only edit your own comments.' });
    expect(await editComment(bo.id, { commentId: mine.commentId, body: 'changed *gently*' }, later(9100))).toEqual({ ok: true, postSlug: post.slug, result: 'published' });
    const shown = (await listThread(post.id)).find((c) => c.id === mine.commentId)!;
    expect(shown.html).toBe('<p>changed <em>gently</em></p>');
    expect(shown.editedAt).not.toBeNull();
    expect((await listRevisions(mine.commentId)).map((r) => r.body)).toEqual(['original']);

    const reply = await submitComment(mod.id, { postId: post.id, parentId: mine.commentId, body: 'a reply' }, later(9200));
    expect(reply.ok).toBe(true);
    expect(await deleteComment(mine.commentId, ash.id)).toEqual({ ok: false, message: 'You can only delete your own comments.' });
    expect(await deleteComment(mine.commentId, bo.id)).toEqual({ ok: true, postSlug: post.slug });
    const placeholder = (await listThread(post.id)).find((c) => c.id === mine.commentId)!;
    expect(placeholder).toMatchObject({ status: 'deleted', html: '', author: null });
    expect(await listRevisions(mine.commentId)).toEqual([]);
    expect(await getCommentTarget(post.id)).not.toBeNull();
  });

  it('never stores a reply to a comment its author deletes at the same moment', async () => {
    const zoe = await member('Zoë O’Brien-Ñúñez');
    const lukasz = await member('Łukasz');
    await submitComment(zoe.id, { postId: post.id, body: 'an approved word first' }, later(30000));
    const parent = await submitComment(zoe.id, { postId: post.id, body: 'soon gone' }, later(30100));
    if (!parent.ok) throw new Error(parent.message);
    await approveAll();
    await submitComment(lukasz.id, { postId: post.id, body: 'approved before' }, later(30150));
    await approveAll();
    const [reply, deleted] = await Promise.all([
      submitComment(lukasz.id, { postId: post.id, parentId: parent.commentId, body: 'replying as it goes' }, later(30200)),
      deleteComment(parent.commentId, zoe.id),
    ]);
    expect(deleted).toEqual({ ok: true, postSlug: post.slug });
    const rows = await getDb().select({ id: comments.id, parentId: comments.parentId, status: comments.status }).from(comments);
    const stored = rows.find((r) => r.parentId === parent.commentId);
    // Either the reply went first and the parent stays as a placeholder, or the parent went first and the reply was refused.
    if (reply.ok) expect(rows.find((r) => r.id === parent.commentId)?.status).toBe('deleted');
    else expect(stored).toBeUndefined();
    expect(rows.filter((r) => r.parentId !== null && !rows.some((p) => p.id === r.parentId))).toEqual([]);
  });

  it('marks the post’s author and moderators in the thread', async () => {
    const byAuthor = await submitComment(author.id, { postId: post.id, body: 'from the author' }, later(20000));
    if (!byAuthor.ok) throw new Error(byAuthor.message);
    await approveAll();
    const thread = await listThread(post.id);
    expect(thread.find((c) => c.id === byAuthor.commentId)!.author).toMatchObject({ isPostAuthor: true });
    expect(thread.find((c) => c.author?.name === 'Mo')!.author).toMatchObject({ isModerator: true, isPostAuthor: false });
  });
});
