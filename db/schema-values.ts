/**
 * The value lists and limits Hearth's columns take (roles, statuses, choices), with their types: plain data
 * that forms and client components import, apart from the table definitions (db/schema-sqlite.ts,
 * db/schema-postgres.ts) and from anything that opens a database.
 */
import { SUBSCRIPTION_FREQUENCIES, type SubscriptionFrequency } from './subscription-frequencies';

export { SUBSCRIPTION_FREQUENCIES, type SubscriptionFrequency };

export const USER_ROLES = ['member', 'author', 'moderator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** What a new member gets: an email at once when someone replies (at most one per conversation an hour). */
export const NEW_MEMBER_REPLY_NOTIFICATIONS = 'instant' as const;

export const REPLY_NOTIFICATION_CHOICES = ['instant', 'daily', 'never'] as const;
export type ReplyNotificationChoice = (typeof REPLY_NOTIFICATION_CHOICES)[number];

/** How dates read: long "26 November 2026", short "26 Nov 2026", numeric "2026-11-26", us "November 26, 2026". */
export const DATE_FORMATS = ['long', 'short', 'numeric', 'us'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** What a new-post email carries: the whole post, or its summary and a link. */
export const NEW_POST_EMAIL_CONTENTS = ['full', 'summary'] as const;
export type NewPostEmailContent = (typeof NEW_POST_EMAIL_CONTENTS)[number];

export const MODERATION_ALERT_CHOICES = ['instant', 'daily', 'never'] as const;
export type ModerationAlertChoice = (typeof MODERATION_ALERT_CHOICES)[number];

export const POST_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const MENU_ITEM_KINDS = ['page', 'category', 'link'] as const;
export type MenuItemKind = (typeof MENU_ITEM_KINDS)[number];

export const COMMENT_STATUSES = ['approved', 'pending', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const REPORT_REASONS = ['spam', 'unkind', 'unsafe', 'misinformation', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Replies nest this deep at most; a reply to the deepest level joins that level. */
export const MAX_COMMENT_DEPTH = 3;

export const HOLD_REASONS = ['first-comment', 'links', 'blocked-word'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** "cancelled": the person left the list (or their address bounced) before the message went out. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;

export const REDIRECT_ORIGINS = ['wordpress', 'admin'] as const;
export type RedirectOrigin = (typeof REDIRECT_ORIGINS)[number];

export const IMPORTED_KINDS = ['user', 'category', 'tag', 'post', 'page', 'attachment', 'file', 'comment'] as const;
export type ImportedKind = (typeof IMPORTED_KINDS)[number];

export const IMPORT_JOB_KINDS = ['wordpress', 'subscribers'] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'undeliverable'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
