/**
 * The worker loop: on every tick it runs the jobs (lib/jobs/run-jobs.ts), has the pages they changed
 * refreshed, then delivers due mail (lib/mail/delivery.ts). Runs inside the server process
 * (instrumentation.ts, MAIL_WORKER=inline) or on its own (`npm run worker`).
 */
import 'server-only';
import { deliverAllDueMail } from '@/lib/mail/delivery';
import { askWebServerToRefreshPages } from '@/lib/page-refresh';
import { runJobs } from './run-jobs';

let running = false;
let started = false;

/** One pass: runs the jobs, then sends while full batches come back. Never runs twice at once in a process. */
async function tick(): Promise<void> {
  if (running) return;
  running = true;
  // A job runs outside any request (on this timer, maybe in its own process), where Next cannot drop
  // its cached pages: only the web server can, so it is asked over loopback for the posts just published.
  await askWebServerToRefreshPages(await runJobs());
  try {
    await deliverAllDueMail();
  } catch (error) {
    console.error('[hearth] mail worker pass failed:', error);
  } finally {
    running = false;
  }
}

/** Polls the jobs and the outbox. Inside the server the timer does not keep the process alive; on its own it does. */
export function startWorker({ intervalMs = 2000, keepProcessAlive = false } = {}): void {
  if (started) return;
  started = true;
  const timer = setInterval(tick, intervalMs);
  if (!keepProcessAlive) timer.unref();
  void tick();
}

/** Asks a worker running in this process to look at the outbox now rather than at its next tick. */
export function kickWorker(): void {
  if (started) setImmediate(tick);
}
