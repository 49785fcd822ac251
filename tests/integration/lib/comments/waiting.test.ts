/**
 * Commenting in one step while signed out (issue 16): the comment waits until the emailed link is
 * confirmed, through the real outbox, a real SMTP server and a real SQLite file.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { listHeldComments, listThread } from '@/db/queries/comment-thread';
import { comments, outbox, sessions, siteSettings, users, waitingComments } from '@/db/schema';
import { deleteComment, submitComment } from '@/lib/comments/submit';
import { confirmWaitingComment, renewWaitingCommentLink, requestWaitingComment, waitingLinkState } from '@/lib/comments/waiting';
import { deliverDueMail } from '@/lib/mail/delivery';
import { WAITING_COMMENT_LIMIT_PER_ADDRESS, WAITING_COMMENT_LIMIT_PER_IP } from '@/lib/rate-limit';
import { createAuthor, createPost } from '../../../helpers/fixtures';
import { smtpSender, startMailCatcher, type MailCatcher } from '../../../helpers/mail-catcher';

let post: Awaited<ReturnType<typeof createPost>>, other: typeof post, closed: typeof post;

let clock = Date.now();
const tick = (seconds = 1) => new Date((clock += seconds * 1000));
let ipCounter = 0;
/** A fresh client address per request, unless a test is about the per-address limit. */
const freshIp = () => `192.0.2.${++ipCounter}`;

let catcher: MailCatcher;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth', holdFirstComment: false, blockedWords: ['miracle cure'] }));
  const author = await createAuthor();
  post = await createPost({ authorId: author.id, title: 'Pacing with an energy budget', publishedAt: new Date(Date.UTC(2026, 0, 1)) });
  other = await createPost({ authorId: author.id, title: 'Sleep and pain', publishedAt: new Date(Date.UTC(2026, 0, 2)) });
  closed = await createPost({ authorId: author.id, title: 'Closed one', publishedAt: new Date(Date.UTC(2026, 0, 3)), commentsClosed: true });
  catcher = await startMailCatcher();
});
afterAll(() => catcher.close());

/** Delivers the outbox to the catcher and returns the newest message to `to`, with its confirmation token. */
async function emailTo(to: string, count: number) {
  await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000, now: () => new Date(clock + 60_000) });
  const mail = await catcher.waitFor(to, count);
  const link = mail.text!.match(/https?:\/\/\S+\/comment\/confirm\?token=(\S+)/);
  if (!link) throw new Error(`No confirmation link in:\n${mail.text}`);
  return { mail, token: decodeURIComponent(link[1]) };
}
const send = async (email: string, body: string, extra: Partial<{ name: string; postId: number; parentId: number; ip: string; contentNote: string }> = {}) =>
  await requestWaitingComment(
    { postId: extra.postId ?? post.id, parentId: extra.parentId, body, contentNote: extra.contentNote, name: extra.name ?? 'Zoë O’Brien-Ñúñez', email },
    extra.ip ?? freshIp(),
    tick(),
  );
const userCount = async (email: string) => (await getDb().select().from(users).where(eq(users.email, email))).length;
const commentsBy = async (email: string) =>
  await getDb().select({ body: comments.body, status: comments.status, name: users.name }).from(comments).innerJoin(users, eq(users.id, comments.authorId)).where(eq(users.email, email));

describe('commenting in one step while signed out', () => {
  it('publishes nothing and makes no account or session until the link is confirmed, then posts exactly once', async () => {
    expect(await send('zoe@example.org', 'Pacing *saved* my autumn.', { contentNote: 'mentions a flare' })).toEqual({ ok: true });
    expect(await listThread(post.id)).toHaveLength(0);
    expect(await userCount('zoe@example.org')).toBe(0);
    expect(await getDb().select().from(sessions)).toHaveLength(0);

    const { mail, token } = await emailTo('zoe@example.org', 1);
    expect(mail.subject).toBe('Confirm your comment on Hearth');
    expect(mail.text).toContain('“Pacing with an energy budget”');
    // No comment text, no typed name, no recipient address in the link, no client address.
    expect(mail.text).not.toContain('Pacing *saved*');
    expect(mail.text).not.toContain('Zoë');
    expect(mail.text).not.toMatch(/confirm\?[^\s]*zoe/);
    expect(mail.text).not.toContain('192.0.2.');
    expect(mail.html).toContain('Confirm your comment');
    expect((await getDb().select().from(waitingComments))[0].tokenHash).not.toBe(token);
    expect(await waitingLinkState(token)).toEqual({ state: 'waiting', postTitle: 'Pacing with an energy budget', reply: false, lostParent: false });

    const first = await confirmWaitingComment(token, tick());
    expect(first).toMatchObject({ outcome: 'posted', email: 'zoe@example.org', comment: { status: 'approved' } });
    expect(await confirmWaitingComment(token, tick())).toEqual({ outcome: 'unknown' }); // a second press, another tab, another device
    expect((await listThread(post.id)).map((c) => [c.author?.name, c.contentNote, c.html])).toEqual([['Zoë O’Brien-Ñúñez', 'mentions a flare', expect.stringContaining('<em>saved</em>')]]);
    expect(await userCount('zoe@example.org')).toBe(1);
    expect((await getDb().select({ verified: users.emailVerified }).from(users).where(eq(users.email, 'zoe@example.org')))[0]!.verified).not.toBeNull();
    expect(await getDb().select().from(waitingComments)).toHaveLength(0);
  });

  it('signs an existing member in to post under their account and name, never making a second account', async () => {
    const lukasz = (await withTransaction((tx) => tx.insert(users).values({ email: 'lukasz@example.org', name: 'Łukasz' }).returning()))[0];
    expect(await send('lukasz@example.org', 'Same here, Łukasz.', { name: 'Somebody Else' })).toEqual({ ok: true });
    const { mail, token } = await emailTo('lukasz@example.org', 1);
    expect(mail.subject).toBe('Sign in to post your comment on Hearth');
    expect(mail.text).toContain('the name typed in the form is not used');
    expect(await confirmWaitingComment(token, tick())).toMatchObject({ outcome: 'posted', userId: lukasz.id });
    expect(await userCount('lukasz@example.org')).toBe(1);
    expect(await commentsBy('lukasz@example.org')).toEqual([{ body: 'Same here, Łukasz.', status: 'approved', name: 'Łukasz' }]);
  });

  it('sends the owner of someone else’s address one email they can ignore, and posts nothing', async () => {
    expect(await send('victim@example.org', 'Words the victim never wrote', { name: 'Prankster' })).toEqual({ ok: true });
    await emailTo('victim@example.org', 1);
    expect(catcher.messages.filter((m) => m.to && JSON.stringify(m.to).includes('victim@example.org'))).toHaveLength(1);
    expect(catcher.messages.at(-1)!.text).not.toContain('Words the victim never wrote');
    expect((await listThread(post.id)).map((c) => c.html).join()).not.toContain('Words the victim never wrote');
    expect(await userCount('victim@example.org')).toBe(0);
  });

  it('keeps one waiting comment per address and post (and comment replied to): a new one replaces it and the earlier link stops working', async () => {
    await send('ash@example.org', 'First try');
    const { token: old } = await emailTo('ash@example.org', 1);
    await send('ash@example.org', 'Second try');
    await send('ash@example.org', 'On another post', { postId: other.id });
    expect(await getDb().select().from(waitingComments).where(eq(waitingComments.email, 'ash@example.org'))).toHaveLength(2);
    expect(await confirmWaitingComment(old, tick())).toEqual({ outcome: 'unknown' });
    expect(await commentsBy('ash@example.org')).toEqual([]);
  });

  it('refuses a closed or unknown post before any email', async () => {
    const before = (await getDb().select().from(outbox)).length;
    expect(await send('cy@example.org', 'Hello', { postId: closed.id })).toEqual({ ok: false, message: 'Comments are closed on this post.' });
    expect(await send('cy@example.org', 'Hello', { postId: 99999 })).toEqual({ ok: false, message: 'This post is not open for comments.' });
    expect(await getDb().select().from(outbox)).toHaveLength(before);
    expect(await getDb().select().from(waitingComments).where(eq(waitingComments.email, 'cy@example.org'))).toHaveLength(0);
  });

  it('limits emails per address and per client address, storing nothing past the limit', async () => {
    for (let i = 0; i < WAITING_COMMENT_LIMIT_PER_ADDRESS; i++) expect((await send('flood@example.org', `try ${i}`)).ok).toBe(true);
    expect(await send('flood@example.org', 'one more')).toMatchObject({ ok: false, message: expect.stringContaining('Too many') });
    const ip = '198.51.100.7';
    for (let i = 0; i < WAITING_COMMENT_LIMIT_PER_IP; i++) expect((await send(`many-${i}@example.org`, 'hi', { ip })).ok).toBe(true);
    expect(await send('one-more@example.org', 'hi', { ip })).toMatchObject({ ok: false });
    expect(await getDb().select().from(waitingComments).where(eq(waitingComments.email, 'one-more@example.org'))).toHaveLength(0);
  });

  it('answers an expired link as expired, posts nothing, and sends a new link that works', async () => {
    await send('dee@example.org', 'Late but here');
    const { token } = await emailTo('dee@example.org', 1);
    clock += 16 * 60 * 1000;
    expect(await waitingLinkState(token, new Date(clock))).toEqual({ state: 'expired', postTitle: 'Pacing with an energy budget', reply: false, lostParent: false });
    expect(await confirmWaitingComment(token, tick())).toEqual({ outcome: 'expired' });
    expect(await userCount('dee@example.org')).toBe(0);
    expect(await renewWaitingCommentLink(token, freshIp(), tick())).toEqual({ ok: true });
    const { token: fresh } = await emailTo('dee@example.org', 2);
    expect(fresh).not.toBe(token);
    expect(await confirmWaitingComment(token, tick())).toEqual({ outcome: 'unknown' });
    expect(await confirmWaitingComment(fresh, tick())).toMatchObject({ outcome: 'posted' });
    expect((await commentsBy('dee@example.org')).map((c) => c.body)).toEqual(['Late but here']);
  });

  it('holds a confirmed comment when the moderation rules say so, and keeps a blocked member blocked', async () => {
    await send('eve@example.org', 'Try this miracle cure');
    const { token } = await emailTo('eve@example.org', 1);
    const held = await confirmWaitingComment(token, tick());
    expect(held).toMatchObject({ outcome: 'posted', comment: { status: 'pending' } });
    expect((await listThread(post.id)).map((c) => c.html).join()).not.toContain('miracle cure');
    const eve = (await getDb().select().from(users).where(eq(users.email, 'eve@example.org')))[0]!;
    expect((await listHeldComments(post.id, { id: eve.id, canModerate: false })).map((c) => c.html)).toEqual([expect.stringContaining('Try this miracle cure')]);

    await withTransaction((tx) => tx.insert(users).values({ email: 'blocked@example.org', name: 'Blocked', commentingBlocked: true }));
    await send('blocked@example.org', 'Let me back in');
    const { token: blockedToken } = await emailTo('blocked@example.org', 1);
    expect(await confirmWaitingComment(blockedToken, tick())).toMatchObject({ outcome: 'refused', message: expect.stringContaining('paused') });
    expect(await commentsBy('blocked@example.org')).toEqual([]);
    expect(await waitingLinkState(blockedToken)).toMatchObject({ state: 'waiting' }); // kept, never posted while blocked
  });
});

describe('replying to a comment in one step while signed out', () => {
  const member = async (email: string, name: string) => (await withTransaction((tx) => tx.insert(users).values({ email, name, emailVerified: new Date() }).returning()))[0];
  const memberComment = async (userId: string, body: string, postId?: number, parentId?: number) => {
    const posted = await submitComment(userId, { postId: postId ?? post.id, parentId, body }, tick(11)); // past the members' 10 s pace
    if (!posted.ok) throw new Error(posted.message);
    return posted.commentId;
  };
  let robin: Awaited<ReturnType<typeof member>>, mo: typeof robin;
  beforeAll(async () => {
    robin = await member('robin@example.org', 'Robin Ó Fearghail');
    mo = await member('mo@example.org', 'Mo “Spoons” Adébáyọ̀');
  });
  const waitingFor = (email: string) => getDb().select().from(waitingComments).where(eq(waitingComments.email, email));
  const thread = async () => (await listThread(post.id)).map((c) => ({ id: c.id, parentId: c.parentId, depth: c.depth, name: c.author?.name, html: c.html }));

  it('posts two guests’ replies under the comments they answered, each after its own link, and keeps one guest’s two replies apart', async () => {
    const robins = await memberComment(robin.id, 'Pacing helped me after a crash.');
    const mos = await memberComment(mo.id, 'Heat pads, every evening.');
    const before = (await listThread(post.id)).length;
    expect(await send('zoe.reply@example.org', 'Same for me, Robin: *slowly*.', { parentId: robins, name: 'Zoë O’Brien-Ñúñez' })).toEqual({ ok: true });
    expect(await send('lukasz.guest@example.org', 'Which heat pad, Mo?', { parentId: mos, name: 'Łukasz Żółć' })).toEqual({ ok: true });
    expect(await send('lukasz.guest@example.org', 'And Robin: how long did it take?', { parentId: robins, name: 'Łukasz Żółć' })).toEqual({ ok: true });
    expect((await waitingFor('lukasz.guest@example.org')).map((w) => w.parentId).sort()).toEqual([robins, mos].sort());
    expect(await listThread(post.id)).toHaveLength(before);

    const { mail, token: zoeToken } = await emailTo('zoe.reply@example.org', 1);
    expect(mail.text).not.toContain('slowly');
    // The email names what was written: a reply in a conversation, not a new comment.
    expect(mail.subject).toBe('Confirm your reply on Hearth');
    expect(mail.text).toContain('wrote a reply in a conversation on “Pacing with an energy budget”');
    expect(await waitingLinkState(zoeToken)).toEqual({ state: 'waiting', postTitle: 'Pacing with an energy budget', reply: true, lostParent: false });
    expect(await confirmWaitingComment(zoeToken, tick())).toMatchObject({ outcome: 'posted', comment: { status: 'approved' } });
    await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000, now: () => new Date(clock + 60_000) });
    const lukaszMails = catcher.messages.filter((m) => JSON.stringify(m.to).includes('lukasz.guest@example.org'));
    expect(lukaszMails).toHaveLength(2);
    const tokens = lukaszMails.map((m) => decodeURIComponent(m.text!.match(/\/comment\/confirm\?token=(\S+)/)![1]));
    // Confirmed seconds apart, the second meets the members' pace: refused, and its link works again once the pace allows.
    expect(await confirmWaitingComment(tokens[0], tick())).toMatchObject({ outcome: 'posted' });
    expect(await confirmWaitingComment(tokens[1], tick())).toMatchObject({ outcome: 'refused', message: expect.stringContaining('very quickly') });
    expect(await waitingFor('lukasz.guest@example.org')).toHaveLength(1);
    expect(await confirmWaitingComment(tokens[1], tick(11))).toMatchObject({ outcome: 'posted' });
    expect(await waitingFor('lukasz.guest@example.org')).toEqual([]);

    const byName = async (name: string) => (await thread()).filter((c) => c.name === name && c.parentId !== null); // Zoë also commented above
    expect(await byName('Zoë O’Brien-Ñúñez')).toEqual([expect.objectContaining({ parentId: robins, depth: 2, html: expect.stringContaining('<em>slowly</em>') })]);
    expect((await byName('Łukasz Żółć')).map((c) => [c.parentId, c.html])).toEqual(
      expect.arrayContaining([
        [mos, expect.stringContaining('Which heat pad')],
        [robins, expect.stringContaining('how long did it take')],
      ]),
    );
    expect(await byName('Łukasz Żółć')).toHaveLength(2);
    expect(await userCount('lukasz.guest@example.org')).toBe(1);
  });

  it('refuses a reply to a forged id, another post’s comment, a held or a deleted comment before any email, storing nothing', async () => {
    const elsewhere = await memberComment(robin.id, 'On the sleep post.', other.id);
    const held = await memberComment(mo.id, 'This miracle cure works'); // held by the blocked words
    const gone = await memberComment(robin.id, 'I will delete this.');
    expect((await deleteComment(gone, robin.id)).ok).toBe(true);
    const outboxBefore = (await getDb().select().from(outbox)).length;
    const cases: [number, string][] = [
      [987654, 'You can only reply to a comment on this post.'],
      [elsewhere, 'You can only reply to a comment on this post.'],
      [held, 'That comment was deleted or is awaiting moderation, so it cannot be replied to.'],
      [gone, 'You can only reply to a comment on this post.'],
    ];
    for (const [parentId, message] of cases) expect(await send('forger@example.org', 'A reply', { parentId })).toEqual({ ok: false, message });
    expect(await getDb().select().from(outbox)).toHaveLength(outboxBefore);
    expect(await waitingFor('forger@example.org')).toEqual([]);
  });

  it('holds a confirmed reply under its parent when the moderation rules say so', async () => {
    const parent = await memberComment(robin.id, 'Ask me anything about pacing.');
    await send('held.reply@example.org', 'Have you tried this miracle cure?', { parentId: parent, name: 'Ñandú' });
    const { token } = await emailTo('held.reply@example.org', 1);
    expect(await confirmWaitingComment(token, tick())).toMatchObject({ outcome: 'posted', comment: { status: 'pending' } });
    const heldOne = (await getDb().select({ parentId: comments.parentId, status: comments.status }).from(comments).where(eq(comments.body, 'Have you tried this miracle cure?')))[0];
    expect(heldOne).toEqual({ parentId: parent, status: 'pending' });
  });

  // The parent went between the request and the confirmation: the page says so, and only a press on
  // that page's "post under the thread" button posts it there; a plain press keeps it waiting untouched.
  it.each([
    ['erased by its author', async (id: number) => expect((await deleteComment(id, robin.id)).ok).toBe(true)],
    ['hidden as spam by a moderator', (id: number) => withTransaction((tx) => tx.update(comments).set({ status: 'spam' }).where(eq(comments.id, id)))],
  ])('keeps a reply whose parent was %s waiting, then posts it under the thread once the reader was told', async (_how, removeParent) => {
    const email = `orphan-${_how.split(' ')[0]}@example.org`;
    const parent = await memberComment(robin.id, `A comment soon ${_how}.`);
    expect(await send(email, `A reply to what was ${_how}`, { parentId: parent, name: 'Zoë O’Brien-Ñúñez' })).toEqual({ ok: true });
    const { token } = await emailTo(email, 1);
    await removeParent(parent);

    expect(await waitingLinkState(token)).toEqual({ state: 'waiting', postTitle: 'Pacing with an energy budget', reply: true, lostParent: true });
    expect(await confirmWaitingComment(token, tick())).toEqual({ outcome: 'parent-gone' });
    expect(await userCount(email)).toBe(0);
    expect(await waitingFor(email)).toHaveLength(1);
    expect(await commentsBy(email)).toEqual([]);

    expect(await confirmWaitingComment(token, tick(), { underThread: true })).toMatchObject({ outcome: 'posted', comment: { status: 'approved' } });
    const posted = (
      await getDb()
        .select({ parentId: comments.parentId, depth: comments.depth })
        .from(comments)
        .where(eq(comments.body, `A reply to what was ${_how}`))
    )[0];
    expect(posted).toEqual({ parentId: null, depth: 1 });
    expect(await waitingFor(email)).toEqual([]);
  });

  it('still posts under a parent that is visible even if the form claims it is gone', async () => {
    const parent = await memberComment(mo.id, 'Still here.');
    await send('claims@example.org', 'Replying to a visible comment', { parentId: parent });
    const { token } = await emailTo('claims@example.org', 1);
    expect(await confirmWaitingComment(token, tick(), { underThread: true })).toMatchObject({ outcome: 'posted' });
    expect((await getDb().select({ parentId: comments.parentId }).from(comments).where(eq(comments.body, 'Replying to a visible comment')))[0]).toEqual({ parentId: parent });
  });
});
