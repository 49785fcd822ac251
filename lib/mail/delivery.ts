/**
 * Mail delivery: sends what the outbox holds, at a steady pace, and never loses or doubles a message.
 * Rows are claimed with a lease before sending and marked sent after; a failure is retried with
 * exponential backoff for up to 24 hours; an SMTP 5xx answer is final. The worker loop (lib/jobs/worker.ts)
 * calls it on every tick, after the jobs that queue mail.
 */
import 'server-only';
import { claimDueMail, markMailCancelled, markMailFailed, markMailRetry, markMailSent, type ClaimedMail } from '@/db/queries/outbox';
import { isConfirmedSubscriber, markAddressUndeliverable } from '@/db/queries/subscriber-lifecycle';
import { withTransaction } from '@/db/transaction';
import { env } from '@/lib/env';
import { LIST_MAIL_KINDS } from '@/lib/subscriptions/emails';
import { sendMail, type MailMessage } from './transport';

const BATCH = 50;
const LEASE_MS = 5 * 60_000;
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
const MAX_BACKOFF_MS = 4 * 60 * 60_000;

export type DeliveryOptions = { now?: () => Date; send?: (message: MailMessage) => Promise<void>; perSecond?: number };
export type DeliveryReport = { sent: number; retried: number; failed: number; cancelled: number };

/** 30 s, 1 min, 2 min… up to 4 hours between tries. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);

/** SMTP 5xx (a hard bounce, a refused address) will not get better by trying again. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Someone who unsubscribed (or bounced) after this was queued must not get it: checked and cancelled in one transaction. */
const cancelUnlessSubscribed = (mail: ClaimedMail) =>
  withTransaction(async () => {
    if (await isConfirmedSubscriber(mail.to)) return false;
    await markMailCancelled(mail.id);
    return true;
  });

/** Sends one batch of due messages; returns what happened to them. */
export async function deliverDueMail(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const send = options.send ?? sendMail;
  const gap = 1000 / (options.perSecond ?? env.MAIL_PER_SECOND);
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const claimed = await claimDueMail(now(), BATCH, LEASE_MS);
  for (const [i, mail] of claimed.entries()) {
    if (LIST_MAIL_KINDS.has(mail.kind) && (await cancelUnlessSubscribed(mail))) {
      report.cancelled++;
      continue;
    }
    if (i > 0) await pause(gap);
    try {
      await send({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
      await markMailSent(mail.id, now());
      report.sent++;
    } catch (error) {
      const at = now();
      if (isPermanentFailure(error) || at.getTime() - mail.createdAt.getTime() > GIVE_UP_AFTER_MS) {
        await withTransaction(async () => {
          await markMailFailed(mail.id, describe(error));
          if (isPermanentFailure(error)) await markAddressUndeliverable(mail.to);
        });
        report.failed++;
      } else {
        await markMailRetry(mail.id, describe(error), new Date(at.getTime() + backoffMs(mail.attempts)));
        report.retried++;
      }
      console.error(`[hearth] mail #${mail.id} (${mail.kind}) not sent: ${describe(error)}`);
    }
  }
  return report;
}

const handled = (report: DeliveryReport) => report.sent + report.retried + report.failed + report.cancelled;

/** Sends while full batches come back, so a long queue empties in one pass rather than one batch per tick. */
export async function deliverAllDueMail(): Promise<void> {
  while (handled(await deliverDueMail()) >= BATCH);
}
