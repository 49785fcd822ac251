/**
 * Issue 16, section 5, through the real outbox and a real SMTP server: new-post emails carry the whole
 * post (or its summary, as the publisher chose) with a readable plain-text part; digests and footers link;
 * list mail carries List-Id; the confirmation names the topics and frequency; a welcome follows confirming;
 * reply emails go at most once per conversation an hour and their one-click List-Unsubscribe stops them.
 */
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { POST as oneClick } from '@/app/api/subscription/unsubscribe/route';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { getSubscriberByEmail } from '@/db/queries/subscriber-lookup';
import { outbox, rateLimitHits, replyNotices, siteSettings, subscribers, users } from '@/db/schema';
import { hearthAdapter } from '@/lib/auth-adapter';
import { processReplyNotices } from '@/lib/comments/reply-notifications';
import { submitComment } from '@/lib/comments/submit';
import { env } from '@/lib/env';
import { deliverDueMail } from '@/lib/mail/delivery';
import { markPostPublished } from '@/db/queries/post-publishing';
import { newPostAnnouncement } from '@/lib/editorial/announcement';
import { processWeeklyDigests, weeklyDigestMoment } from '@/lib/subscriptions/digest';
import { confirmSubscription, requestSubscription } from '@/lib/subscriptions/subscribe';
import { createAuthor, createCategory, createPost, createSubscriber } from '../../../helpers/fixtures';
import { smtpSender, startMailCatcher, type MailCatcher } from '../../../helpers/mail-catcher';

let author: Awaited<ReturnType<typeof createAuthor>>;
beforeAll(async () => {
  author = await createAuthor({ name: 'Zoë O’Brien-Ñúñez' });
});
const setContent = (newPostEmail: 'full' | 'summary') =>
  withTransaction((tx) =>
    tx
      .insert(siteSettings)
      .values({ id: 1, name: 'Hearth', holdFirstComment: false, newPostEmail })
      .onConflictDoUpdate({ target: siteSettings.id, set: { newPostEmail, holdFirstComment: false } }),
  );
const BODY = [
  'Pacing helped me more than anything.',
  '',
  '## What I changed',
  '',
  '- Rest **before** I am tired',
  '- Read the [energy envelope](/pages/energy-envelope) page',
  '',
  'Łukasz asked about [the study](https://example.org/study).',
].join('\n');

let catcher: MailCatcher;
const sendAll = async (now = new Date()) => {
  while ((await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000, now: () => now })).sent > 0);
};
const header = (mail: MailCatcher['messages'][number], name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';

beforeEach(async () => {
  for (const table of [outbox, subscribers, replyNotices, rateLimitHits]) await withTransaction((tx) => tx.delete(table));
  catcher = await startMailCatcher();
});
afterEach(() => catcher.close());

describe('new-post emails', () => {
  it('carry the whole post by default: formatted HTML with absolute links, a preview line, a plain text that reads well, and List-Id', async () => {
    await setContent('full');
    await createSubscriber({ email: 'zoe@example.org' });
    const post = await createPost({ authorId: author.id, status: 'draft', publishedAt: null, title: 'Pacing, one year on', excerpt: 'What a year of pacing taught me.', body: BODY });
    await markPostPublished(post.id, new Date(), await newPostAnnouncement());
    await sendAll();
    const mail = await catcher.waitFor('zoe@example.org');
    expect(mail.subject).toBe('Pacing, one year on');
    expect(mail.html).toMatch(/<div style="display:none[^"]*">What a year of pacing taught me.<\/div>/);
    expect(mail.html).toContain(`<a href="${env.siteUrl}/pages/energy-envelope" style="color:#9a3d12">energy envelope</a>`);
    expect(mail.html).toContain('<strong>before</strong>');
    expect(mail.text).toContain('What I changed');
    expect(mail.text).toContain(' * Rest before I am tired');
    expect(mail.text).toContain(`energy envelope (${env.siteUrl}/pages/energy-envelope)`);
    expect(mail.text).toContain('the study (https://example.org/study)');
    expect(header(mail, 'list-id')).toMatch(new RegExp(`^List-Id: <hearth.${new URL(env.siteUrl).hostname}>$`, 'i'));
    // Footer links are real links.
    expect(mail.html).toMatch(new RegExp(`<a href="${env.siteUrl}/subscription\\?token=[^"]+"[^>]*>Unsubscribe or change what you get</a>`));
  });

  it('carry only the summary and a link when the publisher chose summaries', async () => {
    await setContent('summary');
    await createSubscriber({ email: 'lukasz@example.org' });
    const post = await createPost({ authorId: author.id, status: 'draft', publishedAt: null, title: 'A short one', excerpt: 'Only the teaser goes out.', body: BODY });
    await markPostPublished(post.id, new Date(), await newPostAnnouncement());
    await sendAll();
    const mail = await catcher.waitFor('lukasz@example.org');
    expect(mail.text).toContain('Only the teaser goes out.');
    expect(mail.text).toContain(`Read the post: ${env.siteUrl}/posts/${post.slug}`);
    expect(mail.text).not.toContain('What I changed');
    expect(mail.html).not.toContain('energy envelope');
    await setContent('full');
  });
});

describe('the weekly digest', () => {
  it('links each post in the HTML part and carries List-Id', async () => {
    const now = new Date();
    const moment = weeklyDigestMoment(now, 'UTC');
    await createSubscriber({ email: 'weekly@example.org', frequency: 'weekly', confirmedAt: new Date(moment.getTime() - 10 * 86_400_000) });
    const first = await createPost({ authorId: author.id, title: 'Sleep & pain', excerpt: 'Notes on sleep.', publishedAt: new Date(moment.getTime() - 86_400_000) });
    const second = await createPost({ authorId: author.id, title: 'Brain fog <tips>', excerpt: 'Small things that help.', publishedAt: new Date(moment.getTime() - 2 * 86_400_000) });
    await processWeeklyDigests(now);
    await sendAll();
    const mail = await catcher.waitFor('weekly@example.org');
    for (const post of [first, second]) expect(mail.html).toContain(`<a href="${env.siteUrl}/posts/${post.slug}"`);
    expect(mail.html).toContain('>Brain fog &lt;tips&gt;</a>');
    expect(mail.text).toContain(`Sleep & pain: ${env.siteUrl}/posts/${first.slug}`);
    expect(mail.text).not.toMatch(/\(http[^)]*\/posts\//); // no bare addresses in brackets any more
    expect(header(mail, 'list-id')).toMatch(/^List-Id: <hearth\./i);
  });
});

describe('subscribing', () => {
  it('names the chosen topics and frequency in each confirmation, then welcomes with the "change what you get" link', async () => {
    const research = await createCategory('research-news');
    const stories = await createCategory('member-stories');
    await requestSubscription('ana@example.org', { frequency: 'weekly', categoryIds: [research.id] }, '10.0.0.1');
    await requestSubscription('bram@example.org', { frequency: 'each-post', categoryIds: [research.id, stories.id] }, '10.0.0.2');
    await sendAll();
    expect((await catcher.waitFor('ana@example.org')).text).toContain(`You chose: One summary a week (Mondays), about ${research.name}.`);
    const toBram = (await catcher.waitFor('bram@example.org')).text!;
    expect(toBram).toMatch(/You chose: An email for each new post, about .+\./);
    for (const topic of [research, stories]) expect(toBram).toContain(topic.name);

    expect(await confirmSubscription((await getSubscriberByEmail('ana@example.org'))!)).toBe(true);
    expect(await confirmSubscription((await getSubscriberByEmail('ana@example.org'))!)).toBe(false); // once
    await sendAll();
    const welcome = await catcher.waitFor('ana@example.org', 2);
    expect(welcome.subject).toBe('Welcome to Hearth');
    expect(welcome.text).toContain(`One summary a week (Mondays), about ${research.name}.`);
    expect(welcome.text).toMatch(new RegExp(`Change what you get: ${env.siteUrl}/subscription\\?token=\\S+`));
    expect(catcher.messages.filter((m) => m.subject === 'Welcome to Hearth')).toHaveLength(1);
  });
});

describe('reply emails', () => {
  // Made the way a sign-up makes them (Auth.js through Hearth's adapter), so the new member's defaults are the real ones.
  const member = async (name: string, email: string) => {
    const made = await hearthAdapter().createUser!({ id: crypto.randomUUID(), email, name, emailVerified: new Date() });
    return (await getDb().select().from(users).where(eq(users.id, made.id)))[0]!;
  };

  it('default to "at once", go at most once per conversation an hour, and their one-click List-Unsubscribe stops them', async () => {
    await setContent('full');
    const post = await createPost({ authorId: author.id, title: 'Pacing with an energy budget', publishedAt: new Date(Date.UTC(2026, 0, 1)) });
    const zoe = await member('Zoë', 'zoe.replies@example.org');
    const lukasz = await member('Łukasz', 'lukasz.replies@example.org');
    expect(zoe.replyNotifications).toBe('instant');
    let clock = Date.now();
    const at = (ms = 15_000) => new Date((clock += ms));
    const say = async (userId: string, body: string, parentId?: number) => {
      const result = await submitComment(userId, { postId: post.id, body, parentId }, at());
      if (!result.ok) throw new Error(result.message);
      return result.commentId;
    };
    const top = await say(zoe.id, 'How do you pace on work days?');
    await say(lukasz.id, 'Rests first, then tasks.', top);
    await processReplyNotices(at());
    await say(lukasz.id, 'And a timer for breaks.', top);
    await processReplyNotices(at(5 * 60_000)); // 5 minutes later: waits
    await sendAll(at());
    expect(catcher.messages.filter((m) => m.subject?.includes('repl'))).toHaveLength(1);
    const first = await catcher.waitFor('zoe.replies@example.org');
    expect(first.text).toContain('Rests first, then tasks.');
    expect(first.text).not.toContain('And a timer');

    await processReplyNotices(at(61 * 60_000)); // past the hour: the waiting reply goes out
    await sendAll(at());
    const second = await catcher.waitFor('zoe.replies@example.org', 2);
    expect(second.text).toContain('And a timer for breaks.');

    // The one-click POST from the List-Unsubscribe header stops reply emails.
    expect(header(second, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const url = header(second, 'list-unsubscribe').match(/<(\S+)>/)![1];
    const response = await oneClick(new NextRequest(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(response.status).toBe(200);
    expect((await getDb().select().from(users).where(eq(users.id, zoe.id)))[0]!.replyNotifications).toBe('never');
    expect((await oneClick(new NextRequest(`${url}x`, { method: 'POST' }))).status).toBe(400);
    await say(lukasz.id, 'Still there?', top);
    await processReplyNotices(at(2 * 60 * 60_000));
    await sendAll(at());
    expect(catcher.messages.filter((m) => m.text?.includes('Still there?'))).toHaveLength(0);
  });
});
