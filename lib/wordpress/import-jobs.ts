/**
 * An admin import's life: the uploaded files become a job row, and the job runs in a process of its own
 * (`scripts/import-wordpress.ts --job <id>`, with the same 256 MB heap as the server), started by the web
 * server itself. So it works with `npm start` alone and under systemd alike, the upload request answers at
 * once, and a reload or another tab finds the job by its row. A process that dies stops its heartbeat; the
 * page then offers to run it again (an import re-run updates what it brought in before).
 */
import 'server-only';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { abandonImportJob, createImportJob, finishImportJob, getImportJob, requeueImportJob } from '@/db/queries/import-jobs';
import type { CurrentUser } from '@/lib/session';
import { removeUpload, uploadFiles } from './import-upload';

export const ANOTHER_IMPORT_RUNS = 'Another import is running. Wait for it to finish (its progress is listed below), then start this one.';
const NOT_INTERRUPTED = 'This import cannot run again: it finished, or it is still running.';
const FILES_GONE = 'The files of this import are gone: choose them again on the import page.';
const SPAWN_FAILED = 'The import could not be started: the server could not start its import process. The server log says why.';

export type StartResult = { ok: true; jobId: number } | { ok: false; message: string };

/** Starts the import of an upload (its export, and its uploads archive if one was sent). */
export async function startImport(input: { uploadId: string; fileName: string; dryRun: boolean }, admin: CurrentUser): Promise<StartResult> {
  const files = uploadFiles(input.uploadId);
  if (!files || !fs.existsSync(files.exportPath)) return { ok: false, message: 'That upload is not here any more: choose the files and start again.' };
  const job = await createImportJob({
    fileName: input.fileName,
    filePath: files.exportPath,
    uploadsPath: fs.existsSync(files.uploadsPath) ? files.uploadsPath : null,
    dryRun: input.dryRun,
    startedById: admin.id,
  });
  if (!job) {
    void removeUpload(files.folder);
    return { ok: false, message: ANOTHER_IMPORT_RUNS };
  }
  launchImportProcess(job.id);
  return { ok: true, jobId: job.id };
}

/** Runs an interrupted or failed job again, from its files (kept unless the run finished or the export was unreadable). */
export async function runImportAgain(jobId: number): Promise<StartResult> {
  const existing = await getImportJob(jobId);
  if (existing && !fs.existsSync(existing.filePath)) return { ok: false, message: FILES_GONE };
  const job = await requeueImportJob(jobId);
  if (!job) return { ok: false, message: NOT_INTERRUPTED };
  launchImportProcess(job.id);
  return { ok: true, jobId: job.id };
}

/** The import process: detached, so it finishes even if the request (or a `next start` reload) goes away. */
function launchImportProcess(jobId: number): void {
  const root = process.cwd();
  const child = spawn(process.execPath, ['--max-old-space-size=256', '--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts', 'import-wordpress.ts'), '--job', String(jobId)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('error', (error) => {
    console.error(`[hearth] import job ${jobId}: could not start its process: ${error.message}`);
    finishImportJob(jobId, { error: SPAWN_FAILED }).catch((failure: unknown) => console.error(`[hearth] import job ${jobId}: recording that failure failed:`, failure));
  });
  child.on('exit', (code, signal) => {
    if (code === 0) return;
    console.error(`[hearth] import job ${jobId}: its process ended (${signal ?? `exit code ${code}`})`);
    abandonImportJob(jobId).catch((failure: unknown) => console.error(`[hearth] import job ${jobId}: marking it interrupted failed:`, failure));
  });
  child.unref();
}
