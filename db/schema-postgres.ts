/**
 * The PostgreSQL twin of db/schema.ts: the same tables, column names, keys, indexes and ON DELETE rules, with
 * PostgreSQL's own types (timestamptz for times, boolean for flags, jsonb for JSON, identity ids). What each
 * table and column means is written once, in db/schema.ts; tests/unit/db/schema-drift.test.ts fails if the two drift.
 * Full-text search lives in a custom migration (db/migrations-postgres), as posts_fts does on SQLite.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  COMMENT_STATUSES,
  DATE_FORMATS,
  HOLD_REASONS,
  IMPORT_JOB_KINDS,
  IMPORT_JOB_STATUSES,
  IMPORTED_KINDS,
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

/* Column helpers: one meaning, PostgreSQL's type. */
/** Ids the database numbers; "by default" so a copied site keeps its ids (the sequence is reset after). */
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
/** A moment in time (SQLite keeps integer milliseconds). */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => at('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: at('email_verified'),
  image: text('image'),
  role: text('role', { enum: USER_ROLES }).notNull().default('member'),
  slug: text('slug').unique(),
  bio: text('bio'),
  commentingBlocked: boolean('commenting_blocked').notNull().default(false),
  replyNotifications: text('reply_notifications', { enum: REPLY_NOTIFICATION_CHOICES }).notNull().default('daily'),
  moderationAlerts: text('moderation_alerts', { enum: MODERATION_ALERT_CHOICES }).notNull().default('never'),
  moderationDigestAt: at('moderation_digest_at'),
  createdAt: createdAt(),
});

export const categories = pgTable('categories', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const categoryRedirects = pgTable('category_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  categoryId: integer('category_id')
    .notNull()
    .references(() => categories.id, { onDelete: 'cascade' }),
});

export const tags = pgTable('tags', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const posts = pgTable(
  'posts',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    body: text('body').notNull(),
    status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
    publishedAt: at('published_at'),
    updatedAt: at('updated_at'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'set null' }),
    commentsClosed: boolean('comments_closed').notNull().default(false),
    contentNote: text('content_note'),
    lastReviewedAt: at('last_reviewed_at'),
    coverImageId: integer('cover_image_id').references((): AnyPgColumn => uploads.id, { onDelete: 'set null' }),
    coverAlt: text('cover_alt'),
    subscribersNotifiedAt: at('subscribers_notified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('posts_status_published_idx').on(t.status, t.publishedAt), index('posts_author_idx').on(t.authorId), index('posts_category_idx').on(t.categoryId)],
);

export const tagRedirects = pgTable('tag_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  tagId: integer('tag_id')
    .notNull()
    .references(() => tags.id, { onDelete: 'cascade' }),
});

export const postTags = pgTable(
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

export const pages = pgTable('pages', {
  id: id(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: PAGE_STATUSES }).notNull().default('published'),
  navOrder: integer('nav_order'),
  updatedAt: at('updated_at'),
  createdAt: createdAt(),
});

export const postWorkingCopies = pgTable('post_working_copies', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  savedById: text('saved_by_id').references(() => users.id, { onDelete: 'set null' }),
  savedAt: at('saved_at').notNull(),
});

export const pageWorkingCopies = pgTable('page_working_copies', {
  pageId: integer('page_id')
    .primaryKey()
    .references(() => pages.id, { onDelete: 'cascade' }),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  savedById: text('saved_by_id').references(() => users.id, { onDelete: 'set null' }),
  savedAt: at('saved_at').notNull(),
});

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: id(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

export const pageRevisions = pgTable(
  'page_revisions',
  {
    id: id(),
    pageId: integer('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('page_revisions_page_idx').on(t.pageId, t.createdAt)],
);

export const menuItems = pgTable(
  'menu_items',
  {
    id: id(),
    parentId: integer('parent_id').references((): AnyPgColumn => menuItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: MENU_ITEM_KINDS }).notNull(),
    pageId: integer('page_id').references(() => pages.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'cascade' }),
    label: text('label'),
    url: text('url'),
  },
  (t) => [index('menu_items_parent_idx').on(t.parentId, t.position)],
);

export const siteSettings = pgTable('site_settings', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  tagline: text('tagline').notNull().default(''),
  about: text('about').notNull().default(''),
  communityLinks: jsonb('community_links').$type<{ label: string; url: string }[]>().notNull().default([]),
  holdFirstComment: boolean('hold_first_comment').notNull().default(true),
  maxCommentLinks: integer('max_comment_links').notNull().default(2),
  blockedWords: jsonb('blocked_words').$type<string[]>().notNull().default([]),
  supportResources: jsonb('support_resources').$type<{ label: string; url: string }[]>().notNull().default([]),
  commentsMembersOnly: boolean('comments_members_only').notNull().default(false),
  commentsNoSnippet: boolean('comments_no_snippet').notNull().default(false),
  iconUploadId: integer('icon_upload_id'),
  logoUploadId: integer('logo_upload_id'),
  timeZone: text('time_zone').notNull().default('UTC'),
  dateFormat: text('date_format', { enum: DATE_FORMATS }).notNull().default('long'),
  statsEnabled: boolean('stats_enabled').notNull().default(true),
  newPostEmail: text('new_post_email', { enum: NEW_POST_EMAIL_CONTENTS }).notNull().default('full'),
});

export const comments = pgTable(
  'comments',
  {
    id: id(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id),
    depth: integer('depth').notNull().default(1),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    html: text('html').notNull(),
    contentNote: text('content_note'),
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    createdAt: createdAt(),
    editedAt: at('edited_at'),
    moderatorEditedAt: at('moderator_edited_at'),
    guestName: text('guest_name'),
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

export const commentRevisions = pgTable(
  'comment_revisions',
  {
    id: id(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    contentNote: text('content_note'),
    replacedAt: at('replaced_at').notNull(),
    replacedByModeratorId: text('replaced_by_moderator_id'),
  },
  (t) => [index('comment_revisions_comment_idx').on(t.commentId)],
);

export const commentReports = pgTable(
  'comment_reports',
  {
    id: id(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
  },
  (t) => [index('comment_reports_comment_idx').on(t.commentId), index('comment_reports_open_idx').on(t.resolvedAt), uniqueIndex('comment_reports_reporter_idx').on(t.commentId, t.reporterId)],
);

export const commentPendingEdits = pgTable('comment_pending_edits', {
  commentId: integer('comment_id')
    .primaryKey()
    .references(() => comments.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  html: text('html').notNull(),
  contentNote: text('content_note'),
  reason: text('reason', { enum: HOLD_REASONS }).notNull(),
  submittedAt: at('submitted_at').notNull(),
});

export const accounts = pgTable(
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

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: at('expires').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: at('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: id(),
    key: text('key').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('rate_limit_hits_key_at_idx').on(t.key, t.at)],
);

export const replyNotices = pgTable(
  'reply_notices',
  {
    id: id(),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    replyId: integer('reply_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    rootId: integer('root_id').notNull(),
    createdAt: createdAt(),
    processedAt: at('processed_at'),
    emailed: boolean('emailed').notNull().default(false),
  },
  (t) => [uniqueIndex('reply_notices_once_idx').on(t.recipientId, t.replyId), index('reply_notices_open_idx').on(t.processedAt)],
);

export const threadMutes = pgTable(
  'thread_mutes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rootId: integer('root_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.rootId] })],
);

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    dedupeKey: text('dedupe_key').unique(),
    postId: integer('post_id'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    leaseUntil: at('lease_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_sent_idx').on(t.status, t.sentAt), index('outbox_post_idx').on(t.postId, t.status)],
);

export const uploads = pgTable('uploads', {
  id: id(),
  file: text('file').notNull().unique(),
  mimeType: text('mime_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  originalName: text('original_name').notNull().default(''),
  alt: text('alt').notNull().default(''),
  caption: text('caption').notNull().default(''),
  variantWidths: jsonb('variant_widths').$type<number[]>().notNull().default([]),
  uploaderId: text('uploader_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const pageViewCounts = pgTable(
  'page_view_counts',
  {
    day: text('day').notNull(),
    path: text('path').notNull(),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'set null' }),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.path] }), index('page_view_counts_post_idx').on(t.postId, t.day)],
);

export const referrerCounts = pgTable(
  'referrer_counts',
  {
    day: text('day').notNull(),
    host: text('host').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.host] })],
);

export const slugRedirects = pgTable('slug_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id, { onDelete: 'cascade' }),
});

export const redirects = pgTable('redirects', {
  id: id(),
  fromPath: text('from_path').notNull().unique(),
  toPath: text('to_path').notNull(),
  hits: integer('hits').notNull().default(0),
  lastHitAt: at('last_hit_at'),
  origin: text('origin', { enum: REDIRECT_ORIGINS }).notNull().default('admin'),
  createdAt: createdAt(),
});

export const importedItems = pgTable(
  'imported_items',
  {
    source: text('source').notNull(),
    kind: text('kind', { enum: IMPORTED_KINDS }).notNull(),
    sourceId: text('source_id').notNull(),
    hearthId: text('hearth_id').notNull(),
    importedAt: at('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] }), index('imported_items_hearth_idx').on(t.kind, t.hearthId)],
);

export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    kind: text('kind', { enum: IMPORT_JOB_KINDS }).notNull(),
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    uploadsPath: text('uploads_path'),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    progressDone: bigint('progress_done', { mode: 'number' }).notNull().default(0),
    progressTotal: bigint('progress_total', { mode: 'number' }).notNull().default(0),
    stage: text('stage').notNull().default(''),
    report: jsonb('report').$type<unknown>(),
    error: text('error'),
    startedById: text('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: at('started_at'),
    heartbeatAt: at('heartbeat_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt)],
);

export const activityLog = pgTable(
  'activity_log',
  {
    id: id(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('activity_log_at_idx').on(t.at)],
);

export const subscribers = pgTable(
  'subscribers',
  {
    id: id(),
    email: text('email').notNull().unique(),
    status: text('status', { enum: SUBSCRIBER_STATUSES }).notNull().default('pending'),
    frequency: text('frequency', { enum: SUBSCRIPTION_FREQUENCIES }).notNull().default('each-post'),
    allCategories: boolean('all_categories').notNull().default(true),
    confirmationSentAt: at('confirmation_sent_at'),
    confirmedAt: at('confirmed_at'),
    unsubscribedAt: at('unsubscribed_at'),
    lastDigestAt: at('last_digest_at'),
    createdAt: createdAt(),
  },
  (t) => [index('subscribers_status_idx').on(t.status, t.frequency)],
);

export const subscriberCategories = pgTable(
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

export const waitingComments = pgTable(
  'waiting_comments',
  {
    id: id(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    body: text('body').notNull(),
    contentNote: text('content_note'),
    parentId: integer('parent_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('waiting_comments_email_post_idx').on(t.email, t.postId)],
);
