/**
 * Reports (one per member per comment, a pace per member) and a moderator's decision, which writes
 * the status, the reports it closes and the activity entry together or not at all. Real SQLite file;
 * a failing write is made by a real trigger, not a mock.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { moderateComment } from '@/db/queries/comment-moderation';
import { activityLog, commentPendingEdits, commentReports, commentRevisions, comments, siteSettings, users } from '@/db/schema';
import { reportCommentAs } from '@/lib/comments/report';
import { REPORTS_PER_HOUR } from '@/lib/comments/pace';
import { createAuthor, createPost } from '../../../helpers/fixtures';
import { refuseWrites } from '../../../helpers/refused-writes';
import { driverError } from '../../../helpers/database-errors';

let post: Awaited<ReturnType<typeof createPost>>;
const t0 = new Date(Date.UTC(2026, 8, 3, 20));
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let n = 0;
const member = async (name: string, role: 'member' | 'moderator' = 'member') =>
  (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ email: `r${++n}@example.org`, name, role })
        .returning(),
    )
  )[0];
const comment = async (authorId: string, body: string, status: 'approved' | 'pending' = 'approved') =>
  (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: post.id, authorId, body, html: `<p>${body}</p>`, status })
        .returning(),
    )
  )[0].id;
const reportsOn = (id: number) => getDb().select().from(commentReports).where(eq(commentReports.commentId, id));
const statusOf = async (id: number) => (await getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;

type Member = Awaited<ReturnType<typeof member>>;
let writer: Member, kemal: Member, amara: Member, mod: Member;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth' }));
  const author = await createAuthor();
  post = await createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) });
  writer = await member('Siobhán Ní Bhriain');
  kemal = await member('Kemal Öztürk');
  amara = await member('Amara Okafor-Smith');
  mod = await member('Rosa “Mod” Díaz', 'moderator');
});

describe('reports', () => {
  it('takes one report per member per comment, and answers a second kindly without storing it', async () => {
    const id = await comment(writer.id, 'Stop your medication, it is all a scam!');
    expect(await reportCommentAs(kemal.id, { commentId: id, reason: 'unsafe', note: 'Dangerous advice <b>here</b>' }, at(0))).toEqual({ ok: true, message: expect.stringContaining('Thank you') });
    const again = await reportCommentAs(kemal.id, { commentId: id, reason: 'misinformation' }, at(1));
    expect(again).toEqual({ ok: true, message: expect.stringContaining('already reported') });
    expect((await reportCommentAs(amara.id, { commentId: id, reason: 'unkind' }, at(2))).ok).toBe(true);
    expect((await reportsOn(id)).map((r) => [r.reporterId, r.reason])).toEqual([
      [kemal.id, 'unsafe'],
      [amara.id, 'unkind'],
    ]);
  });

  it('refuses reports of one’s own comment or of a held one', async () => {
    const own = await comment(kemal.id, 'My own words');
    expect((await reportCommentAs(kemal.id, { commentId: own, reason: 'spam' }, at(3))).ok).toBe(false);
    const held = await comment(writer.id, 'held', 'pending');
    expect(await reportCommentAs(kemal.id, { commentId: held, reason: 'spam' }, at(3))).toEqual({ ok: false, message: 'That comment is no longer shown.' });
    expect([...(await reportsOn(own)), ...(await reportsOn(held))]).toEqual([]);
  });

  it('counts a report sent twice at the same moment once, both towards the pace and in the reports', async () => {
    const twice = await member('Łukasz Double-Click');
    const ids: number[] = [];
    for (let i = 0; i < REPORTS_PER_HOUR; i++) ids.push(await comment(writer.id, `double-clicked ${i}`));
    const [first, second] = await Promise.all([0, 1].map(() => reportCommentAs(twice.id, { commentId: ids[0], reason: 'unkind' }, at(200))));
    expect([first.message, second.message].sort()).toEqual([expect.stringContaining('Thank you'), expect.stringContaining('already reported')]);
    // One report used of the hour's ten: the other nine comments can still be reported.
    for (const id of ids.slice(1)) expect(await reportCommentAs(twice.id, { commentId: id, reason: 'spam' }, at(201))).toMatchObject({ ok: true, message: expect.stringContaining('Thank you') });
    expect(await getDb().select().from(commentReports).where(eq(commentReports.reporterId, twice.id))).toHaveLength(REPORTS_PER_HOUR);
  });

  it(`takes at most ${REPORTS_PER_HOUR} reports an hour from one member`, async () => {
    const busy = await member('Busy Reporter 🚩');
    const ids: number[] = [];
    for (let i = 0; i < REPORTS_PER_HOUR + 2; i++) ids.push(await comment(writer.id, `comment number ${i}`));
    const answers = [];
    for (const [i, id] of ids.entries()) answers.push(await reportCommentAs(busy.id, { commentId: id, reason: 'spam' }, at(10 + i)));
    expect(answers.slice(0, REPORTS_PER_HOUR).every((a) => a.ok)).toBe(true);
    expect(answers[REPORTS_PER_HOUR]).toEqual({ ok: false, message: expect.stringContaining(`${REPORTS_PER_HOUR} reports in the last hour`) });
    expect(await getDb().select().from(commentReports).where(eq(commentReports.reporterId, busy.id))).toHaveLength(REPORTS_PER_HOUR);
    // Another member is not held back by this one, and the pace resets after the hour.
    expect((await reportCommentAs(amara.id, { commentId: ids[REPORTS_PER_HOUR], reason: 'spam' }, at(25))).ok).toBe(true);
    expect(await reportCommentAs(busy.id, { commentId: ids[REPORTS_PER_HOUR + 1], reason: 'spam' }, at(75))).toMatchObject({ ok: true, message: expect.stringContaining('Thank you') });
  });
});

describe('a moderator’s decision', () => {
  let refusal: Awaited<ReturnType<typeof refuseWrites>> | undefined;
  const failOn = async (table: string, event: 'INSERT' | 'UPDATE') => {
    refusal = await refuseWrites({ table, event, message: 'disk trouble' });
  };
  const stopFailing = async () => {
    await refusal?.stop();
    refusal = undefined;
  };
  const logged = () => getDb().select({ action: activityLog.action, subject: activityLog.subject }).from(activityLog);
  afterEach(stopFailing);

  it('writes nothing when the activity entry cannot be written', async () => {
    const id = await comment(writer.id, 'A held comment, reported', 'pending');
    await withTransaction((tx) => tx.insert(commentReports).values({ commentId: id, reporterId: amara.id, reason: 'spam' }));
    const before = await logged();
    await failOn('activity_log', 'INSERT');
    await expect(moderateComment(id, 'approve', mod)).rejects.toMatchObject(driverError({ message: 'disk trouble' }));
    expect(await statusOf(id)).toBe('pending');
    expect((await reportsOn(id)).map((r) => r.resolvedAt)).toEqual([null]);
    expect(await logged()).toEqual(before);
  });

  it('writes nothing when closing the reports fails', async () => {
    const id = await comment(writer.id, 'Buy pills at a discount');
    await withTransaction((tx) => tx.insert(commentReports).values({ commentId: id, reporterId: kemal.id, reason: 'spam' }));
    const before = await logged();
    await failOn('comment_reports', 'UPDATE');
    await expect(moderateComment(id, 'spam', mod)).rejects.toMatchObject(driverError({ message: 'disk trouble' }));
    expect(await statusOf(id)).toBe('approved');
    expect(await logged()).toEqual(before);
  });

  it('writes nothing of an approved edit when its log entry fails, then all of it once it can', async () => {
    const id = await comment(writer.id, 'old words');
    await withTransaction((tx) => tx.insert(commentPendingEdits).values({ commentId: id, body: 'new words', html: '<p>new words</p>', reason: 'links', submittedAt: at(0) }));
    await failOn('activity_log', 'INSERT');
    await expect(moderateComment(id, 'approve-edit', mod)).rejects.toMatchObject(driverError({ message: 'disk trouble' }));
    expect((await getDb().select({ body: comments.body }).from(comments).where(eq(comments.id, id)))[0]).toEqual({ body: 'old words' });
    expect(await getDb().select().from(commentRevisions).where(eq(commentRevisions.commentId, id))).toEqual([]);
    expect(await getDb().select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, id))).toHaveLength(1);
    await stopFailing();
    expect(await moderateComment(id, 'approve-edit', mod)).toEqual({ postSlug: post.slug, closedReports: false });
    expect((await getDb().select({ body: comments.body }).from(comments).where(eq(comments.id, id)))[0]).toEqual({ body: 'new words' });
    expect((await logged()).at(-1)).toEqual({ action: 'comment.approve-edit', subject: `a comment by Siobhán Ní Bhriain on “${post.title}”` });
  });

  it('approves, closes the reports and logs it together', async () => {
    const id = await comment(writer.id, 'Held but kind', 'pending');
    await withTransaction((tx) => tx.insert(commentReports).values({ commentId: id, reporterId: kemal.id, reason: 'other' }));
    expect(await moderateComment(id, 'approve', mod, at(100))).toEqual({ postSlug: post.slug, closedReports: false });
    expect(await statusOf(id)).toBe('approved');
    expect((await reportsOn(id)).map((r) => r.resolvedAt)).toEqual([at(100)]);
    expect((await logged()).at(-1)).toEqual({ action: 'comment.approve', subject: `a comment by Siobhán Ní Bhriain on “${post.title}”` });
  });

  it('logs keeping a reported public comment as closing its reports, not as an approval', async () => {
    const id = await comment(writer.id, 'Blunt but fair');
    await withTransaction((tx) => tx.insert(commentReports).values({ commentId: id, reporterId: amara.id, reason: 'unkind', note: 'Felt harsh to me' }));
    expect(await moderateComment(id, 'approve', mod, at(200))).toEqual({ postSlug: post.slug, closedReports: true });
    expect((await reportsOn(id)).map((r) => r.resolvedAt)).toEqual([at(200)]);
    expect((await logged()).at(-1)).toEqual({ action: 'comment.close-reports', subject: `a comment by Siobhán Ní Bhriain on “${post.title}”` });
  });
});
