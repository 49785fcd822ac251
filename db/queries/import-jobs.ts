/**
 * Background WordPress imports started from /admin/import: the job row is the only link between the admin's
 * browser (which polls it) and the process doing the work (which writes progress, heartbeat and the report).
 */
import 'server-only';
import path from 'node:path';
import { and, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { importJobs, users, type ImportJob } from '@/db/schema';

/** A running job whose process has not written for this long is taken for dead: shown as interrupted, and may be run again. */
export const HEARTBEAT_TIMEOUT_MS = 30_000;

export type NewImportJob = { fileName: string; filePath: string; uploadsPath: string | null; dryRun: boolean; startedById: string };

/** What the progress page and the list show: no paths, no user ids. */
export type ImportJobView = Pick<ImportJob, 'id' | 'status' | 'fileName' | 'progressDone' | 'progressTotal' | 'stage' | 'report' | 'error' | 'createdAt' | 'finishedAt'> & {
  dryRun: boolean;
  withUploads: boolean;
  startedByName: string | null;
  /** Queued or running, but its process stopped writing: it died (a restart, a crash). */
  interrupted: boolean;
};

const lastSign = (job: Pick<ImportJob, 'heartbeatAt' | 'startedAt' | 'createdAt'>) => job.heartbeatAt ?? job.startedAt ?? job.createdAt;
const isStale = (job: Pick<ImportJob, 'heartbeatAt' | 'startedAt' | 'createdAt'>, now: Date) => now.getTime() - lastSign(job).getTime() > HEARTBEAT_TIMEOUT_MS;

/**
 * Creates the job, or returns null when another import is queued or running with a live heartbeat: one import
 * at a time. Check and insert share one transaction, so two admins pressing Start together get one job.
 */
export function createImportJob(input: NewImportJob, now = new Date()): Promise<ImportJob | null> {
  return withTransaction(async (tx) => {
    if (await anotherIsLive(now)) return null;
    const [job] = await tx
      .insert(importJobs)
      .values({
        kind: 'wordpress',
        status: 'queued',
        fileName: input.fileName,
        filePath: input.filePath,
        uploadsPath: input.uploadsPath,
        options: { dryRun: input.dryRun },
        startedById: input.startedById,
        createdAt: now,
        heartbeatAt: now,
      })
      .returning();
    return job;
  });
}

/** Whether some import is queued or running and showed a sign of life within the timeout (read in the caller's transaction). */
async function anotherIsLive(now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS);
  const live = await getDb()
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(inArray(importJobs.status, ['queued', 'running']), gt(importJobs.heartbeatAt, since)))
    .limit(1);
  return live.length > 0;
}

/**
 * Hands an interrupted or failed job back to the queue for another run, or returns null when it finished or
 * is still alive, or another import is live. Same transaction rule as createImportJob.
 */
export function requeueImportJob(id: number, now = new Date()): Promise<ImportJob | null> {
  return withTransaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
    const interrupted = (job?.status === 'queued' || job?.status === 'running') && isStale(job, now);
    if (!job || !(interrupted || job.status === 'failed')) return null;
    if (await anotherIsLive(now)) return null;
    const [queued] = await tx.update(importJobs).set({ status: 'queued', heartbeatAt: now, error: null, finishedAt: null }).where(eq(importJobs.id, id)).returning();
    return queued;
  });
}

/** Upload folders a job may still read (queued, running, or failed and able to run again), so a clean-up leaves them alone. */
export async function importJobFolders(): Promise<string[]> {
  const rows = await getDb()
    .select({ filePath: importJobs.filePath })
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'running', 'failed']));
  return rows.map((row) => path.dirname(row.filePath));
}

/** The row itself, paths included: for the process running it. */
export async function getImportJob(id: number): Promise<ImportJob | undefined> {
  const [job] = await getDb().select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return job;
}

/** A job's row changed on its own: each step of the import process writes as it happens. */
async function setImportJob(which: SQL | undefined, values: Partial<typeof importJobs.$inferInsert>): Promise<void> {
  await withTransaction((tx) => tx.update(importJobs).set(values).where(which));
}

export function markImportJobRunning(id: number, now = new Date()): Promise<void> {
  return setImportJob(eq(importJobs.id, id), { status: 'running', startedAt: now, heartbeatAt: now, stage: 'Starting', progressDone: 0, progressTotal: 0 });
}

export function recordImportProgress(id: number, progress: { stage: string; done: number; total: number }, now = new Date()): Promise<void> {
  return setImportJob(eq(importJobs.id, id), { stage: progress.stage, progressDone: progress.done, progressTotal: progress.total, heartbeatAt: now });
}

/** Its process ended without finishing it (seen by the server that started it): interrupted at once, not after the timeout. */
export function abandonImportJob(id: number): Promise<void> {
  return setImportJob(and(eq(importJobs.id, id), inArray(importJobs.status, ['queued', 'running'])), { heartbeatAt: new Date(0) });
}

export function touchImportJob(id: number, now = new Date()): Promise<void> {
  return setImportJob(eq(importJobs.id, id), { heartbeatAt: now });
}

export function finishImportJob(id: number, outcome: { report: unknown } | { error: string }, now = new Date()): Promise<void> {
  const done = 'report' in outcome;
  return setImportJob(eq(importJobs.id, id), {
    status: done ? 'done' : 'failed',
    report: done ? outcome.report : null,
    error: done ? null : outcome.error,
    stage: done ? 'Finished' : 'Stopped',
    finishedAt: now,
    heartbeatAt: now,
  });
}

const VIEW_COLUMNS = {
  id: importJobs.id,
  status: importJobs.status,
  fileName: importJobs.fileName,
  uploadsPath: importJobs.uploadsPath,
  options: importJobs.options,
  progressDone: importJobs.progressDone,
  progressTotal: importJobs.progressTotal,
  stage: importJobs.stage,
  report: importJobs.report,
  error: importJobs.error,
  createdAt: importJobs.createdAt,
  startedAt: importJobs.startedAt,
  heartbeatAt: importJobs.heartbeatAt,
  finishedAt: importJobs.finishedAt,
  startedByName: users.name,
};

const viewQuery = () => getDb().select(VIEW_COLUMNS).from(importJobs).leftJoin(users, eq(users.id, importJobs.startedById));
type ViewRow = Awaited<ReturnType<typeof viewQuery>>[number];

function toView({ uploadsPath, options, startedAt, heartbeatAt, ...row }: ViewRow, now: Date): ImportJobView {
  const unfinished = row.status === 'queued' || row.status === 'running';
  return { ...row, dryRun: options.dryRun === true, withUploads: uploadsPath !== null, interrupted: unfinished && isStale({ heartbeatAt, startedAt, createdAt: row.createdAt }, now) };
}

export async function getImportJobView(id: number, now = new Date()): Promise<ImportJobView | undefined> {
  const [row] = await viewQuery().where(eq(importJobs.id, id)).limit(1);
  return row && toView(row, now);
}

/** The newest jobs, for the list on /admin/import. */
export async function listImportJobs(limit = 10, now = new Date()): Promise<ImportJobView[]> {
  const rows = await viewQuery().where(eq(importJobs.kind, 'wordpress')).orderBy(desc(importJobs.createdAt), desc(importJobs.id)).limit(limit);
  return rows.map((row) => toView(row, now));
}
