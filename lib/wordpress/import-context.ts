/**
 * What the steps of one import share: the export's index, the report, and the maps from WordPress ids and
 * slugs to Hearth rows built as the run goes. In a dry run nothing is written: `write` returns a stand-in
 * and slugs are only claimed in memory, so the report comes out the same.
 */
import type { Db } from '@/db/index';
import { isSlugTaken, runInTransaction } from '@/db/queries/wordpress-import';
import { slugify } from '@/db/slug';
import type { ExportIndex } from './import-index';
import { note, type ImportReport } from './report';
import type { UploadsSource } from './wxr-types';

export type ImportContext = {
  index: ExportIndex;
  report: ImportReport;
  dryRun: boolean;
  now: Date;
  uploads: UploadsSource | null;
  /** WordPress login and WordPress author id → Hearth user id. */
  usersByLogin: Map<string, string>;
  usersById: Map<string, string>;
  /** WordPress term slug → Hearth category or tag. */
  categories: Map<string, { id: number; slug: string }>;
  tags: Map<string, { id: number; slug: string }>;
  /** WordPress post/page id → Hearth slug (planned before pass 2, so links can point forward). */
  postSlugs: Map<string, string>;
  pageSlugs: Map<string, string>;
  /** Uploads-relative path → stored Hearth file ("ab12….webp"); null when the file is missing. */
  media: Map<string, { id: number; file: string } | null>;
  claimed: Set<string>;
  /** Redirect from-paths written in this run: two old spellings of one address count once. */
  redirected: Set<string>;
};

/** A batch's transaction; undefined in a dry run, where nothing is written. */
export type Tx = Db | undefined;

/** Runs one batch in one transaction (all or nothing); a dry run only goes through the motions. */
export async function inBatch(ctx: ImportContext, work: (tx: Tx) => Promise<void>): Promise<void> {
  if (ctx.dryRun) await work(undefined);
  else await runInTransaction(work);
}

let standIn = 0;
/** Runs a write, or in a dry run returns a negative stand-in id without touching the database. */
export async function write<T>(ctx: ImportContext, work: () => Promise<T>, dryValue: T): Promise<T> {
  return ctx.dryRun ? dryValue : work();
}
export const dryId = () => --standIn;

type SlugTable = Parameters<typeof isSlugTaken>[0];

/**
 * The WordPress slug when free, else with -2, -3… (noted in the report). Slugs become lower-case a-z0-9 and
 * dashes; `fallback` is used when nothing of the slug survives.
 */
/** WordPress keeps a slug with accents or emoji percent-encoded ("caf%c3%a9"): read as the words it spells. */
function decodedSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

export async function freeSlug(ctx: ImportContext, table: SlugTable, wanted: string, fallback: string, subject: string, tx?: Tx): Promise<string> {
  const base = slugify(decodedSlug(wanted)) || slugify(fallback) || table.replace(/s$/, '');
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const key = `${table}:${slug}`;
    if (ctx.claimed.has(key) || (await isSlugTaken(table, slug, tx))) continue;
    ctx.claimed.add(key);
    if (slug !== wanted)
      note(ctx.report, {
        subject,
        outcome: 'changed',
        reason: n === 1 ? `Its address is now “${slug}” (Hearth addresses use a-z, 0-9 and dashes).` : `The address “${base}” was taken: it is now “${slug}”.`,
      });
    return slug;
  }
}
