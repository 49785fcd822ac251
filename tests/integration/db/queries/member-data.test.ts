/**
 * A member's data, all of it: one member with something in every table that can hold a person, beside two
 * others with their own. The export lists each item of theirs and nothing of the others; after the account
 * is deleted (keeping or removing comments), no table of the whole database holds the address or the name,
 * while the others' data is untouched.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { databaseEngine } from '@/db/database-file';
import type { PostgresDb } from '@/db/postgres';
import { withTransaction } from '@/db/transaction';
import { deleteUser, REMOVED_ADDRESS } from '@/db/queries/account-deletion';
import { recordActivity } from '@/db/queries/activity';
import { applyCommentEdit } from '@/db/queries/comment-edits';
import { reportComment } from '@/db/queries/comment-reports';
import { exportUserData } from '@/db/queries/member-export';
import { enqueueMail, markMailSent } from '@/db/queries/outbox';
import { muteThread, recordReplyNotice } from '@/db/queries/reply-notices';
import { saveMemberSubscription } from '@/db/queries/subscriber-lifecycle';
import { createUpload } from '@/db/queries/uploads';
import {
  accounts,
  activityLog,
  commentReports,
  comments,
  importedItems,
  importJobs,
  outbox,
  postRevisions,
  rateLimitHits,
  replyNotices,
  sessions,
  subscribers,
  threadMutes,
  users,
  verificationTokens,
  waitingComments,
} from '@/db/schema';
import { addressRateLimitKeys, allowSignInEmail, allowSubscribeRequest } from '@/lib/rate-limit';
import { createAuthor, createCategory, createPost } from '../../../helpers/fixtures';

const ZOE = { name: 'Zoë Ñúñez-Ķirsīte', email: 'zoe.nunez+hearth@example.org' };

function member(name: string, email: string, role: 'member' | 'author' = 'member') {
  return withTransaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name, email, role, bio: `${name} writes here`, moderationAlerts: role === 'author' ? 'daily' : 'never' })
      .returning();
    await tx.insert(sessions).values({ sessionToken: `token-of-${email}`, userId: user.id, expires: new Date(Date.UTC(2027, 0, 1)) });
    await tx.insert(accounts).values({ userId: user.id, type: 'email', provider: 'email', providerAccountId: email });
    await tx.insert(verificationTokens).values({ identifier: email, token: `hashed-code-of-${email}`, expires: new Date(Date.UTC(2027, 0, 1)) });
    return user;
  });
}

/** Everything one person leaves behind; `tag` makes each run's texts distinct. */
async function giveData(user: { id: string; name: string | null; email: string }, tag: string, others: { postId: number; commentOf: number }, topics: number[]) {
  const say = (text: string) => `${text} (${tag})`;
  const comment = async (body: string, parentId: number | null = null) =>
    (
      await withTransaction((tx) =>
        tx
          .insert(comments)
          .values({ postId: others.postId, authorId: user.id, parentId, depth: parentId ? 2 : 1, body, html: `<p>${body}</p>`, status: 'approved' })
          .returning(),
      )
    )[0];
  const story = await comment(say('My first flare story, before the edit'));
  await applyCommentEdit(story.id, user.id, { body: say('My flare story, edited'), html: '<p>edited</p>', contentNote: say('mentions pain') }, null);
  await applyCommentEdit(story.id, user.id, { body: say('A held edit with a link'), html: '<p>held</p>', contentNote: null }, 'links');
  const reply = await comment(say('Replying to a friend'), others.commentOf);
  await withTransaction((tx) => recordReplyNotice(tx, reply.id));
  await reportComment(others.commentOf, user.id, 'unkind', say('This felt unkind to me'));
  await muteThread(user.id, others.commentOf);
  await saveMemberSubscription(user.email, { frequency: 'weekly', categoryIds: topics });
  await withTransaction((tx) =>
    tx.insert(comments).values({ postId: others.postId, body: say('An old guest comment'), html: '<p>guest</p>', status: 'approved', guestName: user.name, guestEmail: user.email.toLowerCase() }),
  );
  await allowSignInEmail(user.email, '192.0.2.7');
  await allowSubscribeRequest(user.email, '192.0.2.7');
  await enqueueMail({ kind: 'sign-in', to: user.email, subject: say('Your sign-in link'), text: `Hello ${user.name}, your code`, html: `<p>Hello ${user.name}</p>` });
  await enqueueMail({ kind: 'reply', to: user.email, subject: say('A reply to your comment'), text: say('reply text'), html: '<p>reply</p>', dedupeKey: `reply:${reply.id}:${user.id}` });
  const [sent] = await getDb()
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.dedupeKey, `reply:${reply.id}:${user.id}`));
  await markMailSent(sent.id);
  await withTransaction((tx) =>
    tx
      .update(outbox)
      .set({ status: 'failed', lastError: `550 <${user.email}> mailbox full` })
      .where(eq(outbox.subject, say('Your sign-in link'))),
  );
  await enqueueMail({ kind: 'subscribe-confirm', to: user.email.toUpperCase(), subject: say('Confirm your subscription'), text: 'confirm', html: '<p>confirm</p>' });
  const actor = { id: user.id, name: user.name ?? '' };
  await withTransaction(() => recordActivity(actor, 'comment.approve', say(`a comment by ${user.name} on “Pacing”`)));
  await withTransaction((tx) => tx.insert(postRevisions).values({ postId: others.postId, fields: { title: say('Pacing draft') }, authorId: user.id, authorName: user.name ?? '' }));
  await createUpload(actor, { file: `${tag}.webp`, mimeType: 'image/webp', width: 10, height: 10, bytes: 100, originalName: say('garden photo.jpg'), variantWidths: [] }, new Date());
  await withTransaction((tx) => tx.insert(importJobs).values({ kind: 'subscribers', status: 'done', fileName: say('list.csv'), filePath: `imports/${tag}.csv`, startedById: user.id }));
  await withTransaction((tx) => tx.insert(importedItems).values({ source: 'https://old.example.org', kind: 'user', sourceId: `wp-${tag}`, hearthId: user.id, importedAt: new Date() }));
  // A reply sent signed out with their address, waiting for its link to be confirmed.
  await withTransaction((tx) =>
    tx.insert(waitingComments).values({
      postId: others.postId,
      parentId: others.commentOf,
      email: user.email.toLowerCase(),
      displayName: user.name ?? '',
      body: say('Sent before signing in'),
      tokenHash: `hash-${tag}`,
      expiresAt: new Date(Date.UTC(2027, 0, 1)),
    }),
  );
  return { story, reply };
}

/** Every row of every table, as the engine stores it: the tables Hearth has today and any added later. */
async function allRows(): Promise<[table: string, rows: Record<string, unknown>[]][]> {
  if (databaseEngine() === 'postgres') {
    const db = getDb() as unknown as PostgresDb;
    const tables = (await db.execute<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public'`)).rows;
    return Promise.all(tables.map(async ({ name }) => [name, (await db.execute(sql.raw(`select * from "${name}"`))).rows] as [string, Record<string, unknown>[]]));
  }
  const client = getDb().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
  return tables.map(({ name }) => [name, client.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]]);
}

async function scanWholeDatabase(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, rows] of await allRows()) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        // PostgreSQL hands jsonb back parsed; SQLite keeps JSON as text.
        const text =
          typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : value && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : null;
        if (text && needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase()))) found.push(`${name}.${column}`);
      }
    }
  }
  return found;
}

describe.each(['keep', 'remove'] as const)('a member who leaves, choosing to %s their comments', (choice) => {
  const run = choice;
  let zoe: typeof users.$inferSelect;
  let lukasz: typeof users.$inferSelect;
  let ada: typeof users.$inferSelect;
  let zoeRows: Awaited<ReturnType<typeof giveData>>;

  beforeAll(async () => {
    const publisher = await createAuthor({ name: `Publisher ${run}` });
    const post = await createPost({ authorId: publisher.id, title: `Pacing ${run}` });
    const topics = [(await createCategory(`living-well-${run}`)).id, (await createCategory(`research-${run}`)).id];
    zoe = await member(ZOE.name, ZOE.email, 'author');
    lukasz = await member(`Łukasz Wróbel ${run}`, `lukasz.${run}@example.com`);
    ada = await member(`Ada O’Brien ${run}`, `ada.${run}@example.net`);
    const [lukaszTop] = await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: post.id, authorId: lukasz.id, body: `Łukasz asks about sleep ${run}`, html: '<p>sleep</p>', status: 'approved' })
        .returning(),
    );
    await withTransaction((tx) => tx.insert(comments).values({ postId: post.id, authorId: ada.id, body: `Ada on pacing ${run}`, html: '<p>pacing</p>', status: 'approved' }));
    zoeRows = await giveData(zoe, `zoe-${run}`, { postId: post.id, commentOf: lukaszTop.id }, [topics[0]]);
    await giveData(lukasz, `lukasz-${run}`, { postId: post.id, commentOf: zoeRows.story.id }, topics);
    await giveData(ada, `ada-${run}`, { postId: post.id, commentOf: lukaszTop.id }, [topics[1]]);
    await withTransaction((tx) =>
      tx.insert(comments).values({ postId: post.id, authorId: ada.id, parentId: zoeRows.story.id, depth: 2, body: `Ada answers ${run}`, html: '<p>answer</p>', status: 'approved' }),
    );
    // Another member's email that names Zoë: the reply notice Łukasz gets.
    await enqueueMail({ kind: 'reply', to: lukasz.email, subject: `${ZOE.name} replied to you`, text: `${ZOE.name} wrote back.`, html: `<p>${ZOE.name} wrote back.</p>` });
  });

  it('exports each of the member’s items and nothing of the other members', async () => {
    const data = (await exportUserData(zoe.id))!;
    const text = JSON.stringify(data);
    const tag = `zoe-${run}`;
    expect(data.profile).toMatchObject({ name: ZOE.name, email: ZOE.email, role: 'author', moderationAlerts: 'daily', bio: `${ZOE.name} writes here` });
    expect(data.signInMethods).toEqual(['email']);
    expect(data.sessions).toHaveLength(1);
    expect(data.pendingSignInCodes).toHaveLength(1);
    expect(data.commentsWaitingForConfirmation).toEqual([expect.objectContaining({ body: expect.stringContaining('Sent before signing in'), inReplyToComment: expect.any(Number) })]);
    const story = data.comments.find((c) => c.id === zoeRows.story.id)!;
    expect(story).toMatchObject({ body: `My flare story, edited (${tag})`, contentNote: `mentions pain (${tag})`, editAwaitingModeration: `A held edit with a link (${tag})` });
    expect(story.earlierVersions.map((v) => v.body)).toEqual([`My first flare story, before the edit (${tag})`]);
    expect(data.comments.map((c) => c.body)).toContain(`Replying to a friend (${tag})`);
    expect(data.guestCommentsWithYourAddress.map((c) => c.body)).toEqual([`An old guest comment (${tag})`]);
    expect(data.reportsFiled).toEqual([expect.objectContaining({ reason: 'unkind', note: `This felt unkind to me (${tag})`, resolvedAt: null })]);
    expect(data.mutedConversations).toHaveLength(1);
    // Łukasz answered her story: she was told.
    expect(data.replyNotices).toHaveLength(1);
    expect(data.subscription).toMatchObject({ email: ZOE.email, status: 'confirmed', frequency: 'weekly', categories: [`living well ${run}`] });
    expect(data.emailsToYou.map((m) => [m.kind, m.subject, m.status])).toEqual([
      ['sign-in', `Your sign-in link (${tag})`, 'failed'],
      ['reply', `A reply to your comment (${tag})`, 'sent'],
      ['subscribe-confirm', `Confirm your subscription (${tag})`, 'queued'],
    ]);
    expect(data.postVersionsSaved).toHaveLength(1);
    expect(data.uploads.map((u) => u.originalName)).toEqual([`garden photo.jpg (${tag})`]);
    expect(data.imports).toHaveLength(1);
    expect(data.activity.map((a) => a.subject)).toEqual([`a comment by ${ZOE.name} on “Pacing” (${tag})`, `${tag}.webp (10×10)`]);
    expect(data.importedFrom).toEqual([expect.objectContaining({ idThere: `wp-${tag}` })]);
    expect(data.notes.join(' ')).toMatch(/Page views .* without any visitor/);
    for (const secret of [`token-of-${ZOE.email}`, `hashed-code-of-${ZOE.email}`]) expect(text).not.toContain(secret);
    for (const person of [lukasz, ada]) {
      for (const theirs of [person.email, person.name!, `lukasz-${run}`, `ada-${run}`]) expect(text).not.toContain(theirs);
    }
    expect(text).not.toContain(`Łukasz asks about sleep`);
  });

  it('leaves neither the address nor the name anywhere in the database, and the others’ data intact', async () => {
    const before = async (id: string) => ({
      sessions: (await getDb().select().from(sessions).where(eq(sessions.userId, id))).length,
      comments: (await getDb().select({ body: comments.body }).from(comments).where(eq(comments.authorId, id))).map((c) => c.body).sort(),
      reports: await getDb().select({ note: commentReports.note }).from(commentReports).where(eq(commentReports.reporterId, id)).orderBy(commentReports.id),
      mutes: (await getDb().select().from(threadMutes).where(eq(threadMutes.userId, id))).length,
      // A notice of her reply goes with the reply when she removes her comments.
      notices: (await getDb().select().from(replyNotices).where(eq(replyNotices.recipientId, id))).filter((n) => n.replyId !== zoeRows.reply.id).length,
    });
    const kept = { lukasz: await before(lukasz.id), ada: await before(ada.id) };
    const mailInOrder = () => getDb().select().from(outbox).orderBy(outbox.id);
    const keptMail = (await mailInOrder()).filter((m) => m.toAddress !== ZOE.email && m.toAddress !== ZOE.email.toUpperCase() && !m.subject.includes(ZOE.name));
    const zoeMailIds = (await mailInOrder()).filter((m) => m.toAddress.toLowerCase() === ZOE.email).map((m) => m.id);
    expect((await scanWholeDatabase([ZOE.email, ZOE.name])).length).toBeGreaterThan(10);
    const countedFor = async (email: string) =>
      (
        await getDb()
          .select()
          .from(rateLimitHits)
          .where(inArray(rateLimitHits.key, addressRateLimitKeys(email)))
      ).length;
    expect(await countedFor(ZOE.email)).toBe(2);
    const lukaszCounted = await countedFor(lukasz.email);

    expect((await deleteUser(zoe.id, choice, addressRateLimitKeys)).outcome).toBe('deleted');

    expect(await scanWholeDatabase([ZOE.email, ZOE.name, 'zoe.nunez'])).toEqual([]);
    // Rate-limit rows hold a hash of the address, never the address: they are found by key.
    expect(await countedFor(ZOE.email)).toBe(0);
    expect(await countedFor(lukasz.email)).toBe(lukaszCounted);
    expect((await getDb().select().from(verificationTokens)).map((t) => t.identifier)).toEqual(expect.arrayContaining([ada.email, lukasz.email]));
    expect({ lukasz: await before(lukasz.id), ada: await before(ada.id) }).toEqual(kept);
    const afterMail = new Map((await mailInOrder()).map((m) => [m.id, m]));
    for (const mail of keptMail) expect(afterMail.get(mail.id)).toEqual(mail);
    // Mail to the member: cancelled unless already sent, and emptied.
    const theirs = zoeMailIds.map((id) => afterMail.get(id)!);
    expect(theirs.map((m) => [m.toAddress, m.kind, m.status, m.subject, m.text, m.html])).toEqual([
      [REMOVED_ADDRESS, 'sign-in', 'cancelled', '', '', ''],
      [REMOVED_ADDRESS, 'reply', 'sent', '', '', ''],
      [REMOVED_ADDRESS, 'subscribe-confirm', 'cancelled', '', '', ''],
    ]);
    expect(afterMail.get(Math.max(...afterMail.keys()))).toMatchObject({ subject: 'a former member replied to you', text: 'a former member wrote back.' });
    // Reports filed are kept for moderators, without the reporter.
    expect(
      (
        await getDb()
          .select()
          .from(commentReports)
          .where(eq(commentReports.note, `This felt unkind to me (zoe-${run})`))
      )[0],
    ).toMatchObject({
      reporterId: null,
      reason: 'unkind',
    });
    expect(
      (
        await getDb()
          .select()
          .from(activityLog)
          .where(eq(activityLog.subject, `a comment by a former member on “Pacing” (zoe-${run})`))
      )[0],
    ).toMatchObject({
      actorId: null,
      actorName: 'a former member',
    });
    expect((await getDb().select().from(subscribers).where(eq(subscribers.email, lukasz.email)))[0]).toMatchObject({ status: 'confirmed' });
    expect(await getDb().select().from(importedItems).where(eq(importedItems.hearthId, zoe.id))).toEqual([]);
    // The thread keeps its shape: Ada's answer to the member's story is still there.
    const [story] = await getDb().select().from(comments).where(eq(comments.id, zoeRows.story.id));
    expect(story).toMatchObject({ authorId: null, body: '' });
  });
});
