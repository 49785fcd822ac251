/**
 * Runs one queued admin import inside the import process (`scripts/import-wordpress.ts --job <id>` calls
 * runImportJob): progress into the job row at most every 250 ms, a heartbeat every 5 s so a dead process is
 * noticed, then the report or a plain error. The uploaded files are removed once
 * they are of no more use: after a finished run or an unreadable export; an unexpected failure keeps them for
 * "Run it again". The web server's page cache
 * lives in another process, so a real import asks it over loopback to drop every reader page.
 */
import 'server-only';
import path from 'node:path';
import { finishImportJob, getImportJob, getImportJobView, markImportJobRunning, recordImportProgress, touchImportJob } from '@/db/queries/import-jobs';
import { importWordPress } from './import';
import { removeUpload } from './import-upload';
import { openUploads } from './uploads-source';
import { WxrError, type UploadsSource } from './wxr-types';

const PROGRESS_EVERY_MS = 250;
const HEARTBEAT_EVERY_MS = 5_000;

/** What the admin reads when something other than the export itself failed; the log has the details. */
const unexpectedFailure = (jobId: number) =>
  `The import stopped because of an unexpected problem (reference: import job ${jobId}). Everything from completed batches is kept; run it again to continue, and if it stops again the server log says why.`;

export type RunOutcome = 'done' | 'failed';

/** Heartbeats and progress are written without holding up the import; a failed write is logged, not lost. */
const logFailure = (jobId: number, what: string) => (error: unknown) => console.error(`[hearth] import job ${jobId}: writing its ${what} failed:`, error);

export async function runImportJob(jobId: number): Promise<RunOutcome> {
  const job = await getImportJob(jobId);
  if (!job || job.status !== 'queued') throw new Error(`Import job ${jobId} is not waiting to run (it finished, runs elsewhere, or does not exist).`);
  const dryRun = job.options.dryRun === true;
  const actor = { id: job.startedById, name: (await getImportJobView(jobId))?.startedByName ?? 'An admin' };
  await markImportJobRunning(jobId);
  const heartbeat = setInterval(() => touchImportJob(jobId).catch(logFailure(jobId, 'heartbeat')), HEARTBEAT_EVERY_MS);
  let lastWrite = 0;
  const onProgress = (progress: { stage: string; done: number; total: number }) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    recordImportProgress(jobId, progress).catch(logFailure(jobId, 'progress'));
  };
  let uploads: UploadsSource | null = null;
  try {
    uploads = job.uploadsPath ? await openUploads(job.uploadsPath) : null;
    const report = await importWordPress({ exportPath: job.filePath, uploads, dryRun, actor, onProgress });
    await finishImportJob(jobId, { report });
    clearInterval(heartbeat);
    await removeUpload(path.dirname(job.filePath));
    return 'done';
  } catch (error) {
    clearInterval(heartbeat);
    if (error instanceof WxrError) {
      await finishImportJob(jobId, { error: error.message });
      await removeUpload(path.dirname(job.filePath));
    } else {
      // The files stay for "Run it again": the export was readable, something else failed.
      console.error(`[hearth] import job ${jobId} failed:`, error instanceof Error ? error.stack : String(error));
      await finishImportJob(jobId, { error: unexpectedFailure(jobId) });
    }
    return 'failed';
  } finally {
    clearInterval(heartbeat);
    await uploads?.close();
  }
}
