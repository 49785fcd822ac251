/**
 * Who may do what: every server action and every admin/account route, called over HTTP by each kind of
 * person. One table says, per action or route, who is allowed; everyone else must be refused, and a
 * refusal must leave the database exactly as it was. Each cell gets fresh people and fresh targets.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { callAction, form, submitForm, type ActionAnswer } from './support/actions';
import type { Person, Role } from './support/database';
import { addApprovedComment, addPerson, openPostOf, startSite, type Site } from './support/site';

/** The caller: nobody, the owner of the target, another member, another author, a moderator, an admin. */
const CALLERS = ['anonymous', 'owner', 'member', 'author', 'moderator', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

type Cell = { url: string; owner: Person; caller: Person | null; postId: number };
type Target = Record<string, string | number>;

type Row = {
  name: string;
  /** Who owns the target: a member (their comment, their account) or an author (their post). */
  owner: Role;
  allowed: Caller[];
  setup?: (cell: Cell) => Promise<Target>;
  /** The state the call may change (compared before and after), read in full before it is compared. */
  state: (cell: Cell, target: Target) => Promise<unknown>;
  /** A route that changes that state when allowed (routes are read-only otherwise). */
  writes?: true;
} & ({ action: (cell: Cell, target: Target) => Promise<ActionAnswer> } | { route: (cell: Cell, target: Target) => Promise<Response> });

let site: Site;
let seededPostId: number;

// The test's own SQL goes through the site's handle, on whichever engine the run uses (tests/helpers/site-database.ts).
const one = (sql: string, ...params: unknown[]) => site.db.get<Record<string, unknown>>(sql, params);
/** Reads of several rows say ORDER BY: without it, PostgreSQL's order changes when a row is updated. */
const all = (sql: string, ...params: unknown[]) => site.db.all(sql, params);
const run = (sql: string, ...params: unknown[]) => site.db.run(sql, params);
/** Inserts one row and gives its id. */
const insertedId = async (sql: string, ...params: unknown[]) => Number((await site.db.all<{ id: number }>(`${sql} RETURNING id`, params))[0].id);
/** Several reads of one state, each awaited: a pending read would compare as `{}`. */
const together = (...reads: Promise<unknown>[]) => Promise.all(reads);
const cookieOf = (cell: Cell) => cell.caller?.cookie;
const signedIn: Caller[] = ['owner', 'member', 'author', 'moderator', 'admin'];
const otherSignedIn: Caller[] = ['member', 'author', 'moderator', 'admin'];
const postOwners: Caller[] = ['owner', 'admin'];
const moderators: Caller[] = ['moderator', 'admin'];
const admins: Caller[] = ['admin'];

let serial = 0;
const unique = () => `${Date.now().toString(36)}${++serial}`;

function createPost(owner: Person, status: 'draft' | 'published'): Promise<number> {
  const slug = `authz-${unique()}`;
  const publishedAt = status === 'published' ? new Date(Date.now() - 60_000) : null;
  return insertedId('INSERT INTO posts (slug, title, excerpt, body, status, published_at, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)', slug, `Post ${slug}`, '', 'Body.', status, publishedAt, owner.id);
}
const ownComment = async (cell: Cell) => ({ commentId: await addApprovedComment(site.db, cell.postId, cell.owner.id, `owned ${unique()}`) });
const pendingComment = async (cell: Cell) => {
  const { commentId } = await ownComment(cell);
  await run("UPDATE comments SET status = 'pending' WHERE id = ?", commentId);
  return { commentId };
};
const commentRow = (t: Target) => one('SELECT body, status, author_id FROM comments WHERE id = ?', t.commentId);
const postRow = (t: Target) => one('SELECT title, status, published_at, slug FROM posts WHERE id = ?', t.postId);
const draftPost = async (cell: Cell) => ({ postId: await createPost(cell.owner, 'draft') });
const publishedPost = async (cell: Cell) => ({ postId: await createPost(cell.owner, 'published') });
const callerRow = async (cell: Cell) => (cell.caller ? one('SELECT name, reply_notifications FROM users WHERE id = ?', cell.caller.id) : null);
const postForm = (t: Target, extra: Record<string, string> = {}) => ({ postId: String(t.postId), ...extra });
const editorFields = (title: string) => ({
  title,
  slug: `edited-${unique()}`,
  excerpt: '',
  body: 'New body.',
  categoryId: '',
  tags: '',
  contentNote: '',
  lastReviewedAt: '',
  coverImageId: '',
  coverAlt: '',
});
const page = (path: string) => (cell: Cell) => fetch(`${cell.url}${path}`, { headers: cell.caller ? { Cookie: cell.caller.cookie } : {}, redirect: 'manual' });
const noChange = async () => null;
/** The site identity fields of the settings form, left as they are. */
const SAME_IDENTITY = { iconUploadId: '', logoUploadId: '', timeZone: 'UTC', dateFormat: 'long' };
/** A fresh category at `position`, and a fresh tag (their ids). */
const newCategory = (position: number) => insertedId('INSERT INTO categories (slug, name, position) VALUES (?, ?, ?)', `topic-${unique()}`, 'A topic', position);
/** A fresh imported redirect (its id). */
const newRedirect = () => insertedId("INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES (?, '/about', 'wordpress', ?)", `/2019/01/01/authz-${unique()}`, new Date());
const newTag = () => insertedId('INSERT INTO tags (slug, name) VALUES (?, ?)', `tag-${unique()}`, 'A tag');
// Issue 14: working copies, revisions and page drafts, written as the app stores them.
const OLD_POST = JSON.stringify({
  title: 'Old title',
  slug: 'old-title',
  excerpt: '',
  body: 'Old body.',
  categoryId: null,
  tagNames: [],
  commentsClosed: false,
  contentNote: null,
  lastReviewedAt: null,
  coverImageId: null,
  coverAlt: null,
});
const OLD_PAGE = JSON.stringify({ title: 'Old page', slug: 'old-page', body: 'Old text.', navOrder: null });
const postCopy = (t: Target) => one('SELECT fields FROM post_working_copies WHERE post_id = ?', t.postId);
const pageCopy = (t: Target) => one('SELECT fields FROM page_working_copies WHERE page_id = ?', t.pageId);
const pageRow = (t: Target) => one('SELECT title, slug, body, status FROM pages WHERE id = ?', t.pageId);
const withPostCopy = async (t: Target) => {
  await run('INSERT INTO post_working_copies (post_id, fields, saved_at) VALUES (?, ?, ?)', t.postId, OLD_POST, new Date());
  return t;
};
const withPostRevision = async (t: Target) => ({
  ...t,
  revisionId: await insertedId('INSERT INTO post_revisions (post_id, fields, author_name) VALUES (?, ?, ?)', t.postId, OLD_POST, 'Zoë O’Brien-Ñúñez'),
});
const publishedPage = async (status: 'draft' | 'published' = 'published') => ({
  pageId: await insertedId('INSERT INTO pages (slug, title, body, status) VALUES (?, ?, ?, ?)', `authz-page-${unique()}`, 'A page', 'Text.', status),
});
const withPageCopy = async (t: Target) => {
  await run('INSERT INTO page_working_copies (page_id, fields, saved_at) VALUES (?, ?, ?)', t.pageId, OLD_PAGE, new Date());
  return t;
};
const withPageRevision = async (t: Target) => ({
  ...t,
  revisionId: await insertedId('INSERT INTO page_revisions (page_id, fields, author_name) VALUES (?, ?, ?)', t.pageId, OLD_PAGE, 'Łukasz “Luke” ‹Żółć›'),
});
const pageForm = (t: Target, title: string) => ({ id: String(t.pageId), title, slug: `authz-edited-${unique()}`, body: `${title} 🌿`, navOrder: '' });
/** An unused image row (its files are not needed to describe or delete it). */
const libraryImage = async (cell: Cell) => ({
  uploadId: await insertedId(
    "INSERT INTO uploads (file, mime_type, width, height, bytes, uploader_id) VALUES (?, 'image/webp', 40, 30, 100, ?)",
    `${randomBytes(16).toString('hex')}.webp`,
    cell.owner.id,
  ),
});

/** A finished import that failed, its files gone: its pages can be read, and running it again is refused even to admins. */
const importJob = async (cell: Cell) => {
  const now = new Date();
  return {
    jobId: await insertedId(
      "INSERT INTO import_jobs (kind, status, file_name, file_path, error, started_by_id, created_at, heartbeat_at, finished_at) VALUES ('wordpress', 'failed', 'old-site.xml', '/nowhere/export.xml', 'Not a WordPress export.', ?, ?, ?, ?)",
      cell.owner.id,
      now,
      now,
      now,
    ),
  };
};
// Admin imports' files: in the uploads folder of the server's data folder (its SQLite file's folder, or the DATA_DIR it is given beside a PostgreSQL database).
const importsFolder = () => path.join(site.app.dataDir, 'uploads', 'imports');
/** Issue 15: the subscriber import form, posting a one-address CSV to import at once. */
function subscriberCsvForm(email: string): FormData {
  const data = form({ mode: 'ask', step: 'import' });
  data.append('file', new File([`email\n${email}\n`], 'subscribers.csv', { type: 'text/csv' }));
  return data;
}

const TABLE: Row[] = [
  // Comments
  {
    name: 'POST /api/posts/<id>/comments',
    owner: 'member',
    allowed: signedIn,
    writes: true,
    state: (c) => one('SELECT CAST(count(*) AS INTEGER) AS n FROM comments WHERE post_id = ?', c.postId),
    route: (c) =>
      fetch(`${c.url}/api/posts/${c.postId}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookieOf(c) ? { Cookie: cookieOf(c)! } : {}) },
        body: JSON.stringify({ body: `new ${unique()}` }),
      }),
  },
  // The owner's only approved comment: the first-comment hold keeps their edit for a moderator, so it is stored as a pending edit.
  {
    name: 'editCommentAction (own comment)',
    owner: 'member',
    allowed: ['owner'],
    setup: ownComment,
    state: (_c, t) => together(commentRow(t), all('SELECT body FROM comment_pending_edits WHERE comment_id = ?', t.commentId)),
    action: (c, t) => submitForm(c.url, 'editCommentAction', { commentId: String(t.commentId), body: 'changed by someone' }, cookieOf(c)),
  },
  {
    name: 'deleteOwnCommentAction (own comment)',
    owner: 'member',
    allowed: ['owner'],
    setup: ownComment,
    state: (_c, t) => commentRow(t),
    action: (c, t) => callAction(c.url, 'deleteOwnCommentAction', [t.commentId], cookieOf(c)),
  },
  {
    name: 'reportCommentAction (someone’s comment)',
    owner: 'member',
    allowed: otherSignedIn,
    setup: ownComment,
    state: (_c, t) => all('SELECT * FROM comment_reports WHERE comment_id = ? ORDER BY id', t.commentId),
    action: (c, t) => submitForm(c.url, 'reportCommentAction', { commentId: String(t.commentId), reason: 'unkind' }, cookieOf(c)),
  },
  {
    name: 'moderateCommentAction approve',
    owner: 'member',
    allowed: moderators,
    setup: pendingComment,
    state: (_c, t) => commentRow(t),
    action: (c, t) => callAction(c.url, 'moderateCommentAction', [t.commentId, 'approve'], cookieOf(c)),
  },
  {
    name: 'moderateCommentAction spam',
    owner: 'member',
    allowed: moderators,
    setup: ownComment,
    state: (_c, t) => commentRow(t),
    action: (c, t) => callAction(c.url, 'moderateCommentAction', [t.commentId, 'spam'], cookieOf(c)),
  },
  {
    name: 'moderateCommentAction delete',
    owner: 'member',
    allowed: moderators,
    setup: ownComment,
    state: (_c, t) => commentRow(t),
    action: (c, t) => callAction(c.url, 'moderateCommentAction', [t.commentId, 'delete'], cookieOf(c)),
  },
  {
    name: 'moderateCommentAction block',
    owner: 'member',
    allowed: moderators,
    setup: ownComment,
    state: (c) => one('SELECT commenting_blocked FROM users WHERE id = ?', c.owner.id),
    action: (c, t) => callAction(c.url, 'moderateCommentAction', [t.commentId, 'block'], cookieOf(c)),
  },
  // One's own account
  { name: 'updateDisplayNameAction', owner: 'member', allowed: signedIn, state: callerRow, action: (c) => submitForm(c.url, 'updateDisplayNameAction', { name: `Renamed ${unique()}` }, cookieOf(c)) },
  {
    name: 'chooseDisplayNameAction',
    owner: 'member',
    allowed: signedIn,
    state: callerRow,
    action: (c) => submitForm(c.url, 'chooseDisplayNameAction', { name: `Chosen ${unique()}`, next: '/' }, cookieOf(c)),
  },
  {
    name: 'replyNotificationsAction',
    owner: 'member',
    allowed: signedIn,
    state: callerRow,
    action: (c) => submitForm(c.url, 'replyNotificationsAction', { replyNotifications: 'never' }, cookieOf(c)),
  },
  {
    name: 'deleteAccountAction',
    owner: 'member',
    allowed: signedIn,
    state: (c) => (c.caller ? one('SELECT id FROM users WHERE id = ?', c.caller.id) : all('SELECT id FROM users ORDER BY id')),
    action: (c) => submitForm(c.url, 'deleteAccountAction', { comments: 'keep', confirmation: 'delete my account' }, cookieOf(c)),
  },
  {
    name: 'signOutAction',
    owner: 'member',
    allowed: signedIn,
    state: (c) => (c.caller ? all('SELECT session_token FROM sessions WHERE user_id = ? ORDER BY session_token', c.caller.id) : all('SELECT session_token FROM sessions ORDER BY session_token')),
    action: (c) => callAction(c.url, 'signOutAction', [], cookieOf(c)),
  },
  {
    name: 'subscribeMemberAction',
    owner: 'member',
    allowed: signedIn,
    state: (c) => (c.caller ? one('SELECT status FROM subscribers WHERE email = ?', c.caller.email) : all('SELECT id FROM subscribers ORDER BY id')),
    action: (c) => submitForm(c.url, 'subscribeMemberAction', {}, cookieOf(c)),
  },
  // Anyone may ask for these; the emailed link or code, not a role, is what grants the rest.
  {
    name: 'subscribeAction',
    owner: 'member',
    allowed: ['anonymous', ...signedIn],
    state: () => one('SELECT CAST(count(*) AS INTEGER) AS n FROM subscribers'),
    action: (c) => submitForm(c.url, 'subscribeAction', { email: `sub-${unique()}@example.org`, frequency: 'each-post' }, cookieOf(c)),
  },
  {
    name: 'requestSignInAction',
    owner: 'member',
    allowed: ['anonymous', ...signedIn],
    state: () => one('SELECT CAST(count(*) AS INTEGER) AS n FROM verification_tokens'),
    action: (c) => submitForm(c.url, 'requestSignInAction', { email: `signin-${unique()}@example.org`, callbackUrl: '/' }, cookieOf(c)),
  },
  {
    name: 'enterSignInCodeAction (no pending sign-in)',
    owner: 'member',
    allowed: [],
    state: () => all('SELECT session_token FROM sessions ORDER BY session_token'),
    action: (c) => submitForm(c.url, 'enterSignInCodeAction', { code: 'ABCD-EFGH' }, cookieOf(c)),
  },
  {
    name: 'confirmSignInAction (wrong code)',
    owner: 'member',
    allowed: [],
    state: () => all('SELECT session_token FROM sessions ORDER BY session_token'),
    action: (c) => submitForm(c.url, 'confirmSignInAction', { email: `confirm-${unique()}@example.org`, token: 'ABCDEFGH', callbackUrl: '/' }, cookieOf(c)),
  },
  {
    name: 'requestWaitingCommentAction',
    owner: 'member',
    allowed: ['anonymous', ...signedIn],
    state: () => one('SELECT CAST(count(*) AS INTEGER) AS n FROM waiting_comments'),
    action: (c) => submitForm(c.url, 'requestWaitingCommentAction', { postId: String(c.postId), body: 'Waiting', name: 'Zoë', email: `wait-${unique()}@example.org`, website: '' }, cookieOf(c)),
  },
  {
    name: 'confirmWaitingCommentAction (unknown token)',
    owner: 'member',
    allowed: [],
    state: () => together(all('SELECT session_token FROM sessions ORDER BY session_token'), one('SELECT CAST(count(*) AS INTEGER) AS n FROM comments')),
    action: (c) => submitForm(c.url, 'confirmWaitingCommentAction', { token: randomBytes(32).toString('base64url') }, cookieOf(c)),
  },
  {
    name: 'renewWaitingCommentAction (unknown token)',
    owner: 'member',
    allowed: [],
    state: () => one('SELECT CAST(count(*) AS INTEGER) AS n FROM outbox'),
    action: (c) => submitForm(c.url, 'renewWaitingCommentAction', { token: randomBytes(32).toString('base64url') }, cookieOf(c)),
  },
  ...(['confirmSubscriptionAction', 'unsubscribeAction', 'resubscribeAction', 'muteThreadAction'] as const).map((name): Row => ({
    name: `${name} (forged token)`,
    owner: 'member',
    allowed: [],
    state: () => together(all('SELECT * FROM subscribers ORDER BY id'), all('SELECT * FROM thread_mutes ORDER BY user_id, root_id')),
    action: (c) => submitForm(c.url, name, { token: 'eyJ1IjoiYSJ9.forged' }, cookieOf(c)),
  })),
  {
    name: 'updateSubscriptionAction (forged token)',
    owner: 'member',
    allowed: [],
    state: () => all('SELECT * FROM subscribers ORDER BY id'),
    action: (c) => submitForm(c.url, 'updateSubscriptionAction', { token: 'eyJ1IjoiYSJ9.forged', frequency: 'weekly' }, cookieOf(c)),
  },
  // Posts: authors their own, admins everyone's.
  {
    name: 'savePostAction (new post)',
    owner: 'author',
    allowed: ['owner', 'author', 'admin'],
    state: () => one('SELECT CAST(count(*) AS INTEGER) AS n FROM posts'),
    action: (c) => submitForm(c.url, 'savePostAction', { postId: '', ...editorFields(`New ${unique()}`) }, cookieOf(c)),
  },
  {
    name: 'savePostAction (own draft)',
    owner: 'author',
    allowed: postOwners,
    setup: draftPost,
    state: (_c, t) => postRow(t),
    action: (c, t) => submitForm(c.url, 'savePostAction', postForm(t, editorFields('Taken over')), cookieOf(c)),
  },
  {
    name: 'publishPostAction (own draft)',
    owner: 'author',
    allowed: postOwners,
    setup: draftPost,
    state: (_c, t) => postRow(t),
    action: (c, t) => submitForm(c.url, 'publishPostAction', postForm(t), cookieOf(c)),
  },
  {
    name: 'schedulePostAction (own draft)',
    owner: 'author',
    allowed: postOwners,
    setup: draftPost,
    state: (_c, t) => postRow(t),
    action: (c, t) => submitForm(c.url, 'schedulePostAction', postForm(t, { publishAt: '2099-01-01T08:00', timezoneOffset: '0' }), cookieOf(c)),
  },
  {
    name: 'unpublishPostAction (own post)',
    owner: 'author',
    allowed: postOwners,
    setup: publishedPost,
    state: (_c, t) => postRow(t),
    action: (c, t) => submitForm(c.url, 'unpublishPostAction', postForm(t), cookieOf(c)),
  },
  {
    name: 'deletePostAction (own post)',
    owner: 'author',
    allowed: postOwners,
    setup: draftPost,
    state: (_c, t) => postRow(t),
    action: (c, t) => submitForm(c.url, 'deletePostAction', postForm(t, { confirm: 'delete' }), cookieOf(c)),
  },
  // Running the site: admins only.
  {
    name: 'updateSettingsAction',
    owner: 'member',
    allowed: admins,
    state: () => all('SELECT * FROM site_settings'),
    action: (c) =>
      submitForm(c.url, 'updateSettingsAction', { name: `Site ${unique()}`, tagline: '', about: '', maxCommentLinks: '2', blockedWords: '', holdFirstComment: 'on', ...SAME_IDENTITY }, cookieOf(c)),
  },
  {
    name: 'setRoleAction',
    owner: 'member',
    allowed: admins,
    state: (c) => one('SELECT role FROM users WHERE id = ?', c.owner.id),
    action: (c) => submitForm(c.url, 'setRoleAction', { userId: c.owner.id, role: 'moderator' }, cookieOf(c)),
  },
  {
    name: 'savePageAction (new page)',
    owner: 'member',
    allowed: admins,
    state: () => all('SELECT id FROM pages ORDER BY id'),
    action: (c) => submitForm(c.url, 'savePageAction', { id: '', title: 'A page', slug: `page-${unique()}`, body: 'Text.', navOrder: '' }, cookieOf(c)),
  },
  {
    name: 'deletePageAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ pageId: await insertedId('INSERT INTO pages (slug, title, body) VALUES (?, ?, ?)', `gone-${unique()}`, 'To delete', 'x') }),
    state: (_c, t) => one('SELECT id FROM pages WHERE id = ?', t.pageId),
    action: (c, t) => submitForm(c.url, 'deletePageAction', { id: String(t.pageId) }, cookieOf(c)),
  },
  {
    name: 'retryMailAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({
      mailId: await insertedId(
        "INSERT INTO outbox (kind, to_address, subject, text, html, status, next_attempt_at, last_error) VALUES ('reply', 'x@example.org', 's', 't', 'h', 'failed', ?, 'down')",
        new Date(Date.now() + 3_600_000),
      ),
    }),
    state: (_c, t) => one('SELECT status, next_attempt_at FROM outbox WHERE id = ?', t.mailId),
    action: (c) => submitForm(c.url, 'retryMailAction', {}, cookieOf(c)),
  },
  // Pages and routes: reading them changes nothing, so only the answer is checked.
  { name: 'GET /account', owner: 'member', allowed: signedIn, state: noChange, route: page('/account') },
  { name: 'GET /api/account/export', owner: 'member', allowed: signedIn, state: noChange, route: page('/api/account/export') },
  { name: 'GET /admin', owner: 'author', allowed: ['owner', 'author', 'moderator', 'admin'], state: noChange, route: page('/admin') },
  { name: 'GET /admin/posts', owner: 'author', allowed: ['owner', 'author', 'admin'], state: noChange, route: page('/admin/posts') },
  { name: 'GET /admin/posts/new', owner: 'author', allowed: ['owner', 'author', 'admin'], state: noChange, route: page('/admin/posts/new') },
  { name: 'GET /admin/posts/<own draft>', owner: 'author', allowed: postOwners, setup: draftPost, state: noChange, route: (c, t) => page(`/admin/posts/${t.postId}`)(c) },
  { name: 'GET /admin/posts/<own draft>/preview', owner: 'author', allowed: postOwners, setup: draftPost, state: noChange, route: (c, t) => page(`/admin/posts/${t.postId}/preview`)(c) },
  { name: 'GET /admin/comments', owner: 'member', allowed: moderators, state: noChange, route: page('/admin/comments') },
  // Issue 14: the comment's author reads its history too (a moderator may have edited it).
  {
    name: 'GET /api/comments/<id>/revisions',
    owner: 'member',
    allowed: ['owner', ...moderators],
    setup: ownComment,
    state: noChange,
    route: (c, t) => page(`/api/comments/${t.commentId}/revisions`)(c),
  },
  ...['/admin/subscribers', '/admin/subscribers/export', '/admin/settings', '/admin/people', '/admin/pages', '/admin/pages/new', '/admin/activity'].map((path): Row => ({
    name: `GET ${path}`,
    owner: 'member',
    allowed: admins,
    state: noChange,
    route: page(path),
  })),
  {
    name: 'POST /api/admin/preview',
    owner: 'author',
    allowed: ['owner', 'author', 'admin'],
    state: noChange,
    route: (c) =>
      fetch(`${c.url}/api/admin/preview`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(c.caller ? { Cookie: c.caller.cookie } : {}) },
        body: JSON.stringify({ body: '# Hi' }),
      }),
  },
  {
    name: 'POST /api/admin/uploads (not an image)',
    owner: 'author',
    // Writers get as far as the image check (415); everyone else is stopped before it.
    allowed: ['owner', 'author', 'admin'],
    state: () => all('SELECT id FROM uploads ORDER BY id'),
    route: async (c) => {
      const response = await fetch(`${c.url}/api/admin/uploads`, {
        method: 'POST',
        headers: c.caller ? { Cookie: c.caller.cookie } : {},
        body: (() => {
          const f = new FormData();
          f.set('file', new Blob(['not an image']), 'x.png');
          return f;
        })(),
      });
      return response.status === 415 ? new Response('reached the image check', { status: 200 }) : response;
    },
  },
  {
    name: 'POST /api/internal/refresh (no token)',
    owner: 'member',
    allowed: [],
    state: noChange,
    route: (c) => fetch(`${c.url}/api/internal/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(c.caller ? { Cookie: c.caller.cookie } : {}) }, body: '{"slugs":[]}' }),
  },
  // Issue 14, identity
  {
    name: 'updateSettingsAction (site icon, logo, time zone, date format)',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ uploadId: await insertedId("INSERT INTO uploads (file, mime_type, width, height, bytes) VALUES (?, 'image/webp', 512, 512, 100)", `${unique()}.webp`) }),
    state: () => all('SELECT icon_upload_id, logo_upload_id, time_zone, date_format FROM site_settings'),
    action: (c, t) =>
      submitForm(
        c.url,
        'updateSettingsAction',
        {
          name: 'Hearth',
          tagline: '',
          about: '',
          maxCommentLinks: '2',
          blockedWords: '',
          iconUploadId: String(t.uploadId),
          logoUploadId: String(t.uploadId),
          timeZone: 'America/New_York',
          dateFormat: 'us',
        },
        cookieOf(c),
      ),
  },
  ...['/favicon.ico', '/apple-touch-icon.png', '/icons/32.png', '/icons/192.png', '/icons/512.png'].map((path): Row => ({
    name: `GET ${path} (public)`,
    owner: 'member',
    allowed: [...CALLERS],
    state: noChange,
    route: page(path),
  })),
  // Issue 16, feeds: a published post's comment feed is public (approved comments only, see tests/e2e/feed-details.test.ts).
  {
    name: 'GET /posts/<slug>/comments/feed.xml (public)',
    owner: 'author',
    allowed: [...CALLERS],
    setup: async (cell) => ({ slug: String((await one('SELECT slug FROM posts WHERE id = ?', (await publishedPost(cell)).postId))!.slug) }),
    state: noChange,
    route: (c, t) => page(`/posts/${t.slug}/comments/feed.xml`)(c),
  },
  // Issue 14, stats
  {
    // A reader's view is counted as the page is served: every caller's view of a published post counts alike.
    name: 'GET /posts/<slug> (counted as a view)',
    owner: 'author',
    allowed: ['anonymous', ...signedIn],
    writes: true,
    setup: async (cell) => {
      await run('UPDATE site_settings SET stats_enabled = ?', true);
      const { postId } = await publishedPost(cell);
      return { postId, slug: String((await one('SELECT slug FROM posts WHERE id = ?', postId))!.slug) };
    },
    state: (_c, t) => all('SELECT views FROM page_view_counts WHERE post_id = ? ORDER BY day, path', t.postId),
    route: async (c, t) => {
      const response = await fetch(`${c.url}/posts/${t.slug}`, {
        headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', ...(c.caller ? { Cookie: c.caller.cookie } : {}) },
      });
      // The server hands its counts to the app every two seconds: wait for this one (bounded).
      for (let i = 0; i < 50 && !(await one('SELECT views FROM page_view_counts WHERE post_id = ?', t.postId)); i++) await new Promise((r) => setTimeout(r, 100));
      return response;
    },
  },
  {
    name: 'POST /api/internal/views (no key)',
    owner: 'member',
    allowed: [],
    state: () => all('SELECT * FROM page_view_counts ORDER BY day, path'),
    route: (c) =>
      fetch(`${c.url}/api/internal/views`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guessed', ...(c.caller ? { Cookie: c.caller.cookie } : {}) },
        body: JSON.stringify({ views: [{ path: '/', referrer: '', n: 1000 }] }),
      }),
  },
  {
    name: 'POST /api/internal/redirect-hits (no key)',
    owner: 'member',
    allowed: [],
    setup: async () => ({ redirectId: await newRedirect() }),
    state: (_c, t) => one('SELECT hits, last_hit_at FROM redirects WHERE id = ?', t.redirectId),
    route: async (c, t) => {
      const fromPath = String((await one('SELECT from_path FROM redirects WHERE id = ?', t.redirectId))!.from_path);
      return fetch(`${c.url}/api/internal/redirect-hits`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guessed', ...(c.caller ? { Cookie: c.caller.cookie } : {}) },
        body: JSON.stringify({ hits: [{ path: fromPath, n: 1000 }] }),
      });
    },
  },
  {
    name: 'setStatsCountingAction',
    owner: 'member',
    allowed: admins,
    state: () => all('SELECT stats_enabled FROM site_settings'),
    action: async (c) => submitForm(c.url, 'setStatsCountingAction', { counting: (await one('SELECT stats_enabled FROM site_settings'))?.stats_enabled === 0 ? 'on' : 'off' }, cookieOf(c)),
  },
  { name: 'GET /admin/stats', owner: 'member', allowed: admins, state: noChange, route: page('/admin/stats') },
  // Issue 14, site-shape: categories, tags and the menu are the admins' alone.
  {
    name: 'saveCategoryAction (new category)',
    owner: 'member',
    allowed: admins,
    state: () => all('SELECT id, slug FROM categories ORDER BY id'),
    action: (c) => submitForm(c.url, 'saveCategoryAction', { id: '', name: `Topic ${unique()}`, slug: '', description: '' }, cookieOf(c)),
  },
  {
    name: 'saveCategoryAction (rename)',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ categoryId: await newCategory(0) }),
    state: (_c, t) => together(one('SELECT name, slug FROM categories WHERE id = ?', t.categoryId), all('SELECT * FROM category_redirects WHERE category_id = ? ORDER BY old_slug', t.categoryId)),
    action: (c, t) => submitForm(c.url, 'saveCategoryAction', { id: String(t.categoryId), name: 'Renamed topic', slug: `renamed-${unique()}`, description: 'New words.' }, cookieOf(c)),
  },
  {
    name: 'moveCategoryAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ categoryId: await newCategory(-1), otherId: await newCategory(0) }),
    state: () => all('SELECT id, position FROM categories ORDER BY id'),
    action: (c, t) => submitForm(c.url, 'moveCategoryAction', { id: String(t.categoryId), direction: 'down' }, cookieOf(c)),
  },
  {
    name: 'deleteCategoryAction (no posts)',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ categoryId: await newCategory(0) }),
    state: (_c, t) => one('SELECT id FROM categories WHERE id = ?', t.categoryId),
    action: (c, t) => submitForm(c.url, 'deleteCategoryAction', { id: String(t.categoryId), targetId: '' }, cookieOf(c)),
  },
  {
    name: 'renameTagAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ tagId: await newTag() }),
    state: (_c, t) => together(one('SELECT name, slug FROM tags WHERE id = ?', t.tagId), all('SELECT * FROM tag_redirects ORDER BY old_slug')),
    action: (c, t) => submitForm(c.url, 'renameTagAction', { id: String(t.tagId), name: 'Renamed', slug: `renamed-tag-${unique()}` }, cookieOf(c)),
  },
  {
    name: 'mergeTagAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ tagId: await newTag(), intoId: await newTag() }),
    state: (_c, t) => all('SELECT id FROM tags WHERE id IN (?, ?) ORDER BY id', t.tagId, t.intoId),
    action: (c, t) => submitForm(c.url, 'mergeTagAction', { id: String(t.tagId), intoId: String(t.intoId) }, cookieOf(c)),
  },
  {
    name: 'deleteTagAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ tagId: await newTag() }),
    state: (_c, t) => one('SELECT id FROM tags WHERE id = ?', t.tagId),
    action: (c, t) => submitForm(c.url, 'deleteTagAction', { id: String(t.tagId) }, cookieOf(c)),
  },
  {
    name: 'saveMenuAction',
    owner: 'member',
    allowed: admins,
    state: () => all('SELECT * FROM menu_items ORDER BY id'),
    action: (c) => submitForm(c.url, 'saveMenuAction', { menu: JSON.stringify([{ kind: 'link', label: `Home ${unique()}`, url: '/' }]) }, cookieOf(c)),
  },
  ...['/admin/categories', '/admin/tags', '/admin/menu'].map((path): Row => ({ name: `GET ${path}`, owner: 'member', allowed: admins, state: noChange, route: page(path) })),
  // Issue 14, people and mail
  {
    name: 'moderatorEditCommentAction',
    owner: 'member',
    allowed: moderators,
    setup: ownComment,
    state: (_c, t) => together(commentRow(t), all('SELECT body, replaced_by_moderator_id FROM comment_revisions WHERE comment_id = ? ORDER BY id', t.commentId)),
    action: (c, t) => submitForm(c.url, 'moderatorEditCommentAction', { commentId: String(t.commentId), body: 'Number removed by a moderator.' }, cookieOf(c)),
  },
  {
    name: 'moderationAlertsAction',
    owner: 'member',
    allowed: moderators,
    state: (c) => (c.caller ? one('SELECT moderation_alerts FROM users WHERE id = ?', c.caller.id) : all('SELECT moderation_alerts FROM users ORDER BY id')),
    action: (c) => submitForm(c.url, 'moderationAlertsAction', { moderationAlerts: 'instant' }, cookieOf(c)),
  },
  { name: 'GET /api/admin/posts/<own post>/delivery', owner: 'author', allowed: postOwners, setup: publishedPost, state: noChange, route: (c, t) => page(`/api/admin/posts/${t.postId}/delivery`)(c) },
  // Issue 14, safe editing of posts and pages: the working copy, Update, Discard, Restore; page drafts.
  {
    name: 'savePostAction (own published post: its working copy)',
    owner: 'author',
    allowed: postOwners,
    setup: publishedPost,
    state: (_c, t) => together(postRow(t), postCopy(t)),
    action: (c, t) => submitForm(c.url, 'savePostAction', postForm(t, editorFields('Kept privately')), cookieOf(c)),
  },
  {
    name: 'publishPostAction (own draft, with the editor’s fields)',
    owner: 'author',
    allowed: postOwners,
    setup: draftPost,
    state: (_c, t) => postRow(t),
    action: (c, t) => submitForm(c.url, 'publishPostAction', postForm(t, editorFields('Published from the editor')), cookieOf(c)),
  },
  {
    name: 'updatePostAction (own published post)',
    owner: 'author',
    allowed: postOwners,
    setup: publishedPost,
    state: (_c, t) => together(postRow(t), all('SELECT fields FROM post_revisions WHERE post_id = ? ORDER BY id', t.postId)),
    action: (c, t) => submitForm(c.url, 'updatePostAction', postForm(t, editorFields('Updated')), cookieOf(c)),
  },
  {
    name: 'discardPostChangesAction (own published post)',
    owner: 'author',
    allowed: postOwners,
    setup: (c) => publishedPost(c).then(withPostCopy),
    state: (_c, t) => together(postRow(t), postCopy(t)),
    action: (c, t) => submitForm(c.url, 'discardPostChangesAction', postForm(t), cookieOf(c)),
  },
  {
    name: 'restorePostRevisionAction (own published post)',
    owner: 'author',
    allowed: postOwners,
    setup: (c) => publishedPost(c).then(withPostRevision),
    state: (_c, t) => together(postRow(t), postCopy(t)),
    action: (c, t) => submitForm(c.url, 'restorePostRevisionAction', postForm(t, { revisionId: String(t.revisionId) }), cookieOf(c)),
  },
  {
    name: 'GET /admin/posts/<own published post> (with its revisions)',
    owner: 'author',
    allowed: postOwners,
    setup: (c) => publishedPost(c).then(withPostRevision),
    state: noChange,
    route: (c, t) => page(`/admin/posts/${t.postId}`)(c),
  },
  {
    name: 'savePageAction (published page: its working copy)',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage(),
    state: (_c, t) => together(pageRow(t), pageCopy(t)),
    action: (c, t) => submitForm(c.url, 'savePageAction', pageForm(t, 'Kept privately'), cookieOf(c)),
  },
  {
    name: 'publishPageAction (draft page)',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage('draft'),
    state: (_c, t) => pageRow(t),
    action: (c, t) => submitForm(c.url, 'publishPageAction', pageForm(t, 'Published page'), cookieOf(c)),
  },
  {
    name: 'updatePageAction (published page)',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage(),
    state: (_c, t) => pageRow(t),
    action: (c, t) => submitForm(c.url, 'updatePageAction', pageForm(t, 'Updated page'), cookieOf(c)),
  },
  {
    name: 'unpublishPageAction',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage(),
    state: (_c, t) => pageRow(t),
    action: (c, t) => submitForm(c.url, 'unpublishPageAction', { id: String(t.pageId) }, cookieOf(c)),
  },
  {
    name: 'discardPageChangesAction',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage().then(withPageCopy),
    state: (_c, t) => together(pageRow(t), pageCopy(t)),
    action: (c, t) => submitForm(c.url, 'discardPageChangesAction', { id: String(t.pageId) }, cookieOf(c)),
  },
  {
    name: 'restorePageRevisionAction',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage().then(withPageRevision),
    state: (_c, t) => together(pageRow(t), pageCopy(t)),
    action: (c, t) => submitForm(c.url, 'restorePageRevisionAction', { id: String(t.pageId), revisionId: String(t.revisionId) }, cookieOf(c)),
  },
  {
    name: 'GET /admin/pages/<published page> (with its revisions)',
    owner: 'member',
    allowed: admins,
    setup: () => publishedPage().then(withPageRevision),
    state: noChange,
    route: (c, t) => page(`/admin/pages/${t.pageId}`)(c),
  },
  // Issue 14, media
  {
    name: 'updateUploadDetailsAction',
    owner: 'author',
    allowed: ['owner', 'author', 'admin'],
    setup: libraryImage,
    state: (_c, t) => one('SELECT alt, caption FROM uploads WHERE id = ?', t.uploadId),
    action: (c, t) => submitForm(c.url, 'updateUploadDetailsAction', { id: String(t.uploadId), alt: `Described ${unique()}`, caption: 'Zoë’s ☀' }, cookieOf(c)),
  },
  {
    name: 'deleteUploadAction (unused image)',
    owner: 'author',
    allowed: ['owner', 'author', 'admin'],
    setup: libraryImage,
    state: (_c, t) => one('SELECT id FROM uploads WHERE id = ?', t.uploadId),
    action: (c, t) => callAction(c.url, 'deleteUploadAction', [t.uploadId], cookieOf(c)),
  },
  { name: 'GET /admin/media', owner: 'author', allowed: ['owner', 'author', 'admin'], state: noChange, route: page('/admin/media') },
  { name: 'GET /api/admin/uploads', owner: 'author', allowed: ['owner', 'author', 'admin'], state: noChange, route: page('/api/admin/uploads?q=a') },
  // Issue 15, import and export: admins only (the export holds authors' addresses; an import rewrites the site).
  { name: 'GET /admin/import', owner: 'member', allowed: admins, state: noChange, route: page('/admin/import') },
  { name: 'GET /admin/import/<job>', owner: 'member', allowed: admins, setup: importJob, state: noChange, route: (c, t) => page(`/admin/import/${t.jobId}`)(c) },
  { name: 'GET /api/admin/import/<job>', owner: 'member', allowed: admins, setup: importJob, state: noChange, route: (c, t) => page(`/api/admin/import/${t.jobId}`)(c) },
  { name: 'GET /api/admin/export', owner: 'member', allowed: admins, state: noChange, route: page('/api/admin/export') },
  {
    name: 'PUT /api/admin/import?part=export',
    owner: 'member',
    allowed: admins,
    writes: true,
    state: async () => (fs.existsSync(importsFolder()) ? fs.readdirSync(importsFolder()).sort() : []),
    route: (c) =>
      fetch(`${c.url}/api/admin/import?part=export`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', ...(cookieOf(c) ? { Cookie: cookieOf(c)! } : {}) },
        body: '<?xml version="1.0"?><rss version="2.0"></rss>',
      }),
  },
  {
    name: 'POST /api/admin/import/<failed job> (run it again)',
    owner: 'member',
    allowed: [],
    setup: importJob,
    state: (_c, t) => one('SELECT status, error FROM import_jobs WHERE id = ?', t.jobId),
    route: (c, t) => fetch(`${c.url}/api/admin/import/${t.jobId}`, { method: 'POST', headers: cookieOf(c) ? { Cookie: cookieOf(c)! } : {} }),
  },
  // Issue 15, subscriber import
  {
    name: 'importSubscribersAction (ask each to confirm)',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ email: `imported-${unique()}@example.org` }),
    state: (_c, t) => together(one('SELECT status FROM subscribers WHERE email = ?', t.email), all('SELECT kind FROM outbox WHERE to_address = ? ORDER BY id', t.email)),
    action: (c, t) => callAction(c.url, 'importSubscribersAction', [{ ok: false }, subscriberCsvForm(String(t.email))], cookieOf(c)),
  },
  { name: 'GET /admin/subscribers/import', owner: 'member', allowed: admins, state: noChange, route: page('/admin/subscribers/import') },
  // Issue 15, redirects: the admins' alone.
  {
    name: 'saveRedirectAction (add)',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ fromPath: `/2020/01/01/authz-${unique()}` }),
    state: (_c, t) => one('SELECT to_path FROM redirects WHERE from_path = ?', t.fromPath),
    action: (c, t) => submitForm(c.url, 'saveRedirectAction', { id: '', fromPath: String(t.fromPath), toPath: '/about' }, cookieOf(c)),
  },
  {
    name: 'saveRedirectAction (edit)',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ redirectId: await newRedirect() }),
    state: (_c, t) => one('SELECT from_path, to_path FROM redirects WHERE id = ?', t.redirectId),
    action: (c, t) => submitForm(c.url, 'saveRedirectAction', { id: String(t.redirectId), fromPath: `/2020/02/02/authz-${unique()}`, toPath: '/archive' }, cookieOf(c)),
  },
  {
    name: 'removeRedirectAction',
    owner: 'member',
    allowed: admins,
    setup: async () => ({ redirectId: await newRedirect() }),
    state: (_c, t) => one('SELECT id FROM redirects WHERE id = ?', t.redirectId),
    action: (c, t) => submitForm(c.url, 'removeRedirectAction', { id: String(t.redirectId) }, cookieOf(c)),
  },
  { name: 'GET /admin/redirects', owner: 'member', allowed: admins, state: noChange, route: page('/admin/redirects?q=authz') },
];

const ROLE_OF: Record<Exclude<Caller, 'anonymous' | 'owner'>, Role> = { member: 'member', author: 'author', moderator: 'moderator', admin: 'admin' };

beforeAll(async () => {
  site = await startSite({ COMMENT_FLOOD_LIMITS: 'off' });
  seededPostId = (await openPostOf(site.db)).id;
});
afterAll(async () => {
  // Closes the handle before stopping the server (on PostgreSQL, stopping drops its database).
  await site?.stop();
});

/** Allowed for a route: a 2xx page that is not the "not available" notice; refused: anything else but a 5xx. */
async function routeAllowed(response: Response): Promise<boolean> {
  expect(response.status).toBeLessThan(500);
  const text = await response.text();
  return response.status >= 200 && response.status < 300 && !text.includes('Not available to you');
}

describe.each(TABLE)('$name', (row) => {
  it.each(CALLERS)('%s', async (who) => {
    const owner = await addPerson(site.db, row.owner);
    const caller = who === 'anonymous' ? null : who === 'owner' ? owner : await addPerson(site.db, ROLE_OF[who]);
    const cell: Cell = { url: site.app.url, owner, caller, postId: seededPostId };
    const target = (await row.setup?.(cell)) ?? {};
    const before = JSON.stringify(await row.state(cell, target));
    const expected = row.allowed.includes(who);
    if ('route' in row) {
      expect({ who, allowed: await routeAllowed(await row.route(cell, target)) }).toEqual({ who, allowed: expected });
    } else {
      const answer = await row.action(cell, target);
      expect(answer.status).toBeLessThan(500);
      // Success is an { ok: true } answer or the redirect that follows one; a refusal never says ok
      // (signing out while signed out redirects home, and changes nothing).
      const saidOk = answer.result?.ok === true || (answer.result === null && answer.redirect !== null);
      if (expected) expect({ who, saidOk }).toEqual({ who, saidOk: true });
      else expect({ who, ok: answer.result?.ok }).not.toEqual({ who, ok: true });
    }
    const after = JSON.stringify(await row.state(cell, target));
    if (expected && (!('route' in row) || row.writes)) expect(after).not.toBe(before);
    else expect(after).toBe(before);
  });
});
