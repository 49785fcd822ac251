/**
 * Imports a WordPress export (WXR) into Hearth. Pass 1 reads the whole file and indexes it, so a file that
 * cannot be read writes nothing and links can point at posts further down; pass 2 reads it again and
 * writes in batches of BATCH_SIZE items, each batch in one transaction (a failure leaves no half-imported
 * post, and running the same export again continues and updates instead of duplicating). A dry run does
 * everything but write and gives the same report. Used by scripts/import-wordpress.ts and the admin job.
 */
import type { CurrentUser } from '@/lib/session';
import { importAuthors } from './import-authors';
import { inBatch, type ImportContext } from './import-context';
import { storeBatchImages } from './import-images';
import { indexExport } from './import-index';
import { linkRewriter } from './import-links';
import { importContentItem, planSlugs } from './import-posts';
import { attachmentRedirects, feedRedirects } from './import-redirects';
import { importTerms } from './import-terms';
import { emptyReport, type ImportReport } from './report';
import { refreshAllReaderPages } from './reader-refresh';
import { readWxr } from './wxr-reader';
import type { UploadsSource, WxrItem } from './wxr-types';

export type ImportOptions = {
  exportPath: string;
  uploads?: UploadsSource | null;
  dryRun: boolean;
  actor: { id: string | null; name: string };
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
  now?: Date;
};

const BATCH_SIZE = 50;

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const progress = (stage: string) => (p: { bytesRead: number; bytesTotal: number }) => options.onProgress?.({ stage, done: p.bytesRead, total: p.bytesTotal });
  const index = await indexExport(options.exportPath, progress('Reading the export'));
  const ctx: ImportContext = {
    index,
    report: emptyReport(options.dryRun, now),
    dryRun: options.dryRun,
    now,
    uploads: options.uploads ?? null,
    usersByLogin: new Map(),
    usersById: new Map(),
    categories: new Map(),
    tags: new Map(),
    postSlugs: new Map(),
    pageSlugs: new Map(),
    media: new Map(),
    claimed: new Set(),
    redirected: new Set(),
  };
  await importAuthors(ctx);
  await importTerms(ctx);
  await inBatch(ctx, (tx) => feedRedirects(ctx, tx));
  await planSlugs(ctx);
  const rewriteLink = linkRewriter(ctx);
  // The import has no account of its own: its uploads and log lines name it, with no user behind them.
  const uploader = { id: options.actor.id as string, name: options.actor.name, role: 'admin' } satisfies CurrentUser;

  let batch: WxrItem[] = [];
  const writeBatch = async () => {
    const images = await storeBatchImages(ctx, uploader, batch);
    const items = batch;
    batch = [];
    await inBatch(ctx, async (tx) => {
      for (const image of images) await attachmentRedirects(ctx, tx, image.attachment, image.rel, image.file);
      for (const item of items) await importContentItem(ctx, tx, item, rewriteLink);
    });
  };
  for await (const entry of readWxr(options.exportPath, { onProgress: progress('Importing') })) {
    if (entry.kind !== 'item') continue;
    batch.push(entry.item);
    if (batch.length >= BATCH_SIZE) await writeBatch();
  }
  await writeBatch();
  ctx.report.finishedAt = new Date().toISOString();
  // Any reader page may show something new (posts, names, pages, menus, categories): all are refreshed.
  if (!ctx.dryRun) await refreshAllReaderPages();
  return ctx.report;
}
