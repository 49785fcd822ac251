/**
 * Every table Hearth stores, with the row types inferred from them.
 * Times are stored as integer milliseconds since the epoch (UTC).
 * The users table follows the shape Auth.js's Drizzle adapter expects, so sign-in can share it.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  COMMENT_STATUSES,
  DATE_FORMATS,
  HOLD_REASONS,
  IMPORTED_KINDS,
  IMPORT_JOB_KINDS,
  IMPORT_JOB_STATUSES,
  MENU_ITEM_KINDS,
  MODERATION_ALERT_CHOICES,
  NEW_POST_EMAIL_CONTENTS,
  OUTBOX_STATUSES,
  PAGE_STATUSES,
  POST_STATUSES,
  REDIRECT_ORIGINS,
  REPLY_NOTIFICATION_CHOICES,
  REPORT_REASONS,
  SUBSCRIBER_STATUSES,
  SUBSCRIPTION_FREQUENCIES,
  USER_ROLES,
} from './schema-values';

export * from './schema-values';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  /** Display name: what everyone else sees. Often a pseudonym. */
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'timestamp_ms' }),
  image: text('image'),
  role: text('role', { enum: USER_ROLES }).notNull().default('member'),
  /** Public URL segment for authors (/author/<slug>); null for members who never wrote a post. */
  slug: text('slug').unique(),
  bio: text('bio'),
  /** Set by a moderator: the member can read but no longer comment. */
  commentingBlocked: integer('commenting_blocked', { mode: 'boolean' }).notNull().default(false),
  /** "Email me when someone replies": at once by default, at most one email per conversation an hour. */
  // New members hear of replies at once (NEW_MEMBER_REPLY_NOTIFICATIONS, set where accounts are made). The column's
  // own default stays 'daily': changing it would make SQLite rebuild the users table, whose DROP cascades to sessions.
  replyNotifications: text('reply_notifications', { enum: REPLY_NOTIFICATION_CHOICES }).notNull().default('daily'),
  /** Staff only: emails about comments held for moderation and new reports. */
  moderationAlerts: text('moderation_alerts', { enum: MODERATION_ALERT_CHOICES }).notNull().default('never'),
  /** The last moment a daily moderation summary covered (held items and reports after it are new). */
  moderationDigestAt: integer('moderation_digest_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const categories = sqliteTable('categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Order in admin lists and category pickers (lowest first). */
  position: integer('position').notNull().default(0),
});

/** A category's earlier slugs: /category/<old> redirects permanently after a rename. */
export const categoryRedirects = sqliteTable('category_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  categoryId: integer('category_id')
    .notNull()
    .references(() => categories.id, { onDelete: 'cascade' }),
});

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    /** Markdown as the author wrote it; rendered and sanitized when shown. */
    body: text('body').notNull(),
    status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** Set when a published post is edited; shown to readers as "Updated". */
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'set null' }),
    commentsClosed: integer('comments_closed', { mode: 'boolean' }).notNull().default(false),
    /** Shown above the post, folded, for readers who want warning (e.g. "discusses suicide"). */
    contentNote: text('content_note'),
    /** For health-information posts: when someone last checked it is still right. */
    lastReviewedAt: integer('last_reviewed_at', { mode: 'timestamp_ms' }),
    coverImageId: integer('cover_image_id').references((): AnySQLiteColumn => uploads.id, { onDelete: 'set null' }),
    coverAlt: text('cover_alt'),
    /** When the new-post emails were queued: set once, so publishing again never emails subscribers twice. */
    subscribersNotifiedAt: integer('subscribers_notified_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('posts_status_published_idx').on(t.status, t.publishedAt), index('posts_author_idx').on(t.authorId), index('posts_category_idx').on(t.categoryId)],
);

/** A tag's earlier slugs (renamed, or merged into another tag): /tag/<old> redirects permanently. */
export const tagRedirects = sqliteTable('tag_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  tagId: integer('tag_id')
    .notNull()
    .references(() => tags.id, { onDelete: 'cascade' }),
});

export const postTags = sqliteTable(
  'post_tags',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index('post_tags_tag_idx').on(t.tagId)],
);

export const pages = sqliteTable('pages', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** Pages that existed before drafts were possible were all public: they stay published. */
  status: text('status', { enum: PAGE_STATUSES }).notNull().default('published'),
  /** Position in the site navigation; null keeps the page out of the menu. */
  navOrder: integer('nav_order'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

/**
 * Unpublished edits of a published or scheduled post (or a published page): autosave writes here, never to
 * the public row, until the editor presses Update. One per post/page; Discard deletes it.
 * `fields` holds the editor's fields as a JSON object (title, excerpt, body, …).
 */
export const postWorkingCopies = sqliteTable('post_working_copies', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  savedById: text('saved_by_id').references(() => users.id, { onDelete: 'set null' }),
  savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
});

export const pageWorkingCopies = sqliteTable('page_working_copies', {
  pageId: integer('page_id')
    .primaryKey()
    .references(() => pages.id, { onDelete: 'cascade' }),
  fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  savedById: text('saved_by_id').references(() => users.id, { onDelete: 'set null' }),
  savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
});

/** What a post said before each update (and publish), for the editor's history and Restore. */
export const postRevisions = sqliteTable(
  'post_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who made this version, as named at the time. */
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

export const pageRevisions = sqliteTable(
  'page_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pageId: integer('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('page_revisions_page_idx').on(t.pageId, t.createdAt)],
);

/**
 * The site's navigation, edited at /admin/menu: pages, categories and links (inside or to other sites),
 * one level of sub-items (parentId). Label null: a page's or category's own name.
 */
export const menuItems = sqliteTable(
  'menu_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => menuItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: MENU_ITEM_KINDS }).notNull(),
    pageId: integer('page_id').references(() => pages.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'cascade' }),
    label: text('label'),
    url: text('url'),
  },
  (t) => [index('menu_items_parent_idx').on(t.parentId, t.position)],
);

/** One row (id = 1): the settings volunteers change from the browser. */
export const siteSettings = sqliteTable('site_settings', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  tagline: text('tagline').notNull().default(''),
  about: text('about').notNull().default(''),
  /** JSON array of { label, url }, in display order. */
  communityLinks: text('community_links', { mode: 'json' })
    .$type<{ label: string; url: string }[]>()
    .notNull()
    .default(sql`'[]'`),
  /* Moderation rules (WordPress-style). */
  holdFirstComment: integer('hold_first_comment', { mode: 'boolean' }).notNull().default(true),
  maxCommentLinks: integer('max_comment_links').notNull().default(2),
  blockedWords: text('blocked_words', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** Shown to someone who reports a comment: helplines, peer support. JSON [{ label, url }]. */
  supportResources: text('support_resources', { mode: 'json' })
    .$type<{ label: string; url: string }[]>()
    .notNull()
    .default(sql`'[]'`),
  commentsMembersOnly: integer('comments_members_only', { mode: 'boolean' }).notNull().default(false),
  commentsNoSnippet: integer('comments_no_snippet', { mode: 'boolean' }).notNull().default(false),
  /* Site identity. */
  // Columns added to existing tables carry no foreign key (SQLite's ADD COLUMN cannot say ON DELETE):
  // the media library refuses to delete an upload that is the icon or logo.
  iconUploadId: integer('icon_upload_id'),
  logoUploadId: integer('logo_upload_id'),
  /** IANA zone, e.g. "Europe/London": every date shown, and when daily and weekly emails go out. */
  timeZone: text('time_zone').notNull().default('UTC'),
  dateFormat: text('date_format', { enum: DATE_FORMATS }).notNull().default('long'),
  /** Page views are counted (privately, see page_view_counts) unless an admin turns it off. */
  statsEnabled: integer('stats_enabled', { mode: 'boolean' }).notNull().default(true),
  newPostEmail: text('new_post_email', { enum: NEW_POST_EMAIL_CONTENTS }).notNull().default('full'),
});

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id),
    /** 1 for a top-level comment, up to MAX_COMMENT_DEPTH. */
    depth: integer('depth').notNull().default(1),
    /** Null once the member deleted their account and chose to stay as "deleted member". */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** As written (Markdown-lite); empty once deleted. */
    body: text('body').notNull(),
    /** Rendered and sanitized when written. */
    html: text('html').notNull(),
    contentNote: text('content_note'),
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    createdAt: createdAt(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    /** Set when a moderator last changed the text (shown to readers and the author as "edited by a moderator"). */
    moderatorEditedAt: integer('moderator_edited_at', { mode: 'timestamp_ms' }),
    /** A comment brought over from another blog by someone without an account: the name they gave, shown as theirs. */
    guestName: text('guest_name'),
    /**
     * That guest's email address, lower-cased, never shown: when someone signs in with it, the comment
     * becomes theirs (authorId set, both guest fields cleared).
     */
    guestEmail: text('guest_email'),
  },
  (t) => [
    index('comments_post_status_created_idx').on(t.postId, t.status, t.createdAt),
    index('comments_author_created_idx').on(t.authorId, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_status_created_idx').on(t.status, t.createdAt),
    index('comments_guest_email_idx').on(t.guestEmail),
  ],
);

/** Earlier versions of edited comments, for moderators. */
export const commentRevisions = sqliteTable(
  'comment_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    contentNote: text('content_note'),
    replacedAt: integer('replaced_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when a moderator (not the author) made the change that replaced this version. */
    /** No foreign key (added to an existing table): read with a left join; a deleted moderator reads as "a moderator". */
    replacedByModeratorId: text('replaced_by_moderator_id'),
  },
  (t) => [index('comment_revisions_comment_idx').on(t.commentId)],
);

export const commentReports = sqliteTable(
  'comment_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('comment_reports_comment_idx').on(t.commentId),
    index('comment_reports_open_idx').on(t.resolvedAt),
    // One report per member per comment: a second one would only weigh the queue.
    uniqueIndex('comment_reports_reporter_idx').on(t.commentId, t.reporterId),
  ],
);

/**
 * An edit of a public comment that the moderation rules held: the approved text stays public until a
 * moderator approves the edit (it then replaces the text) or rejects it (this row goes). One per comment.
 */
export const commentPendingEdits = sqliteTable('comment_pending_edits', {
  commentId: integer('comment_id')
    .primaryKey()
    .references(() => comments.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  html: text('html').notNull(),
  contentNote: text('content_note'),
  reason: text('reason', { enum: HOLD_REASONS }).notNull(),
  submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
});

/* Auth.js tables: property names are the ones @auth/drizzle-adapter reads. */
export const accounts = sqliteTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_idx').on(t.userId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time sign-in codes (stored hashed by Auth.js); a row is deleted when used. */
export const verificationTokens = sqliteTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** One row per rate-limited attempt, kept in the database so a restart does not reset limits. */
export const rateLimitHits = sqliteTable(
  'rate_limit_hits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** A purpose and a hashed subject, e.g. "sign-in:email:<sha256>"; never a raw address. */
    key: text('key').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('rate_limit_hits_key_at_idx').on(t.key, t.at)],
);

/** "Someone replied to you": written with the approval of the reply, turned into email by the mail worker. */
export const replyNotices = sqliteTable(
  'reply_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    replyId: integer('reply_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** The top-level comment of the conversation, for "mute this thread". */
    rootId: integer('root_id').notNull(),
    createdAt: createdAt(),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
    /** Closed with an email (not silently): "at once" sends at most one email per conversation an hour. */
    emailed: integer('emailed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('reply_notices_once_idx').on(t.recipientId, t.replyId), index('reply_notices_open_idx').on(t.processedAt)],
);

/** Conversations a member asked not to hear about any more. */
export const threadMutes = sqliteTable(
  'thread_mutes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rootId: integer('root_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.rootId] })],
);

/**
 * Every outgoing email, written in the same transaction as the change that causes it and sent by the
 * mail worker: claimed with a lease before sending, marked sent after, retried with backoff.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** What kind of message: sign-in, reply, reply-digest… (for the admin view and logs). */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: text('headers', { mode: 'json' })
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'`),
    /** Set for messages that must go out at most once (a reply notice per comment and recipient). */
    dedupeKey: text('dedupe_key').unique(),
    /** The post a new-post email announces: the post's admin page shows its delivery. */
    /** No foreign key (added to an existing table): the outbox is a log, and outlives a deleted post. */
    postId: integer('post_id'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_sent_idx').on(t.status, t.sentAt), index('outbox_post_idx').on(t.postId, t.status)],
);

/** Images editors uploaded, stored resized in the data folder (served at /media/<file>). */
export const uploads = sqliteTable('uploads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The stored file's name, e.g. "3f9c…e1.webp". */
  file: text('file').notNull().unique(),
  mimeType: text('mime_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  /** The name the file had on the uploader's computer, for searching the library. */
  originalName: text('original_name').notNull().default(''),
  /** Describes the picture for people who cannot see it; required before it goes into a post. */
  alt: text('alt').notNull().default(''),
  caption: text('caption').notNull().default(''),
  /** Widths of the smaller copies stored beside the file ("<name>-<width>.webp"), for srcset. */
  variantWidths: text('variant_widths', { mode: 'json' })
    .$type<number[]>()
    .notNull()
    .default(sql`'[]'`),
  uploaderId: text('uploader_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * Private reading counts: views per day and path, and per day and referring site. No visitor is stored
 * (no IP, no user agent, no cookie); a row is only a counter. `day` is "YYYY-MM-DD" in the site's time zone.
 */
export const pageViewCounts = sqliteTable(
  'page_view_counts',
  {
    day: text('day').notNull(),
    /** The reader path counted, e.g. "/posts/pacing"; postId is set for post pages. */
    path: text('path').notNull(),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'set null' }),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.path] }), index('page_view_counts_post_idx').on(t.postId, t.day)],
);

export const referrerCounts = sqliteTable(
  'referrer_counts',
  {
    day: text('day').notNull(),
    /** The referring site's host only (never the full address), e.g. "forum.example.org". */
    host: text('host').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.host] })],
);

/** A post's earlier slugs: old links keep working with a permanent redirect. */
export const slugRedirects = sqliteTable('slug_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id, { onDelete: 'cascade' }),
});

/**
 * Moved addresses: a request for `fromPath` that no Hearth page answers is sent permanently to `toPath`.
 * Imports write one per old WordPress address; admins add their own at /admin/redirects.
 * `fromPath` is normalized (lib/redirects): a path without its trailing slash, lower case, plus the one
 * query WordPress used for it if any ("/?p=42", "/?page_id=7").
 */
export const redirects = sqliteTable('redirects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fromPath: text('from_path').notNull().unique(),
  /** A Hearth path ("/posts/pacing") or, for admin-made ones, another site's https address. */
  toPath: text('to_path').notNull(),
  hits: integer('hits').notNull().default(0),
  lastHitAt: integer('last_hit_at', { mode: 'timestamp_ms' }),
  origin: text('origin', { enum: REDIRECT_ORIGINS }).notNull().default('admin'),
  createdAt: createdAt(),
});

/**
 * What an import brought in, by its id on the site it came from, so running the same export again
 * updates those rows instead of adding twins. `source` names that site (its base address as the export
 * gives it); `sourceId` is its id there (a WordPress ID, or for a `file` the uploads path
 * "2024/05/x.jpg"); `hearthId` is the row's id here, as text (users have text ids).
 */
export const importedItems = sqliteTable(
  'imported_items',
  {
    source: text('source').notNull(),
    kind: text('kind', { enum: IMPORTED_KINDS }).notNull(),
    sourceId: text('source_id').notNull(),
    hearthId: text('hearth_id').notNull(),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] }), index('imported_items_hearth_idx').on(t.kind, t.hearthId)],
);

/**
 * An import an admin started from /admin/import: it runs in the background and the progress page
 * reads this row, so a reload (or another tab) finds it. The uploaded files live in the data folder
 * until the job ends. `report` is the finished run's report (lib/wordpress/report.ts) as JSON.
 */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: IMPORT_JOB_KINDS }).notNull(),
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
    /** The name the export had on the admin's computer, for the page's heading. */
    fileName: text('file_name').notNull(),
    /** Where the upload is kept in the data folder while the job runs. */
    filePath: text('file_path').notNull(),
    uploadsPath: text('uploads_path'),
    options: text('options', { mode: 'json' })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
    /** Progress: bytes of the export read so far out of its size (a streamed file has no item count up front). */
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** What the run is doing now, in words ("Importing comments"). */
    stage: text('stage').notNull().default(''),
    report: text('report', { mode: 'json' }).$type<unknown>(),
    error: text('error'),
    startedById: text('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    /** Touched while running: a job whose heartbeat stopped (the process died) can be resumed. */
    heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt)],
);

/** Who did what, and when: editorial and moderation actions, shown at /admin/activity. */
export const activityLog = sqliteTable(
  'activity_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name at the time, kept if the account goes. */
    actorName: text('actor_name').notNull(),
    /** e.g. "post.publish", "comment.approve", "settings.update". */
    action: text('action').notNull(),
    /** What it was done to, in words ("“Pacing with an energy budget”"). */
    subject: text('subject').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('activity_log_at_idx').on(t.at)],
);

/** People who follow the blog by email. No account needed; an address only gets posts once it is confirmed. */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased. */
    email: text('email').notNull().unique(),
    status: text('status', { enum: SUBSCRIBER_STATUSES }).notNull().default('pending'),
    frequency: text('frequency', { enum: SUBSCRIPTION_FREQUENCIES }).notNull().default('each-post'),
    /** True: every post. False: only posts in the categories listed in subscriber_categories. */
    allCategories: integer('all_categories', { mode: 'boolean' }).notNull().default(true),
    /** When the newest confirmation email was queued; pending sign-ups expire 7 days after it. */
    confirmationSentAt: integer('confirmation_sent_at', { mode: 'timestamp_ms' }),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    unsubscribedAt: integer('unsubscribed_at', { mode: 'timestamp_ms' }),
    /** The weekly digest moment last handled for this subscriber (sent or, with nothing new, skipped). */
    lastDigestAt: integer('last_digest_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('subscribers_status_idx').on(t.status, t.frequency)],
);

export const subscriberCategories = sqliteTable(
  'subscriber_categories',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.categoryId] }), index('subscriber_categories_category_idx').on(t.categoryId)],
);

export type User = typeof users.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type Category = typeof categories.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Page = typeof pages.$inferSelect;
export type SiteSettings = typeof siteSettings.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type MenuItem = typeof menuItems.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type Redirect = typeof redirects.$inferSelect;
export type ImportJob = typeof importJobs.$inferSelect;

/**
 * A comment written by someone not signed in, waiting for its author to confirm their address by the
 * emailed link (issue 16). Nothing here is public; the link's token is kept only as its SHA-256.
 * One per address, post and comment replied to: a new one replaces it, and the earlier link stops working.
 */
export const waitingComments = sqliteTable(
  'waiting_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    body: text('body').notNull(),
    contentNote: text('content_note'),
    /**
     * The comment this replies to (null: under the thread). Deliberately no foreign key: erasing that
     * comment must not be blocked nor turn this into a top-level comment unseen (drizzle-kit's ADD COLUMN
     * drops ON DELETE). Comment ids are never reused (AUTOINCREMENT), so a missing parent reads as removed.
     */
    parentId: integer('parent_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('waiting_comments_email_post_idx').on(t.email, t.postId)],
);
