/**
 * Every table, reviewed for a member's data: what "download my data" (db/queries/member-export.ts) includes
 * and what deleting the account (db/queries/account-deletion.ts) does. A table added to db/schema.ts without a
 * row here fails this test, so nobody forgets to decide how a new table treats a person's data.
 */
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/index';
import * as schema from '@/db/schema';

type Review = { export: string; deletion: string };
const none = 'holds nothing about a member';

const MEMBER_DATA_REVIEW: Record<string, Review> = {
  users: { export: 'profile and settings', deletion: 'row deleted' },
  accounts: { export: 'sign-in methods (providers, never tokens)', deletion: 'cascade' },
  sessions: { export: 'expiry dates only (tokens are secrets)', deletion: 'cascade' },
  verification_tokens: { export: 'pending sign-in codes: expiry only', deletion: 'deleted by address' },
  waiting_comments: { export: 'comments sent signed out, waiting for their address to be confirmed', deletion: 'deleted by address' },
  rate_limit_hits: { export: 'keys are hashes, not listed', deletion: 'per-address keys deleted' },
  comments: { export: 'their comments; guest comments left with their address', deletion: 'kept with words removed, or erased (their choice); guest comments with their address first become theirs' },
  comment_revisions: { export: 'earlier versions of each comment', deletion: 'deleted with the comment words; a moderator id stays only as "a moderator"' },
  comment_pending_edits: { export: 'edit awaiting moderation', deletion: 'deleted' },
  comment_reports: { export: 'reports filed, with reason and note', deletion: 'kept for moderators without the reporter (id set null), reason and note kept' },
  reply_notices: { export: 'replies they were told about', deletion: 'cascade' },
  thread_mutes: { export: 'muted conversations', deletion: 'cascade' },
  outbox: { export: 'emails to them: kind, subject, status, dates', deletion: 'queued ones cancelled; address, subject, text, html, headers removed; their name replaced in others\u2019 emails' },
  subscribers: { export: 'subscription', deletion: 'deleted by address' },
  subscriber_categories: { export: 'subscription topics', deletion: 'cascade' },
  posts: { export: 'posts they wrote', deletion: 'refused while they have posts' },
  post_revisions: { export: 'versions they saved', deletion: 'author id null, name "a former member"' },
  page_revisions: { export: 'versions they saved', deletion: 'author id null, name "a former member"' },
  post_working_copies: { export: 'none (an unpublished edit of a post, not theirs)', deletion: 'saved-by id set null' },
  page_working_copies: { export: 'none (an unpublished edit of a page, not theirs)', deletion: 'saved-by id set null' },
  uploads: { export: 'images they uploaded', deletion: 'uploader id set null; the image stays in the posts' },
  activity_log: { export: 'what they did as staff', deletion: 'actor id null, actor name and mentions "a former member"' },
  imported_items: { export: 'where their account was imported from', deletion: 'their user row deleted' },
  import_jobs: { export: 'imports they started', deletion: 'started-by id set null' },
  page_view_counts: { export: 'anonymous counts (said in the export notes)', deletion: none },
  referrer_counts: { export: 'anonymous counts (said in the export notes)', deletion: none },
  categories: { export: none, deletion: none },
  category_redirects: { export: none, deletion: none },
  tags: { export: none, deletion: none },
  tag_redirects: { export: none, deletion: none },
  post_tags: { export: none, deletion: none },
  pages: { export: none, deletion: none },
  menu_items: { export: none, deletion: none },
  site_settings: { export: none, deletion: none },
  slug_redirects: { export: none, deletion: none },
  redirects: { export: none, deletion: none },
};

/** Tables the migrations make outside db/schema.ts (full-text indexes), with SQLite's shadow tables under their name. */
const INDEX_TABLES: Record<string, Review> = {
  posts_fts: { export: 'search index of post text only', deletion: none },
  posts_words: { export: 'the words of published posts, for search suggestions', deletion: none },
  posts_words_vocab: { export: 'a view of posts_words', deletion: none },
};

const schemaTables = () =>
  Object.values(schema)
    .filter((value) => is(value, SQLiteTable))
    .map((table) => getTableName(table as SQLiteTable))
    .sort();

describe('the member data review', () => {
  it('names every table of db/schema.ts', () => {
    expect(Object.keys(MEMBER_DATA_REVIEW).sort()).toEqual(schemaTables());
  });

  it('names every table the migrations create', () => {
    const rows = getDb().$client.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
      sql: string;
    }[];
    const virtual = rows.filter((row) => /^create virtual table/i.test(row.sql)).map((row) => row.name);
    const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
    expect(virtual.sort()).toEqual(Object.keys(INDEX_TABLES).sort());
    expect(
      rows
        .map((row) => row.name)
        .filter((name) => !virtual.includes(name) && !shadow(name))
        .sort(),
    ).toEqual(Object.keys(MEMBER_DATA_REVIEW).sort());
  });
});
