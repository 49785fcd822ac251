/**
 * Reports (one per member per comment, a pace per member) and a moderator's decision, which writes
 * the status, the reports it closes and the activity entry together or not at all. Real SQLite file;
 * a failing write is made by a real trigger, not a mock.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { moderateComment } from '@/db/queries/comment-moderation';
import { activityLog, commentPendingEdits, commentReports, commentRevisions, comments, siteSettings, users } from '@/db/schema';
import { reportCommentAs } from '@/lib/comments/report';
import { REPORTS_PER_HOUR } from '@/lib/comments/pace';
import { createAuthor, createPost } from '../../../helpers/fixtures';

getDb().insert(siteSettings).values({ id: 1, name: 'Hearth' }).run();
const author = createAuthor();
const post = createPost({ authorId: author.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) });
const t0 = new Date(Date.UTC(2026, 8, 3, 20));
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let n = 0;
const member = (name: string, role: 'member' | 'moderator' = 'member') =>
  getDb()
    .insert(users)
    .values({ email: `r${++n}@example.org`, name, role })
    .returning()
    .get();
const comment = (authorId: string, body: string, status: 'approved' | 'pending' = 'approved') =>
  getDb()
    .insert(comments)
    .values({ postId: post.id, authorId, body, html: `<p>${body}</p>`, status })
    .returning()
    .get().id;
const reportsOn = (id: number) => getDb().select().from(commentReports).where(eq(commentReports.commentId, id)).all();
const statusOf = (id: number) => getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, id)).get()?.status;

const writer = member('Siobhán Ní Bhriain');
const kemal = member('Kemal Öztürk');
const amara = member('Amara Okafor-Smith');
const mod = member('Rosa “Mod” Díaz', 'moderator');

describe('reports', () => {
  it('takes one report per member per comment, and answers a second kindly without storing it', async () => {
    const id = comment(writer.id, 'Stop your medication, it is all a scam!');
    expect(await reportCommentAs(kemal.id, { commentId: id, reason: 'unsafe', note: 'Dangerous advice <b>here</b>' }, at(0))).toEqual({ ok: true, message: expect.stringContaining('Thank you') });
    const again = await reportCommentAs(kemal.id, { commentId: id, reason: 'misinformation' }, at(1));
    expect(again).toEqual({ ok: true, message: expect.stringContaining('already reported') });
    expect((await reportCommentAs(amara.id, { commentId: id, reason: 'unkind' }, at(2))).ok).toBe(true);
    expect(reportsOn(id).map((r) => [r.reporterId, r.reason])).toEqual([
      [kemal.id, 'unsafe'],
      [amara.id, 'unkind'],
    ]);
  });

  it('refuses reports of one’s own comment or of a held one', async () => {
    const own = comment(kemal.id, 'My own words');
    expect((await reportCommentAs(kemal.id, { commentId: own, reason: 'spam' }, at(3))).ok).toBe(false);
    const held = comment(writer.id, 'held', 'pending');
    expect(await reportCommentAs(kemal.id, { commentId: held, reason: 'spam' }, at(3))).toEqual({ ok: false, message: 'That comment is no longer shown.' });
    expect([...reportsOn(own), ...reportsOn(held)]).toEqual([]);
  });

  it('counts a report sent twice at the same moment once, both towards the pace and in the reports', async () => {
    const twice = member('Łukasz Double-Click');
    const ids = Array.from({ length: REPORTS_PER_HOUR }, (_, i) => comment(writer.id, `double-clicked ${i}`));
    const [first, second] = await Promise.all([0, 1].map(() => reportCommentAs(twice.id, { commentId: ids[0], reason: 'unkind' }, at(200))));
    expect([first.message, second.message].sort()).toEqual([expect.stringContaining('Thank you'), expect.stringContaining('already reported')]);
    // One report used of the hour's ten: the other nine comments can still be reported.
    for (const id of ids.slice(1)) expect(await reportCommentAs(twice.id, { commentId: id, reason: 'spam' }, at(201))).toMatchObject({ ok: true, message: expect.stringContaining('Thank you') });
    expect(getDb().select().from(commentReports).where(eq(commentReports.reporterId, twice.id)).all()).toHaveLength(REPORTS_PER_HOUR);
  });

  it(`takes at most ${REPORTS_PER_HOUR} reports an hour from one member`, async () => {
    const busy = member('Busy Reporter 🚩');
    const ids = Array.from({ length: REPORTS_PER_HOUR + 2 }, (_, i) => comment(writer.id, `comment number ${i}`));
    const answers = [];
    for (const [i, id] of ids.entries()) answers.push(await reportCommentAs(busy.id, { commentId: id, reason: 'spam' }, at(10 + i)));
    expect(answers.slice(0, REPORTS_PER_HOUR).every((a) => a.ok)).toBe(true);
    expect(answers[REPORTS_PER_HOUR]).toEqual({ ok: false, message: expect.stringContaining(`${REPORTS_PER_HOUR} reports in the last hour`) });
    expect(getDb().select().from(commentReports).where(eq(commentReports.reporterId, busy.id)).all()).toHaveLength(REPORTS_PER_HOUR);
    // Another member is not held back by this one, and the pace resets after the hour.
    expect((await reportCommentAs(amara.id, { commentId: ids[REPORTS_PER_HOUR], reason: 'spam' }, at(25))).ok).toBe(true);
    expect(await reportCommentAs(busy.id, { commentId: ids[REPORTS_PER_HOUR + 1], reason: 'spam' }, at(75))).toMatchObject({ ok: true, message: expect.stringContaining('Thank you') });
  });
});

describe('a moderator’s decision', () => {
  const failOn = (table: string, event: string) => getDb().$client.exec(`CREATE TRIGGER fail_test BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`);
  const stopFailing = () => getDb().$client.exec('DROP TRIGGER IF EXISTS fail_test;');
  const logged = () => getDb().select({ action: activityLog.action, subject: activityLog.subject }).from(activityLog).all();
  afterEach(stopFailing);

  it('writes nothing when the activity entry cannot be written', async () => {
    const id = comment(writer.id, 'A held comment, reported', 'pending');
    getDb().insert(commentReports).values({ commentId: id, reporterId: amara.id, reason: 'spam' }).run();
    const before = logged();
    failOn('activity_log', 'INSERT');
    await expect(moderateComment(id, 'approve', mod)).rejects.toMatchObject({ message: 'disk trouble' });
    expect(statusOf(id)).toBe('pending');
    expect(reportsOn(id).map((r) => r.resolvedAt)).toEqual([null]);
    expect(logged()).toEqual(before);
  });

  it('writes nothing when closing the reports fails', async () => {
    const id = comment(writer.id, 'Buy pills at a discount');
    getDb().insert(commentReports).values({ commentId: id, reporterId: kemal.id, reason: 'spam' }).run();
    const before = logged();
    failOn('comment_reports', 'UPDATE');
    await expect(moderateComment(id, 'spam', mod)).rejects.toMatchObject({ message: 'disk trouble' });
    expect(statusOf(id)).toBe('approved');
    expect(logged()).toEqual(before);
  });

  it('writes nothing of an approved edit when its log entry fails, then all of it once it can', async () => {
    const id = comment(writer.id, 'old words');
    getDb()
      .insert(commentPendingEdits)
      .values({ commentId: id, body: 'new words', html: '<p>new words</p>', reason: 'links', submittedAt: at(0) })
      .run();
    failOn('activity_log', 'INSERT');
    await expect(moderateComment(id, 'approve-edit', mod)).rejects.toMatchObject({ message: 'disk trouble' });
    expect(getDb().select({ body: comments.body }).from(comments).where(eq(comments.id, id)).get()).toEqual({ body: 'old words' });
    expect(getDb().select().from(commentRevisions).where(eq(commentRevisions.commentId, id)).all()).toEqual([]);
    expect(getDb().select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, id)).all()).toHaveLength(1);
    stopFailing();
    expect(await moderateComment(id, 'approve-edit', mod)).toEqual({ postSlug: post.slug, closedReports: false });
    expect(getDb().select({ body: comments.body }).from(comments).where(eq(comments.id, id)).get()).toEqual({ body: 'new words' });
    expect(logged().at(-1)).toEqual({ action: 'comment.approve-edit', subject: `a comment by Siobhán Ní Bhriain on “${post.title}”` });
  });

  it('approves, closes the reports and logs it together', async () => {
    const id = comment(writer.id, 'Held but kind', 'pending');
    getDb().insert(commentReports).values({ commentId: id, reporterId: kemal.id, reason: 'other' }).run();
    expect(await moderateComment(id, 'approve', mod, at(100))).toEqual({ postSlug: post.slug, closedReports: false });
    expect(statusOf(id)).toBe('approved');
    expect(reportsOn(id).map((r) => r.resolvedAt)).toEqual([at(100)]);
    expect(logged().at(-1)).toEqual({ action: 'comment.approve', subject: `a comment by Siobhán Ní Bhriain on “${post.title}”` });
  });

  it('logs keeping a reported public comment as closing its reports, not as an approval', async () => {
    const id = comment(writer.id, 'Blunt but fair');
    getDb().insert(commentReports).values({ commentId: id, reporterId: amara.id, reason: 'unkind', note: 'Felt harsh to me' }).run();
    expect(await moderateComment(id, 'approve', mod, at(200))).toEqual({ postSlug: post.slug, closedReports: true });
    expect(reportsOn(id).map((r) => r.resolvedAt)).toEqual([at(200)]);
    expect(logged().at(-1)).toEqual({ action: 'comment.close-reports', subject: `a comment by Siobhán Ní Bhriain on “${post.title}”` });
  });
});
