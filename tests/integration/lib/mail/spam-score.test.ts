/**
 * Every kind of Hearth email, composed by the real code, sent through a real SMTP server, and scored by
 * SpamAssassin's local rules (`spamassassin -t -L`: no network tests): each must score at most 0.5.
 * Skipped, with a message saying so, only where SpamAssassin is not installed (`.ci/run` installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { enqueueMails, type OutgoingMail } from '@/db/queries/outbox';
import { getSubscriber } from '@/db/queries/subscriber-lookup';
import { outbox, replyNotices, siteSettings, users } from '@/db/schema';
import { digestMoment, processReplyNotices } from '@/lib/comments/reply-notifications';
import { submitComment } from '@/lib/comments/submit';
import { emailPostBody } from '@/lib/mail/post-body';
import { signInEmail } from '@/lib/mail/sign-in-email';
import { deliverDueMail } from '@/lib/mail/delivery';
import { dailyAlertEmail, instantAlertEmail } from '@/lib/moderation/alert-emails';
import { confirmationEmail, newPostEmail, weeklyDigestEmail, welcomeEmail } from '@/lib/subscriptions/emails';
import { env } from '@/lib/env';
import { createAuthor, createPost, createSubscriber } from '../../../helpers/fixtures';
import { smtpSender, startMailCatcher, type MailCatcher } from '../../../helpers/mail-catcher';

const installed = spawnSync('spamassassin', ['--version']).status === 0;
if (!installed) console.warn('SpamAssassin is not installed: the spam-score test is skipped (`.ci/run` installs it; apt-get install spamassassin).');
const maybe = installed ? describe : describe.skip;

const BODY = [
  'Pacing helped me more than anything this year, and I wanted to share what changed for me.',
  '',
  '## What I changed',
  '',
  '- Rest **before** I am tired, not after.',
  '- Read the [energy envelope](/pages/energy-envelope) page with a cup of tea.',
  '- Keep a short diary of good and bad days.',
  '',
  'Łukasz asked about [the study we discussed](https://example.org/study); the link is there for anyone curious.',
].join('\n');

/** SpamAssassin's verdict on one raw message: the score and the rules it hit. */
function score(source: string): { score: number; rules: string } {
  const output = execFileSync('spamassassin', ['-t', '-L'], { input: source, maxBuffer: 10 * 1024 * 1024 }).toString();
  const status = output.match(/^X-Spam-Status: \S+ score=(-?[\d.]+) required=[\d.]+ tests=([\s\S]*?)\s+autolearn/m);
  if (!status) throw new Error(`No X-Spam-Status in SpamAssassin's answer:\n${output.slice(0, 2000)}`);
  return { score: Number(status[1]), rules: status[2].replace(/\s+/g, ' ') };
}

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(() => catcher.close());

maybe('SpamAssassin', () => {
  it('scores every kind of email at most 0.5', async () => {
    await withTransaction((tx) => tx.delete(outbox));
    await withTransaction((tx) => tx.delete(replyNotices));
    await withTransaction((tx) =>
      tx
        .insert(siteSettings)
        .values({ id: 1, name: 'Hearth', holdFirstComment: false })
        .onConflictDoUpdate({ target: siteSettings.id, set: { holdFirstComment: false } }),
    );
    const now = new Date();
    const author = await createAuthor({ name: 'Zoë O’Brien-Ñúñez' });
    const post = {
      ...(await createPost({ authorId: author.id, title: 'Pacing, one year on', excerpt: 'What a year of pacing taught me about rest.', body: BODY })),
      categoryName: null,
      publishedAt: now,
    };
    const other = { ...(await createPost({ authorId: author.id, title: 'Sleep and pain: notes from the group', excerpt: 'What members said about sleep.' })), categoryName: null, publishedAt: now };
    const subscriber = (await getSubscriber((await createSubscriber({ email: 'reader@example.org', frequency: 'weekly' })).id))!;
    const pending = (await getSubscriber((await createSubscriber({ email: 'new.reader@example.org', status: 'pending', confirmedAt: null })).id))!;
    const staff = { id: author.id, email: 'moderator@example.org', name: 'Mod' };
    const held = { kind: 'held' as const, commentId: 7, postTitle: post.title, commenterName: 'Łukasz', at: now };
    const mails: OutgoingMail[] = [
      newPostEmail('Hearth', post, subscriber, await emailPostBody(BODY)),
      newPostEmail('Hearth', post, subscriber, null),
      weeklyDigestEmail('Hearth', [post, other], subscriber, '2026-11-23'),
      confirmationEmail('Hearth', pending, ['research news'], now),
      welcomeEmail('Hearth', { ...subscriber, confirmedAt: now }, []),
      { kind: 'sign-in', to: 'member@example.org', ...signInEmail({ siteName: 'Hearth', confirmUrl: `${env.siteUrl}/signin/confirm?token=ABCDEFGH&callbackUrl=%2F`, code: 'ABCDEFGH' }) },
      instantAlertEmail('Hearth', staff, held),
      dailyAlertEmail('Hearth', staff, [held, { ...held, commentId: 8 }], '2026-11-26'),
    ];
    await enqueueMails(mails);

    // Reply emails, at once and as the daily digest, made by the worker's own job.
    const member = async (name: string, email: string, choice: 'instant' | 'daily') =>
      (await withTransaction((tx) => tx.insert(users).values({ name, email, replyNotifications: choice }).returning()))[0];
    const ana = await member('Ana', 'ana@example.org', 'instant');
    const dee = await member('Dee', 'dee@example.org', 'daily');
    const bo = await member('Bo', 'bo@example.org', 'instant');
    let clock = Date.now();
    const say = async (userId: string, body: string, parentId?: number) => {
      const result = await submitComment(userId, { postId: post.id, body, parentId }, new Date((clock += 60_000)));
      if (!result.ok) throw new Error(result.message);
      return result.commentId;
    };
    await say(bo.id, 'I plan rests first, then tasks. It took a while to get used to it.', await say(ana.id, 'How do you all pace on work days?'));
    await say(bo.id, 'Same here: the diary helped me see the pattern.', await say(dee.id, 'Keeping a diary helped me.'));
    await processReplyNotices(new Date(clock + 1000));
    await processReplyNotices(new Date(digestMoment(new Date(clock + 86_400_000), 'UTC').getTime() + 60_000));

    const later = new Date(clock + 2 * 86_400_000);
    while ((await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000, now: () => later })).sent > 0);
    const kinds = (await getDb().select({ kind: outbox.kind }).from(outbox)).map((r) => r.kind);
    expect(new Set(kinds)).toEqual(new Set(['new-post', 'weekly-digest', 'subscription-confirm', 'subscription-welcome', 'sign-in', 'moderation-alert', 'moderation-digest', 'reply', 'reply-digest']));
    expect((await getDb().select({ kind: outbox.kind, status: outbox.status }).from(outbox)).filter((r) => r.status !== 'sent')).toEqual([]);
    expect(catcher.sources).toHaveLength(kinds.length);

    const failures = catcher.sources
      .map((source, i) => ({ subject: catcher.messages[i].subject, ...score(source) }))
      .filter((verdict) => verdict.score > 0.5)
      .map((v) => `${v.subject}: ${v.score} (${v.rules})`);
    expect(failures).toEqual([]);
  }, 180_000);
});
