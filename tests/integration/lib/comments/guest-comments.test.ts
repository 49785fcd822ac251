/**
 * Imported guests' comments (issue 15): shown by the guest's name and never their address, wherever a
 * comment's author shows; claimed by a proven sign-in with that address; then the member's own like any
 * other (listed on /account, editable, erasable, exported). Real SQLite file, rows written as the importer does.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { listAccountComments } from '@/db/queries/account-comments';
import { moderateComment } from '@/db/queries/comment-moderation';
import { listThread } from '@/db/queries/comment-thread';
import { listModerationQueue } from '@/db/queries/moderation-queue';
import { listOpenNotices } from '@/db/queries/reply-notices';
import { exportUserData } from '@/db/queries/member-export';
import { activityLog, comments, siteSettings, users } from '@/db/schema';
import { CommentCard } from '@/components/comments/comment-card';
import { claimGuestCommentsFor, provenAddress } from '@/lib/comments/claim-guest-comments';
import { deleteComment, editComment } from '@/lib/comments/submit';
import { createAuthor, createPost } from '../../../helpers/fixtures';

let author: Awaited<ReturnType<typeof createAuthor>>, post: Awaited<ReturnType<typeof createPost>>, other: typeof post;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth' }));
  author = await createAuthor({ name: 'Post Author' });
  post = await createPost({ authorId: author.id });
  other = await createPost({ authorId: author.id });
});
const t0 = Date.UTC(2024, 4, 1);
let minute = 0;

type Guest = { name: string | null; email: string | null };
async function guestComment(guest: Guest, body: string, opts: { postId?: number; parentId?: number; status?: 'approved' | 'pending' } = {}) {
  return (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({
          postId: opts.postId ?? post.id,
          parentId: opts.parentId ?? null,
          depth: opts.parentId ? 1 : 0,
          authorId: null,
          // As the importer writes them: an empty name becomes "A reader", the address lower-cased or null.
          guestName: guest.name || 'A reader',
          guestEmail: guest.email ? guest.email.toLowerCase() : null,
          body,
          html: `<p>${body}</p>`,
          status: opts.status ?? 'approved',
          createdAt: new Date(t0 + ++minute * 60_000),
        })
        .returning(),
    )
  )[0].id;
}
const member = async (email: string, name: string) => (await withTransaction((tx) => tx.insert(users).values({ email, name }).returning()))[0];
const emailSignIn = (user: { id: string; email: string }) => ({ user, account: { provider: 'email', type: 'email' } });

const zoe = { name: 'Zoë O’Brien-Ñúñez', email: 'Zoe.OBrien@Example.ORG' };
const luke = { name: 'Łukasz "Luke" ‹Żółć›', email: 'luke@example.net' };
const emoji = { name: '🌻 Sunny 🌧️', email: 'sunny@example.com' };
const nameless = { name: '', email: 'nobody-named@example.com' };
const sharedA = { name: 'Ann (shared inbox)', email: 'family@example.org' };
const sharedB = { name: 'Bob (shared inbox)', email: 'FAMILY@example.org' };
const noAddress = { name: 'No Address', email: null };
const addresses = [zoe, luke, emoji, nameless, sharedA, noAddress].map((g) => g.email?.toLowerCase()).filter(Boolean) as string[];

describe('how guests show', () => {
  let ids: Record<'zoe' | 'luke' | 'emoji' | 'nameless' | 'a' | 'b' | 'noAddress', number>;
  let byMember: number, memberWriter: Awaited<ReturnType<typeof member>>;
  beforeAll(async () => {
    ids = {
      zoe: await guestComment(zoe, 'Pacing helped me too.'),
      luke: await guestComment(luke, 'Dzięki!'),
      emoji: await guestComment(emoji, 'Sun after rain'),
      nameless: await guestComment(nameless, 'No name given'),
      a: await guestComment(sharedA, 'From Ann'),
      b: await guestComment(sharedB, 'From Bob'),
      noAddress: await guestComment(noAddress, 'No address'),
    };
    memberWriter = await member('kemal@example.org', 'Kemal Öztürk');
    byMember = (
      await withTransaction((tx) =>
        tx
          .insert(comments)
          .values({ postId: post.id, authorId: memberWriter.id, body: 'A member', html: '<p>A member</p>', status: 'approved', createdAt: new Date(t0 + ++minute * 60_000) })
          .returning(),
      )
    )[0].id;
  });

  it('shows each guest by the name they gave, marked as a guest, and members as members', async () => {
    const thread = await listThread(post.id);
    const author = (id: number) => thread.find((c) => c.id === id)!.author;
    expect(author(ids.zoe)).toEqual({ name: 'Zoë O’Brien-Ñúñez', isPostAuthor: false, isModerator: false, isGuest: true });
    expect(author(ids.luke)!.name).toBe('Łukasz "Luke" ‹Żółć›');
    expect(author(ids.emoji)!.name).toBe('🌻 Sunny 🌧️');
    expect(author(ids.nameless)!.name).toBe('A reader');
    expect(author(ids.noAddress)!.name).toBe('No Address');
    expect(author(byMember)).toEqual({ name: 'Kemal Öztürk', isPostAuthor: false, isModerator: false, isGuest: false });
  });

  it('never puts a guest’s address in what readers or moderators get', async () => {
    const thread = await listThread(post.id);
    const queue = await listModerationQueue('all');
    const html = thread.map((c) => renderToStaticMarkup(CommentCard({ comment: c }))).join('');
    for (const address of addresses) {
      expect(JSON.stringify(thread).toLowerCase()).not.toContain(address);
      expect(JSON.stringify(queue).toLowerCase()).not.toContain(address);
      expect(html.toLowerCase()).not.toContain(address);
    }
    expect(html).toContain('Zoë O’Brien-Ñúñez');
    expect(html).toContain('Łukasz &quot;Luke&quot; ‹Żółć›');
    expect(html.match(/>Guest</g)).toHaveLength(7);
    expect(html).not.toContain('Deleted member');
  });

  it('keeps "deleted member" for a comment with neither an account nor a guest name', async () => {
    const left = (await withTransaction((tx) => tx.insert(comments).values({ postId: other.id, authorId: null, body: 'x', html: '<p>x</p>', status: 'approved' }).returning()))[0].id;
    const view = (await listThread(other.id)).find((c) => c.id === left)!;
    expect(view.author).toBeNull();
    expect(renderToStaticMarkup(CommentCard({ comment: view }))).toContain('Deleted member');
  });

  it('tells nobody about a reply to a guest (there is no account), and names a guest who replies', async () => {
    const reply = (
      await withTransaction((tx) =>
        tx.insert(comments).values({ postId: post.id, parentId: ids.luke, depth: 1, authorId: memberWriter.id, body: 'Hi Luke', html: '<p>Hi Luke</p>', status: 'pending' }).returning(),
      )
    )[0].id;
    await moderateComment(reply, 'approve', { id: author.id, name: 'Post Author' });
    const guestReply = await guestComment(luke, 'Thanks Kemal', { parentId: byMember, status: 'pending' });
    await moderateComment(guestReply, 'approve', { id: author.id, name: 'Post Author' });
    const notices = await listOpenNotices(new Date(Date.now() + 60_000));
    expect(notices.map((n) => n.reply.id)).toEqual([guestReply]);
    expect(notices[0].reply.authorName).toBe('Łukasz "Luke" ‹Żółć›');
    expect(notices[0].recipient.id).toBe(memberWriter.id);
  });

  it('lets a moderator delete a guest’s comment, names the guest in the log, and wipes the address', async () => {
    const held = await guestComment(emoji, 'Please remove this', { postId: other.id });
    await guestComment({ name: 'Replier', email: null }, 'a reply keeps the placeholder', { postId: other.id, parentId: held });
    expect(await moderateComment(held, 'delete', { id: author.id, name: 'Post Author' })).toEqual({ postSlug: other.slug, closedReports: false });
    const row = (await getDb().select().from(comments).where(eq(comments.id, held)))[0]!;
    expect(row).toMatchObject({ status: 'deleted', guestEmail: null, guestName: null, body: '' });
    expect((await getDb().select().from(activityLog)).at(-1)!.subject).toBe(`a comment by the guest 🌻 Sunny 🌧️ on “${other.title}”`);
  });

  it('gives the comments to whoever signs in by email with that address, in any case, and only theirs', async () => {
    const zoeMember = await member('zoe.obrien@example.org', 'Zoë');
    expect(await claimGuestCommentsFor(emailSignIn({ id: zoeMember.id, email: 'ZOE.OBRIEN@EXAMPLE.ORG' }))).toEqual([post.slug]);
    const zoeView = (await listThread(post.id)).find((c) => c.id === ids.zoe)!;
    expect(zoeView.author).toEqual({ name: 'Zoë', isPostAuthor: false, isModerator: false, isGuest: false });
    expect((await getDb().select().from(comments).where(eq(comments.id, ids.zoe)))[0]).toMatchObject({ authorId: zoeMember.id, guestName: null, guestEmail: null });
    expect((await listThread(post.id)).find((c) => c.id === ids.luke)!.author!.isGuest).toBe(true);
    // Signing in again claims nothing more.
    expect(await claimGuestCommentsFor(emailSignIn({ id: zoeMember.id, email: 'zoe.obrien@example.org' }))).toEqual([]);
  });

  it('gives both guests of a shared address to the one account that proves it', async () => {
    const family = await member('family@example.org', 'The Family');
    await claimGuestCommentsFor(emailSignIn({ id: family.id, email: 'family@example.org' }));
    expect((await listAccountComments(family.id)).map((c) => c.id).sort()).toEqual([ids.a, ids.b].sort());
  });

  it('claims only addresses the sign-in proved', async () => {
    expect(provenAddress({ user: { id: 'u', email: 'Luke@Example.net' }, account: { provider: 'email', type: 'email' } })).toBe('luke@example.net');
    expect(provenAddress({ user: { id: 'u', email: 'luke@example.net' }, account: { provider: 'google', type: 'oidc' }, profile: { email_verified: true } })).toBe('luke@example.net');
    expect(provenAddress({ user: { id: 'u', email: 'luke@example.net' }, account: { provider: 'google', type: 'oidc' }, profile: { email_verified: false } })).toBeNull();
    expect(provenAddress({ user: { id: 'u', email: 'luke@example.net' }, account: { provider: 'github', type: 'oauth' }, profile: {} })).toBeNull();
    const lukeViaGithub = await member('luke@example.net', 'Luke');
    expect(await claimGuestCommentsFor({ user: { id: lukeViaGithub.id, email: 'luke@example.net' }, account: { provider: 'github', type: 'oauth' } })).toEqual([]);
    expect((await listThread(post.id)).find((c) => c.id === ids.luke)!.author!.isGuest).toBe(true);
  });

  it('makes claimed comments the member’s own: listed, editable, erasable, exported', async () => {
    const sunny = await member('sunny@example.com', 'Sunny');
    const second = await guestComment(emoji, 'Another one', { postId: other.id });
    expect((await claimGuestCommentsFor(emailSignIn({ id: sunny.id, email: 'sunny@example.com' }))).sort()).toEqual([post.slug, other.slug].sort());
    expect((await listAccountComments(sunny.id)).map((c) => [c.id, c.postTitle])).toEqual([
      [second, other.title],
      [ids.emoji, post.title],
    ]);
    expect(await editComment(sunny.id, { commentId: ids.emoji, body: 'Sun after rain, edited' })).toMatchObject({ ok: true, result: 'published' });
    expect((await listThread(post.id)).find((c) => c.id === ids.emoji)!.html).toContain('edited');
    expect((await exportUserData(sunny.id))!.comments.map((c) => c.id).sort()).toEqual([ids.emoji, second].sort());
    expect(await deleteComment(second, sunny.id)).toEqual({ ok: true, postSlug: other.slug });
    expect((await listAccountComments(sunny.id)).map((c) => c.id)).toEqual([ids.emoji]);
  });
});
