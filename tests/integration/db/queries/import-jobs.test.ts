/**
 * Admin import jobs on a real database: one import at a time (even when two start together), a job whose
 * process stopped writing shows as interrupted after 30 s and may run again, finished ones may not, and the
 * view the pages get carries no file paths.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import {
  abandonImportJob,
  createImportJob,
  finishImportJob,
  getImportJobView,
  HEARTBEAT_TIMEOUT_MS,
  listImportJobs,
  markImportJobRunning,
  recordImportProgress,
  requeueImportJob,
} from '@/db/queries/import-jobs';
import { importJobs } from '@/db/schema';
import { createAuthor } from '../../../helpers/fixtures';

const T0 = new Date(Date.UTC(2026, 4, 1, 12));
const later = (ms: number) => new Date(T0.getTime() + ms);
let adminId: string;
const job = (fileName = 'site.xml', at = T0) => createImportJob({ fileName, filePath: `/data/imports/x/${fileName}`, uploadsPath: null, dryRun: false, startedById: adminId }, at);

beforeEach(async () => {
  await withTransaction((tx) => tx.delete(importJobs));
  adminId = (await createAuthor({ role: 'admin', name: 'Ada Admin' })).id;
});

test('a second import is refused while the first one is queued or running, and allowed once it finished', async () => {
  const first = (await job('one.xml'))!;
  expect(await job('two.xml', later(1000))).toBeNull();
  await markImportJobRunning(first.id, later(2000));
  await recordImportProgress(first.id, { stage: 'Importing posts', done: 5, total: 10 }, later(20_000));
  expect(await job('two.xml', later(40_000))).toBeNull();
  await finishImportJob(first.id, { report: { counts: {} } }, later(41_000));
  expect(await job('two.xml', later(42_000))).not.toBeNull();
});

test('a job whose heartbeat stopped shows as interrupted, no longer blocks, and runs again once', async () => {
  const first = (await job())!;
  await markImportJobRunning(first.id, later(1000));
  expect((await getImportJobView(first.id, later(1000 + HEARTBEAT_TIMEOUT_MS - 1)))!.interrupted).toBe(false);
  expect(await requeueImportJob(first.id, later(1000 + HEARTBEAT_TIMEOUT_MS - 1))).toBeNull();
  const stale = later(1000 + HEARTBEAT_TIMEOUT_MS + 1);
  expect(await getImportJobView(first.id, stale)).toMatchObject({ status: 'running', interrupted: true });
  expect(await requeueImportJob(first.id, stale)).toMatchObject({ id: first.id, status: 'queued' });
  // Queued again, with a fresh sign of life: a second "Run it again" or a new import waits.
  expect(await requeueImportJob(first.id, stale)).toBeNull();
  expect(await job('other.xml', stale)).toBeNull();
});

test('a finished import cannot run again; a failed one can', async () => {
  const done = (await job())!;
  await finishImportJob(done.id, { report: { counts: {} } }, later(1000));
  expect(await requeueImportJob(done.id, later(60_000))).toBeNull();
  const failed = (await job('b.xml', later(2000)))!;
  await finishImportJob(failed.id, { error: 'It stopped.' }, later(3000));
  expect(await getImportJobView(failed.id, later(3000))).toMatchObject({ status: 'failed', error: 'It stopped.', interrupted: false });
  expect(await requeueImportJob(failed.id, later(4000))).toMatchObject({ status: 'queued', error: null, finishedAt: null });
});

test('two starts at the same moment make one job', async () => {
  const results = await Promise.all([job('a.xml'), job('b.xml'), job('c.xml')]);
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await getDb().select().from(importJobs).where(eq(importJobs.status, 'queued'))).toHaveLength(1);
});

test('the pages get progress, who started it and the options, never the file paths', async () => {
  const first = (await createImportJob({ fileName: 'site.xml', filePath: '/secret/imports/x/export.xml', uploadsPath: '/secret/imports/x/uploads.zip', dryRun: true, startedById: adminId }, T0))!;
  await recordImportProgress(first.id, { stage: 'Importing comments', done: 3, total: 4 }, later(10));
  const [view] = await listImportJobs(10, later(20));
  expect(view).toMatchObject({ id: first.id, fileName: 'site.xml', stage: 'Importing comments', progressDone: 3, progressTotal: 4, dryRun: true, withUploads: true, startedByName: 'Ada Admin' });
  expect(JSON.stringify(view)).not.toContain('/secret/');
});

test('a job whose process ended shows as interrupted at once, and a new import may start', async () => {
  const first = (await job())!;
  await markImportJobRunning(first.id, later(1000));
  await abandonImportJob(first.id);
  expect(await getImportJobView(first.id, later(2000))).toMatchObject({ status: 'running', interrupted: true });
  expect(await job('next.xml', later(2000))).not.toBeNull();
});
