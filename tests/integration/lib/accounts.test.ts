import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { recordRateLimitHit } from '@/db/queries/rate-limits';
import { deleteUser } from '@/db/queries/account-deletion';
import { exportUserData } from '@/db/queries/member-export';
import { getOwnAccount, updateDisplayName } from '@/db/queries/member-account';
import { listThread } from '@/db/queries/comment-thread';
import { accounts, comments, rateLimitHits, sessions, users } from '@/db/schema';
import { addressRateLimitKeys, allowSignInEmail } from '@/lib/rate-limit';
import { createAuthor, createPost } from '../../helpers/fixtures';
import { whileTransactionOpen } from '../../helpers/open-transaction';

async function createMember(email: string) {
  const user = (await withTransaction((tx) => tx.insert(users).values({ email, name: null }).returning()))[0];
  await withTransaction((tx) => tx.insert(sessions).values({ sessionToken: `session-${email}`, userId: user.id, expires: new Date(Date.now() + 86_400_000) }));
  await withTransaction((tx) => tx.insert(accounts).values({ userId: user.id, type: 'email', provider: 'email', providerAccountId: email }));
  return user;
}

describe('a member’s own data', () => {
  it('changes only that member’s display name', async () => {
    const a = await createMember('a@example.org');
    const b = await createMember('b@example.org');
    await updateDisplayName(a.id, 'Ash');
    expect((await getOwnAccount(a.id))!.name).toBe('Ash');
    expect((await getOwnAccount(b.id))!.name).toBeNull();
  });

  it('exports the profile and sign-in methods of that member only', async () => {
    const c = await createMember('c@example.org');
    await createMember('d@example.org');
    const data = (await exportUserData(c.id))!;
    expect(data.profile).toMatchObject({ email: 'c@example.org', role: 'member' });
    expect(data.signInMethods).toEqual(['email']);
    expect(JSON.stringify(data)).not.toContain('d@example.org');
  });

  it('deletes the account with its sessions and sign-in methods, leaving others alone', async () => {
    const e = await createMember('e@example.org');
    const f = await createMember('f@example.org');
    expect((await deleteUser(e.id, 'keep', addressRateLimitKeys)).outcome).toBe('deleted');
    expect(await getOwnAccount(e.id)).toBeNull();
    const remainingSessions = (await getDb().select().from(sessions)).map((s) => s.userId);
    expect(remainingSessions).not.toContain(e.id);
    expect(remainingSessions).toContain(f.id);
    expect((await getDb().select().from(accounts)).map((a) => a.userId)).not.toContain(e.id);
    expect((await deleteUser(e.id, 'keep', addressRateLimitKeys)).outcome).toBe('not-found');
  });

  it('deletes the account in its turn while another transaction is open at an await', async () => {
    const zoe = await createMember('zoe.obrien-nunez@example.org');
    expect((await whileTransactionOpen(() => deleteUser(zoe.id, 'remove', addressRateLimitKeys))).outcome).toBe('deleted');
    expect(await getOwnAccount(zoe.id)).toBeNull();
  });

  it('keeps an author’s account while posts still point to it', async () => {
    const author = await createAuthor();
    await createPost({ authorId: author.id });
    expect((await deleteUser(author.id, 'remove', addressRateLimitKeys)).outcome).toBe('has-posts');
    expect(await getOwnAccount(author.id)).not.toBeNull();
  });
});

describe('a deleted member’s comments', () => {
  let post: Awaited<ReturnType<typeof createPost>>;
  beforeAll(async () => {
    const author = await createAuthor();
    post = await createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 5)) });
  });
  const write = async (authorId: string, body: string, parentId: number | null = null) =>
    (
      await withTransaction((tx) =>
        tx
          .insert(comments)
          .values({ postId: post.id, authorId, parentId, body, html: `<p>${body}</p>`, status: 'approved' })
          .returning(),
      )
    )[0];

  it('stay as "deleted member" with the words removed when the member chooses to keep them', async () => {
    const leaving = await createMember('keep@example.org');
    const stays = await createMember('stays@example.org');
    const mine = await write(leaving.id, 'my story');
    await write(stays.id, 'a reply', mine.id);
    const result = await deleteUser(leaving.id, 'keep', addressRateLimitKeys);
    expect(result).toEqual({ outcome: 'deleted', postSlugs: [post.slug] });
    const kept = (await listThread(post.id)).find((c) => c.id === mine.id)!;
    expect(kept.author).toBeNull();
    expect(kept.html).not.toContain('my story');
    expect(JSON.stringify(await getDb().select().from(comments))).not.toContain('my story');
  });

  it('are erased when the member chooses to remove them, leaving placeholders only where others replied', async () => {
    const leaving = await createMember('remove@example.org');
    const other = await createMember('other@example.org');
    const answered = await write(leaving.id, 'answered words');
    await write(other.id, 'an answer', answered.id);
    const alone = await write(leaving.id, 'lonely words');
    const ownReply = await write(leaving.id, 'own follow-up', alone.id);
    await deleteUser(leaving.id, 'remove', addressRateLimitKeys);
    const thread = await listThread(post.id);
    expect(thread.find((c) => c.id === answered.id)).toMatchObject({ status: 'deleted', html: '' });
    expect(thread.find((c) => c.id === alone.id)).toBeUndefined();
    expect(thread.find((c) => c.id === ownReply.id)).toBeUndefined();
    expect(JSON.stringify(await getDb().select().from(comments))).not.toMatch(/answered words|lonely words|own follow-up/);
  });
});

describe('rate limits', () => {
  it('allow 5 sign-in emails per address in 15 minutes, stored in the database', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await allowSignInEmail('g@example.org', `10.0.0.${i}`, now));
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(await allowSignInEmail('g@example.org', '10.0.0.9', new Date(now.getTime() + 15 * 60_000 + 1))).toBe(true);
    expect(JSON.stringify(await getDb().select().from(rateLimitHits))).not.toContain('g@example.org');
  });

  it('let exactly 5 of 20 sign-in emails asked for at the same moment through', async () => {
    const now = new Date('2026-11-25T13:00:00Z');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => allowSignInEmail('zoë.o’brien@example.org', `10.0.1.${i}`, now)));
    expect(answers.filter(Boolean)).toHaveLength(5);
  });

  it('count per key within the window', async () => {
    const t = new Date('2026-11-25T12:00:00Z');
    expect([await recordRateLimitHit('k', 2, 1000, t), await recordRateLimitHit('k', 2, 1000, t), await recordRateLimitHit('k', 2, 1000, t)]).toEqual([true, true, false]);
    expect(await recordRateLimitHit('k', 2, 1000, new Date(t.getTime() + 1001))).toBe(true);
  });
});
