/** Reply notices → email, at once or in a daily digest, through the real outbox and a real SMTP server. */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { moderateComment } from '@/db/queries/comment-moderation';
import { setReplyNotifications } from '@/db/queries/reply-notices';
import { outbox, replyNotices, siteSettings, users, type ReplyNotificationChoice } from '@/db/schema';
import { muteThreadAction } from '@/lib/actions/notifications';
import { submitComment } from '@/lib/comments/submit';
import { digestMoment, processReplyNotices } from '@/lib/comments/reply-notifications';
import { deliverDueMail } from '@/lib/mail/delivery';
import { smtpSender, startMailCatcher } from '../../../helpers/mail-catcher';
import { createAuthor, createPost } from '../../../helpers/fixtures';

let post: Awaited<ReturnType<typeof createPost>>;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth', holdFirstComment: false }));
  const author = await createAuthor();
  post = await createPost({ authorId: author.id, title: 'Pacing with an energy budget', publishedAt: new Date(Date.UTC(2026, 0, 1)) });
});
// Notices are stamped by the database clock, so the test clock starts at the real time.
let clock = Date.now();
const tick = () => new Date((clock += 15_000));

async function member(name: string, choice: ReplyNotificationChoice) {
  return (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ email: `${name.toLowerCase()}@example.org`, name, replyNotifications: choice })
        .returning(),
    )
  )[0];
}
async function comment(userId: string, body: string, parentId?: number) {
  const result = await submitComment(userId, { postId: post.id, body, parentId }, tick());
  if (!result.ok) throw new Error(result.message);
  return result.commentId;
}
const queued = () => getDb().select().from(outbox);
const clear = async () => {
  await withTransaction((tx) => tx.delete(outbox));
  await withTransaction((tx) => tx.delete(replyNotices));
};
let catcher: Awaited<ReturnType<typeof startMailCatcher>> | undefined;
afterEach(async () => {
  await clear();
  await catcher?.close();
  catcher = undefined;
});

describe('reply notifications', () => {
  it('email an "at once" member about a reply, with a link to it and a working mute link', async () => {
    const ash = await member('Ash', 'instant');
    const bo = await member('Bo', 'instant');
    const top = await comment(ash.id, 'How do you all pace on work days?');
    const reply = await comment(bo.id, 'I plan *rests* first, then tasks.', top);
    await comment(ash.id, 'Thank you!', reply); // Bo hears about this one
    await comment(ash.id, 'Talking to myself', top); // nobody hears about their own reply
    await processReplyNotices(new Date(clock + 1000));
    expect((await queued()).map((m) => m.toAddress).sort()).toEqual(['ash@example.org', 'bo@example.org']);

    catcher = await startMailCatcher();
    const send = smtpSender(catcher.port);
    expect((await deliverDueMail({ send, perSecond: 1000, now: () => new Date(clock + 2000) })).sent).toBe(2);
    const toAsh = await catcher.waitFor('ash@example.org');
    expect(toAsh.subject).toBe('Bo replied to you on “Pacing with an energy budget”');
    expect(toAsh.text).toContain('I plan *rests* first, then tasks.');
    expect(toAsh.text).toContain(`/comments/${reply}`);
    expect(toAsh.text).toContain('You received this because you asked Hearth to email you about replies');
    const muteLink = toAsh.text!.match(/Mute this conversation: (\S+)/)![1];

    // The mute link, pressed: no more email about this conversation.
    const form = new FormData();
    form.set('token', new URL(muteLink).searchParams.get('token')!);
    expect(await muteThreadAction({ ok: false }, form)).toMatchObject({ ok: true });
    const tampered = new FormData();
    tampered.set('token', `${new URL(muteLink).searchParams.get('token')!}x`);
    expect(await muteThreadAction({ ok: false }, tampered)).toMatchObject({ ok: false });
    await clear();
    await comment(bo.id, 'Another thought', top);
    await processReplyNotices(new Date(clock + 1000));
    expect(await queued()).toEqual([]);
  });

  it('says nothing about a held reply until a moderator approves it', async () => {
    await withTransaction((tx) => tx.update(siteSettings).set({ holdFirstComment: true }));
    const cy = await member('Cy', 'instant');
    const newcomer = await member('Newcomer', 'instant');
    await withTransaction((tx) => tx.update(users).set({ role: 'moderator' }).where(eq(users.id, cy.id)));
    const top = await comment(cy.id, 'Welcome, everyone.');
    const held = await comment(newcomer.id, 'Hello from a first-timer.', top);
    await processReplyNotices(new Date(clock + 1000));
    expect(await queued()).toEqual([]);
    await moderateComment(held, 'approve', cy);
    await processReplyNotices(new Date(clock + 2000));
    expect((await queued()).map((m) => m.toAddress)).toEqual(['cy@example.org']);
    await withTransaction((tx) => tx.update(siteSettings).set({ holdFirstComment: false }));
  });

  it('gathers a "daily" member’s replies into one digest at 08:00 UTC, once', async () => {
    const dee = await member('Dee', 'daily');
    const eli = await member('Eli', 'never');
    const top = await comment(dee.id, 'What helps your sleep?');
    await comment(eli.id, 'A cool room.', top);
    await comment(eli.id, 'And no screens late.', top);
    await processReplyNotices(new Date(clock + 1000));
    expect(await queued()).toEqual([]);
    const nextMorning = new Date(digestMoment(new Date(Date.now() + 86_400_000), 'UTC').getTime() + 60_000);
    await processReplyNotices(nextMorning);
    const digests = await queued();
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ toAddress: 'dee@example.org', subject: '2 new replies to your comments on Hearth', kind: 'reply-digest' });
    expect(digests[0].text).toContain('A cool room.');
    expect(digests[0].text).toContain('And no screens late.');
    await processReplyNotices(new Date(nextMorning.getTime() + 3_600_000));
    expect(await queued()).toHaveLength(1);
  });

  it('tells nobody who chose "never"', async () => {
    const fay = await member('Fay', 'instant');
    await setReplyNotifications(fay.id, 'never');
    const gus = await member('Gus', 'instant');
    const top = await comment(fay.id, 'Quiet please.');
    await comment(gus.id, 'Of course.', top);
    await processReplyNotices(new Date(clock + 1000));
    expect(await queued()).toEqual([]);
  });
});
