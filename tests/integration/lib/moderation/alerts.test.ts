/**
 * Staff are told when something needs them, as each chose on /account: a held comment or a new report
 * emails "at once" staff straight away (queued with the hold or the report, never twice), "daily" staff
 * get one summary a day listing what is new, "never" staff and members get nothing. Through a real
 * SMTP server; the emails link to the queue item and never carry the commenter's address.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { setModerationAlerts } from '@/db/queries/moderation-alerts';
import { comments, outbox, siteSettings, users } from '@/db/schema';
import { reportCommentAs } from '@/lib/comments/report';
import { submitComment } from '@/lib/comments/submit';
import { runJobs } from '@/lib/jobs/run-jobs';
import { deliverDueMail } from '@/lib/mail/delivery';
import { env } from '@/lib/env';
import { createAuthor, createPost } from '../../../helpers/fixtures';
import { smtpSender, startMailCatcher, type MailCatcher } from '../../../helpers/mail-catcher';

let n = 0;
/** Each person's choice, made through setModerationAlerts before the tests run. */
const choices: [string, 'instant' | 'daily' | 'never'][] = [];
const person = async (name: string, role: 'member' | 'moderator' | 'admin', alerts?: 'instant' | 'daily' | 'never') => {
  const [user] = await withTransaction((tx) =>
    tx
      .insert(users)
      .values({ email: `alert${++n}@example.org`, name, role })
      .returning(),
  );
  if (alerts) choices.push([user.id, alerts]);
  return user;
};
type Person = Awaited<ReturnType<typeof person>>;
let writer: Person, post: Awaited<ReturnType<typeof createPost>>;
let instantMod: Person, instantAdmin: Person, dailyMod: Person, neverMod: Person, member: Person, reporter: Person, veteran: Person, demoted: Person;

let catcher: MailCatcher;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth', holdFirstComment: true }));
  writer = await createAuthor({ name: 'Ada Writer' });
  post = await createPost({ authorId: writer.id, title: 'Pacing with an energy budget', publishedAt: new Date(Date.UTC(2026, 0, 1)) });
  instantMod = await person('Rosa “Mod” Díaz', 'moderator', 'instant');
  instantAdmin = await person('Łukasz “Luke” ‹Żółć›', 'admin', 'instant');
  dailyMod = await person('Kemal Öztürk', 'moderator', 'daily');
  neverMod = await person('Quiet Moderator', 'moderator', 'never');
  member = await person('Zoë O’Brien-Ñúñez', 'member');
  reporter = await person('Amara Okafor-Smith', 'member');
  veteran = await person('Sam 🌱', 'member');
  // A member who chose "instant" while they were a moderator, and was demoted since: never alerted.
  demoted = await person('Former Moderator', 'moderator', 'instant');
  // Sam has an approved comment, so Sam's next one is published at once (and can be reported).
  await withTransaction((tx) => tx.insert(comments).values({ postId: post.id, authorId: veteran.id, body: 'Hello', html: '<p>Hello</p>', status: 'approved' }));
  for (const [id, choice] of choices) await setModerationAlerts(id, choice, new Date(Date.UTC(2026, 8, 1, 12)));
  await withTransaction((tx) => tx.update(users).set({ role: 'member' }).where(eq(users.id, demoted.id)));
  catcher = await startMailCatcher();
});
afterAll(() => catcher.close());

const alerts = (kind: string) => getDb().select({ to: outbox.toAddress, key: outbox.dedupeKey, subject: outbox.subject, text: outbox.text }).from(outbox).where(eq(outbox.kind, kind));
const sendAll = async (at = new Date()) => {
  while ((await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000, now: () => at })).sent > 0);
};

describe('at once', () => {
  it('emails a held comment to staff who chose “at once” only, with a link straight to it and no address of the commenter', async () => {
    const held = await submitComment(member.id, { postId: post.id, body: 'Call me on 07700 900123, I sell a cure.' });
    expect(held).toMatchObject({ ok: true, status: 'pending' });
    const queued = await alerts('moderation-alert');
    expect(queued.map((m) => m.to).sort()).toEqual([instantMod.email, instantAdmin.email].sort());

    await sendAll();
    const mail = await catcher.waitFor(instantMod.email);
    expect(mail.subject).toBe('A comment is waiting for moderation on “Pacing with an energy budget”');
    expect(mail.text).toContain('A comment by Zoë O’Brien-Ñúñez on “Pacing with an energy budget” is waiting for moderation.');
    const commentId = (held as { commentId: number }).commentId;
    expect(mail.text).toContain(`${env.siteUrl}/admin/comments?show=pending#comment-${commentId}`);
    expect(mail.text).not.toContain(member.email);
    expect(mail.text).not.toContain('07700'); // the comment's words stay on the site
    for (const other of [dailyMod, neverMod, member, reporter, demoted, writer])
      expect(catcher.messages.some((m) => m.text?.includes('waiting for moderation') && JSON.stringify(m.to).includes(other.email))).toBe(false);
  });

  it('emails a new report once (a second report of the same comment by the same member stores and sends nothing)', async () => {
    const published = await submitComment(veteran.id, { postId: post.id, body: 'Try my supplement, it replaces your meds.' });
    const before = (await alerts('moderation-alert')).length;
    expect(
      (await reportCommentAs(reporter.id, { commentId: (published as { commentId: number }).commentId, reason: 'misinformation', note: 'Dangerous: tells people to stop their medication' })).ok,
    ).toBe(true);
    await reportCommentAs(reporter.id, { commentId: (published as { commentId: number }).commentId, reason: 'unsafe' });
    const queued = (await alerts('moderation-alert')).slice(before);
    expect(queued.map((m) => m.to).sort()).toEqual([instantMod.email, instantAdmin.email].sort());
    expect(queued[0].subject).toBe('A comment was reported on “Pacing with an energy budget”');
    expect(queued[0].text).toContain('A comment by Sam 🌱 on “Pacing with an energy budget” was reported: medical misinformation, with a note from the reporter.');
    expect(queued[0].text).toContain(`/admin/comments?show=reported#comment-${(published as { commentId: number }).commentId}`);
    expect(queued[0].text).not.toContain('Dangerous'); // the note is read in the queue
  });

  it('never alerts a moderator about their own report', async () => {
    const before = (await alerts('moderation-alert')).length;
    const published = (
      await withTransaction((tx) => tx.insert(comments).values({ postId: post.id, authorId: veteran.id, body: 'Buy now', html: '<p>Buy now</p>', status: 'approved' }).returning())
    )[0];
    expect(await reportCommentAs(instantMod.id, { commentId: published.id, reason: 'spam' })).toMatchObject({ ok: true });
    expect((await alerts('moderation-alert')).slice(before).map((m) => m.to)).toEqual([instantAdmin.email]);
  });
});

describe('daily', () => {
  it('sends one summary a day, after the digest hour, listing what is new since the last one', async () => {
    const now = new Date();
    const morning = (days: number, hour = 9) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour));
    // Everything above happened now, after 1 September 12:00 when Kemal chose daily.
    await runJobs(morning(1, 7)); // tomorrow before 08:00: nothing yet
    expect(await alerts('moderation-digest')).toEqual([]);
    await runJobs(morning(1)); // tomorrow morning
    await runJobs(morning(1, 10)); // a later tick the same day sends nothing more
    const first = await alerts('moderation-digest');
    expect(first.map((m) => m.to)).toEqual([dailyMod.email]);
    expect(first[0].subject).toBe('3 comments need a moderator on Hearth');
    expect(first[0].text).toContain('A comment by Zoë O’Brien-Ñúñez on “Pacing with an energy budget” is waiting for moderation.');
    expect(first[0].text).toContain('A comment by Sam 🌱 on “Pacing with an energy budget” was reported: medical misinformation');
    expect(first[0].text).not.toContain(member.email);

    await runJobs(morning(2)); // nothing new since: no email, and nothing repeated
    expect(await alerts('moderation-digest')).toHaveLength(1);
    await sendAll(morning(2));
    expect((await catcher.waitFor(dailyMod.email)).subject).toBe('3 comments need a moderator on Hearth');
  });
});

it('lets only staff choose (a member’s choice is not stored)', async () => {
  await setModerationAlerts(member.id, 'instant');
  expect((await getDb().select({ a: users.moderationAlerts }).from(users).where(eq(users.id, member.id)))[0]!.a).toBe('never');
});
