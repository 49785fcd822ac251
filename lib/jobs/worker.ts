/**
 * The worker loop: on every tick it runs the jobs (lib/jobs/run-jobs.ts), has the pages they changed
 * refreshed, then delivers due mail (lib/mail/delivery.ts). Runs inside the server process
 * (instrumentation.ts, MAIL_WORKER=inline) or on its own (`npm run worker`). Every instance on one database may
 * run one: each job runs on one of them at a time (run-jobs.ts), and delivery claims each message once.
 * Queued mail wakes it at once, from any instance on PostgreSQL (db/mail-wake.ts), rather than at the next poll.
 */
import 'server-only';
import { listenForQueuedMail, notifyMailQueued } from '@/db/mail-wake';
import { deliverAllDueMail } from '@/lib/mail/delivery';
import { askWebServerToRefreshPages } from '@/lib/page-refresh';
import { runJobs } from './run-jobs';

let running = false;
let wokenDuringPass = false;
let started = false;

async function pass(): Promise<void> {
  try {
    // A job runs outside any request (on this timer, maybe in its own process), where Next cannot drop
    // its cached pages: only the web server can, so it is asked over loopback for the posts just published.
    await askWebServerToRefreshPages(await runJobs());
    await deliverAllDueMail();
  } catch (error) {
    console.error('[hearth] mail worker pass failed:', error);
  }
}

/** Runs passes, never two at once in a process; a wake-up during one adds one more pass after it (however many came). */
async function tick(): Promise<void> {
  if (running) return;
  running = true;
  try {
    do {
      wokenDuringPass = false;
      await pass();
    } while (wokenDuringPass);
  } finally {
    running = false;
  }
}

/** Mail was queued: a pass under way may have looked at the outbox before it was, so it runs again after. */
function wake(): void {
  wokenDuringPass = true;
  void tick();
}

/** Polls the jobs and the outbox. Inside the server the timer does not keep the process alive; on its own it does. */
export function startWorker({ intervalMs = 2000, keepProcessAlive = false } = {}): void {
  if (started) return;
  started = true;
  const timer = setInterval(tick, intervalMs);
  if (!keepProcessAlive) timer.unref();
  listenForQueuedMail(wake);
  void tick();
}

/**
 * Mail was just queued (after its transaction committed): wakes the worker in this process, and on PostgreSQL
 * every instance's, so it leaves now even from a server whose own worker is off.
 */
export function kickWorker(): void {
  if (started) wake();
  notifyMailQueued().catch((error: Error) => console.error(`[hearth] could not wake the other instances' mail workers (they send it at their next poll): ${error.message}`));
}
