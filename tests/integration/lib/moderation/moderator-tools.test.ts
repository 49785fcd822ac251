/**
 * What moderators see and do: the reporter's note with the report in the queue, the open-report count,
 * the activity log in plain words (older rows too), and a moderator's edit of a comment's text, which
 * is public at once, marked, kept in the history the author can read, and logged.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { listActivity } from '@/db/queries/activity';
import { countOpenReports } from '@/db/queries/comment-reports';
import { moderateComment } from '@/db/queries/comment-moderation';
import { listCommentsByAuthor } from '@/db/queries/account-comments';
import { listRevisions } from '@/db/queries/comment-revisions';
import { listThread } from '@/db/queries/comment-thread';
import { listModerationQueue } from '@/db/queries/moderation-queue';
import { activityLog, comments, siteSettings, users } from '@/db/schema';
import { activitySentence } from '@/lib/activity/sentence';
import { editAsModerator } from '@/lib/comments/moderator-edit';
import { reportCommentAs } from '@/lib/comments/report';
import { createAuthor, createPost } from '../../../helpers/fixtures';

type Row<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;
let post: Row<typeof createPost>, other: Row<typeof createPost>;
let sam: Row<typeof person>, zoe: Row<typeof person>, luke: Row<typeof person>, ada: Row<typeof person>;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth' }));
  const writer = await createAuthor({ name: 'Ada Writer' });
  post = await createPost({ authorId: writer.id, title: 'Pacing with an energy budget', publishedAt: new Date(Date.UTC(2026, 0, 1)) });
  other = await createPost({ authorId: writer.id, title: 'Sleep, and the lack of it', publishedAt: new Date(Date.UTC(2026, 0, 2)) });
  sam = await person('Sam 🌱');
  zoe = await person('Zoë O’Brien-Ñúñez');
  luke = await person('Łukasz “Luke” ‹Żółć›');
  ada = await person('Ada', 'moderator');
});
let n = 0;
const person = async (name: string, role: 'member' | 'moderator' = 'member') =>
  (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ email: `tools${++n}@example.org`, name, role })
        .returning(),
    )
  )[0];
const comment = async (authorId: string, body: string, postId?: number, status: 'approved' | 'pending' = 'approved') =>
  (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: postId ?? post.id, authorId, body, html: `<p>${body}</p>`, status })
        .returning(),
    )
  )[0].id;
const sentences = async () => (await listActivity(1)).entries.map(activitySentence);

it('shows each open report with its reason and the reporter’s note (not who reported), and counts open reports', async () => {
  const samSays = await comment(sam.id, 'Stop taking your pills.');
  const zoeSays = await comment(zoe.id, 'Rest days matter.', other.id);
  expect(await countOpenReports()).toBe(0);
  await reportCommentAs(zoe.id, { commentId: samSays, reason: 'misinformation', note: 'Tells people to stop their medication 💊' });
  await reportCommentAs(luke.id, { commentId: samSays, reason: 'unsafe' });
  await reportCommentAs(sam.id, { commentId: zoeSays, reason: 'other', note: 'I just disagree <b>strongly</b>' });
  expect(await countOpenReports()).toBe(3);

  const queue = await listModerationQueue('reported');
  expect(queue.find((c) => c.id === samSays)!.reports).toEqual([
    { reason: 'misinformation', note: 'Tells people to stop their medication 💊' },
    { reason: 'unsafe', note: null },
  ]);
  expect(queue.find((c) => c.id === zoeSays)!.reports).toEqual([{ reason: 'other', note: 'I just disagree <b>strongly</b>' }]);
  expect(JSON.stringify(queue)).not.toContain(luke.id);

  await moderateComment(samSays, 'spam', ada);
  await moderateComment(zoeSays, 'approve', ada);
  expect(await countOpenReports()).toBe(0);
  expect((await sentences()).slice(0, 2)).toEqual([
    'Ada closed the reports on a comment by Zoë O’Brien-Ñúñez on “Sleep, and the lack of it”, which stays up',
    'Ada marked a comment by Sam 🌱 on “Pacing with an energy budget” as spam',
  ]);
});

it('reads in plain words, older rows and unknown codes included', async () => {
  const held = await comment(sam.id, 'First time here', post.id, 'pending');
  await moderateComment(held, 'approve', ada);
  expect((await sentences())[0]).toBe('Ada approved a comment by Sam 🌱 on “Pacing with an energy budget”');
  expect(activitySentence({ actorName: 'Rosa', action: 'comment.approve', subject: 'comment #12 on /posts/pacing' })).toBe('Rosa approved comment #12 on /posts/pacing');
  expect(activitySentence({ actorName: 'Rosa', action: 'post.publish', subject: '“Cost $& of care”' })).toBe('Rosa published “Cost $& of care”');
  expect(activitySentence({ actorName: 'Rosa', action: 'settings.update', subject: 'Site settings' })).toBe('Rosa changed the site settings');
  expect(activitySentence({ actorName: 'Rosa', action: 'category.rename', subject: '“Living well” → “Living Well”' })).toBe('Rosa: category rename, “Living well” → “Living Well”');
  // Every code the site-shape, page and stats changes write reads as a sentence.
  expect(activitySentence({ actorName: 'Rosa', action: 'category.update', subject: '“Living well” → “Living Well”' })).toBe('Rosa changed the category “Living well” → “Living Well”');
  expect(activitySentence({ actorName: 'Rosa', action: 'tag.merge', subject: '“sleep” into “Sleep”' })).toBe('Rosa merged the tag “sleep” into “Sleep”');
  expect(activitySentence({ actorName: 'Rosa', action: 'page.publish', subject: '“About us”' })).toBe('Rosa published the page “About us”');
  expect(activitySentence({ actorName: 'Rosa', action: 'menu.update', subject: '7 items' })).toBe('Rosa rearranged the menu (7 items)');
  expect(activitySentence({ actorName: 'Rosa', action: 'stats.off', subject: 'Private view counting' })).toBe('Rosa turned private view counting off');
});

describe('a moderator’s edit', () => {
  it('is public at once, marked, kept in the history the author can read, and logged', async () => {
    const id = await comment(zoe.id, 'Ring me on 07700 900123 any time.');
    const at = new Date(Date.now() + 60_000); // the newest entry in the log
    expect(await editAsModerator(ada, { commentId: id, body: 'Ring me [number removed by a moderator] any time.' }, at)).toEqual({ ok: true, postSlug: post.slug, public: true });

    const shown = (await listThread(post.id)).find((c) => c.id === id)!;
    expect(shown.html).toContain('[number removed by a moderator]');
    expect(shown).toMatchObject({ moderatorEditedAt: at.toISOString(), editedAt: null });
    expect(await listRevisions(id)).toEqual([{ body: 'Ring me on 07700 900123 any time.', contentNote: null, replacedAt: at.toISOString(), byModerator: true }]);
    expect((await listCommentsByAuthor(zoe.id)).find((c) => c.id === id)).toMatchObject({ moderatorEditedAt: at });
    expect(await getDb().select().from(activityLog).where(eq(activityLog.action, 'comment.edit'))).toHaveLength(1);
    expect((await sentences())[0]).toBe('Ada edited the text of a comment by Zoë O’Brien-Ñúñez on “Pacing with an energy budget”');
  });

  it('edits a held comment without publishing it, and refuses a deleted one', async () => {
    const held = await comment(luke.id, 'My number is 555-0100', post.id, 'pending');
    expect(await editAsModerator(ada, { commentId: held, body: 'My number is [removed]' })).toMatchObject({ ok: true, public: false });
    expect((await getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, held)))[0]).toEqual({ status: 'pending' });
    const gone = await comment(luke.id, 'to delete');
    await moderateComment(gone, 'delete', ada);
    expect(await editAsModerator(ada, { commentId: gone, body: 'anything' })).toEqual({ ok: false, message: 'That comment no longer exists.' });
  });
});
