/**
 * The tables of the engine DATABASE_URL names (SQLite by default, or PostgreSQL), under the SQLite schema's
 * types: query code is written once and Drizzle builds each engine's SQL from the tables it is given.
 * Both schemas have the same tables, columns and row shapes (tests/unit/db/schema-drift.test.ts).
 * The value lists come from db/schema-values.ts; the row types from db/schema-sqlite.ts, where each table and
 * column is described.
 */
import { databaseEngine } from './database-file';
import * as postgres from './schema-postgres';
import * as sqlite from './schema-sqlite';

export * from './schema-values';
export type { User, Post, NewPost, Category, Tag, Page, SiteSettings, Comment, MenuItem, Upload, Redirect, ImportJob } from './schema-sqlite';

const active = (databaseEngine() === 'postgres' ? postgres : sqlite) as unknown as typeof sqlite;

export const users = active.users;
export const categories = active.categories;
export const categoryRedirects = active.categoryRedirects;
export const tags = active.tags;
export const posts = active.posts;
export const tagRedirects = active.tagRedirects;
export const postTags = active.postTags;
export const pages = active.pages;
export const postWorkingCopies = active.postWorkingCopies;
export const pageWorkingCopies = active.pageWorkingCopies;
export const postRevisions = active.postRevisions;
export const pageRevisions = active.pageRevisions;
export const menuItems = active.menuItems;
export const siteSettings = active.siteSettings;
export const comments = active.comments;
export const commentRevisions = active.commentRevisions;
export const commentReports = active.commentReports;
export const commentPendingEdits = active.commentPendingEdits;
export const accounts = active.accounts;
export const sessions = active.sessions;
export const verificationTokens = active.verificationTokens;
export const rateLimitHits = active.rateLimitHits;
export const replyNotices = active.replyNotices;
export const threadMutes = active.threadMutes;
export const outbox = active.outbox;
export const uploads = active.uploads;
export const pageViewCounts = active.pageViewCounts;
export const referrerCounts = active.referrerCounts;
export const slugRedirects = active.slugRedirects;
export const redirects = active.redirects;
export const importedItems = active.importedItems;
export const importJobs = active.importJobs;
export const activityLog = active.activityLog;
export const subscribers = active.subscribers;
export const subscriberCategories = active.subscriberCategories;
export const waitingComments = active.waitingComments;
