/**
 * Background WordPress imports started from /admin/import: the job row is the only link between the admin's
 * browser (which polls it) and the process doing the work (which writes progress, heartbeat and the report).
 */
import 'server-only';
import path from 'node:path';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
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
 * at a time. Check and insert share one immediate transaction, so two admins pressing Start together get one job.
 */
export function createImportJob(input: NewImportJob, now = new Date()): ImportJob | null {
  const db = getDb();
  return db.transaction(
    (tx) => {
      if (anotherIsLive(tx, now)) return null;
      return tx
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
        .returning()
        .get();
    },
    { behavior: 'immediate' },
  );
}

/** Whether some import is queued or running and showed a sign of life within the timeout. */
function anotherIsLive(tx: Transaction, now: Date): boolean {
  const since = new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS);
  return (
    tx
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(and(inArray(importJobs.status, ['queued', 'running']), gt(importJobs.heartbeatAt, since)))
      .get() !== undefined
  );
}

/**
 * Hands an interrupted or failed job back to the queue for another run, or returns null when it finished or
 * is still alive, or another import is live. Same transaction rule as createImportJob.
 */
export function requeueImportJob(id: number, now = new Date()): ImportJob | null {
  return getDb().transaction(
    (tx) => {
      const job = tx.select().from(importJobs).where(eq(importJobs.id, id)).get();
      const interrupted = (job?.status === 'queued' || job?.status === 'running') && isStale(job, now);
      if (!job || !(interrupted || job.status === 'failed')) return null;
      if (anotherIsLive(tx, now)) return null;
      return tx.update(importJobs).set({ status: 'queued', heartbeatAt: now, error: null, finishedAt: null }).where(eq(importJobs.id, id)).returning().get();
    },
    { behavior: 'immediate' },
  );
}

/** Upload folders a job may still read (queued, running, or failed and able to run again), so a clean-up leaves them alone. */
export function importJobFolders(): string[] {
  return getDb()
    .select({ filePath: importJobs.filePath })
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'running', 'failed']))
    .all()
    .map((row) => path.dirname(row.filePath));
}

/** The row itself, paths included: for the process running it. */
export function getImportJob(id: number): ImportJob | undefined {
  return getDb().select().from(importJobs).where(eq(importJobs.id, id)).get();
}

export function markImportJobRunning(id: number, now = new Date()): void {
  getDb().update(importJobs).set({ status: 'running', startedAt: now, heartbeatAt: now, stage: 'Starting', progressDone: 0, progressTotal: 0 }).where(eq(importJobs.id, id)).run();
}

export function recordImportProgress(id: number, progress: { stage: string; done: number; total: number }, now = new Date()): void {
  getDb().update(importJobs).set({ stage: progress.stage, progressDone: progress.done, progressTotal: progress.total, heartbeatAt: now }).where(eq(importJobs.id, id)).run();
}

/** Its process ended without finishing it (seen by the server that started it): interrupted at once, not after the timeout. */
export function abandonImportJob(id: number): void {
  getDb()
    .update(importJobs)
    .set({ heartbeatAt: new Date(0) })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['queued', 'running'])))
    .run();
}

export function touchImportJob(id: number, now = new Date()): void {
  getDb().update(importJobs).set({ heartbeatAt: now }).where(eq(importJobs.id, id)).run();
}

export function finishImportJob(id: number, outcome: { report: unknown } | { error: string }, now = new Date()): void {
  const done = 'report' in outcome;
  getDb()
    .update(importJobs)
    .set({ status: done ? 'done' : 'failed', report: done ? outcome.report : null, error: done ? null : outcome.error, stage: done ? 'Finished' : 'Stopped', finishedAt: now, heartbeatAt: now })
    .where(eq(importJobs.id, id))
    .run();
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
type ViewRow = ReturnType<ReturnType<typeof viewQuery>['all']>[number];

function toView({ uploadsPath, options, startedAt, heartbeatAt, ...row }: ViewRow, now: Date): ImportJobView {
  const unfinished = row.status === 'queued' || row.status === 'running';
  return { ...row, dryRun: options.dryRun === true, withUploads: uploadsPath !== null, interrupted: unfinished && isStale({ heartbeatAt, startedAt, createdAt: row.createdAt }, now) };
}

export function getImportJobView(id: number, now = new Date()): ImportJobView | undefined {
  const row = viewQuery().where(eq(importJobs.id, id)).get();
  return row && toView(row, now);
}

/** The newest jobs, for the list on /admin/import. */
export function listImportJobs(limit = 10, now = new Date()): ImportJobView[] {
  return viewQuery()
    .where(eq(importJobs.kind, 'wordpress'))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit)
    .all()
    .map((row) => toView(row, now));
}
