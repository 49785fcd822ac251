/**
 * The outbox and its worker against a real SMTP server (npm smtp-server on 127.0.0.1):
 * exactly-once delivery, an outage, a worker that dies mid-batch, and a hard bounce.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { claimDueMail, countOutbox, enqueueMail, markMailSent } from '@/db/queries/outbox';
import { outbox } from '@/db/schema';
import { deliverDueMail } from '@/lib/mail/delivery';
import { freePort } from '../../../e2e/server';
import { smtpSender, startMailCatcher, type MailCatcher } from '../../../helpers/mail-catcher';
import { whileTransactionOpen } from '../../../helpers/open-transaction';

const mail = (n: number, extra: Partial<Parameters<typeof enqueueMail>[0]> = {}) => ({
  kind: 'test',
  to: `reader${n}@example.org`,
  subject: `Message ${n}`,
  text: `Hello ${n}`,
  html: `<p>Hello ${n}</p>`,
  ...extra,
});
const clearOutbox = () => withTransaction((tx) => tx.delete(outbox));
let catcher: MailCatcher | undefined;
afterEach(async () => {
  await catcher?.close();
  catcher = undefined;
  await clearOutbox();
});

describe('the mail worker', () => {
  it('delivers each queued message exactly once, with its headers', async () => {
    catcher = await startMailCatcher();
    for (let n = 1; n <= 5; n++) await enqueueMail(mail(n, { headers: { 'List-Unsubscribe': `<https://example.org/u/${n}>` } }));
    await enqueueMail(mail(1, { dedupeKey: 'once' }));
    await enqueueMail(mail(1, { dedupeKey: 'once' }));
    const send = smtpSender(catcher.port);
    expect(await deliverDueMail({ send, perSecond: 1000 })).toEqual({ sent: 6, retried: 0, failed: 0, cancelled: 0 });
    expect(await deliverDueMail({ send, perSecond: 1000 })).toEqual({ sent: 0, retried: 0, failed: 0, cancelled: 0 });
    expect(catcher.messages).toHaveLength(6);
    expect(catcher.messages.find((m) => m.subject === 'Message 3')!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line).toBe('List-Unsubscribe: <https://example.org/u/3>');
    expect(await countOutbox()).toMatchObject({ queued: 0, sending: 0, failed: 0, sentToday: 6 });
  });

  it('keeps messages queued while SMTP is down, then delivers all of them once it is back', async () => {
    const port = await freePort();
    for (let n = 1; n <= 3; n++) await enqueueMail(mail(n));
    const t0 = Date.now();
    const down = await deliverDueMail({ send: smtpSender(port), perSecond: 1000, now: () => new Date(t0) });
    expect(down).toEqual({ sent: 0, retried: 3, failed: 0, cancelled: 0 });
    const rows = await getDb().select().from(outbox);
    expect(rows.every((r) => r.status === 'queued' && r.lastError && r.nextAttemptAt.getTime() > t0)).toBe(true);

    catcher = await startMailCatcher({ port });
    // Not due yet: the backoff holds them back.
    expect((await deliverDueMail({ send: smtpSender(port), perSecond: 1000, now: () => new Date(t0 + 1000) })).sent).toBe(0);
    expect(await deliverDueMail({ send: smtpSender(port), perSecond: 1000, now: () => new Date(t0 + 31_000) })).toEqual({ sent: 3, retried: 0, failed: 0, cancelled: 0 });
    expect(catcher.messages.map((m) => m.subject).sort()).toEqual(['Message 1', 'Message 2', 'Message 3']);
  });

  it('claims mail someone is waiting for (sign-in, subscription confirmation) before a queue of list mail', async () => {
    for (let n = 1; n <= 60; n++) await enqueueMail(mail(n, { kind: 'new-post' }));
    await enqueueMail(mail(100, { kind: 'sign-in' }));
    await enqueueMail(mail(101, { kind: 'subscription-confirm' }));
    const firstBatch = await claimDueMail(new Date(Date.now() + 1000), 50, 5 * 60_000);
    expect(
      firstBatch
        .map((m) => m.kind)
        .slice(0, 2)
        .sort(),
    ).toEqual(['sign-in', 'subscription-confirm']);
    expect(firstBatch.filter((m) => m.kind === 'new-post')).toHaveLength(48);
  });

  it("never lets one address's flood delay another address's sign-in email", async () => {
    catcher = await startMailCatcher();
    for (let n = 1; n <= 300; n++) await enqueueMail(mail(n, { kind: 'sign-in', to: 'flooded@example.org' }));
    await enqueueMail(mail(0, { kind: 'sign-in', to: 'member@example.org', subject: 'Your sign-in code' }));
    const report = await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000 });
    expect(report.sent).toBe(50);
    // Addresses take turns: the member's email is the second one sent, not the 301st.
    expect(
      catcher.messages
        .slice(0, 2)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['Message 1', 'Your sign-in code']);
    expect(await countOutbox()).toMatchObject({ queued: 251, sending: 0 });
  }, 30_000);

  it('claims and marks mail in its turn while another transaction is open, never on the reading connection', async () => {
    await enqueueMail(mail(1, { to: 'zoë.o’brien@example.org' }));
    const [claimed] = await whileTransactionOpen(() => claimDueMail(new Date(Date.now() + 1000), 50, 5 * 60_000));
    expect(claimed).toMatchObject({ to: 'zoë.o’brien@example.org', attempts: 1 });
    await whileTransactionOpen(() => markMailSent(claimed.id));
    expect(await countOutbox()).toMatchObject({ queued: 0, sending: 0, sentToday: 1 });
  });

  it('lets addresses take turns without putting list mail before mail someone waits for', async () => {
    for (let n = 1; n <= 3; n++) await enqueueMail(mail(n, { kind: 'new-post', to: 'a@example.org' }));
    for (let n = 4; n <= 6; n++) await enqueueMail(mail(n, { kind: 'sign-in', to: 'a@example.org' }));
    await enqueueMail(mail(7, { kind: 'new-post', to: 'b@example.org' }));
    await enqueueMail(mail(8, { kind: 'sign-in', to: 'b@example.org' }));
    const claimed = await claimDueMail(new Date(Date.now() + 1000), 50, 5 * 60_000);
    expect(claimed.map((m) => m.subject)).toEqual(['Message 4', 'Message 8', 'Message 5', 'Message 6', 'Message 7', 'Message 1', 'Message 2', 'Message 3']);
  });

  it('re-sends rows a dead worker had claimed only after their lease runs out, and never twice', async () => {
    catcher = await startMailCatcher();
    for (let n = 1; n <= 4; n++) await enqueueMail(mail(n));
    const t0 = Date.now();
    // A worker claims the batch, sends the first message, marks it, then dies.
    const claimed = await claimDueMail(new Date(t0), 50, 5 * 60_000);
    expect(claimed).toHaveLength(4);
    const send = smtpSender(catcher.port);
    await send(claimed[0]);
    await withTransaction((tx) =>
      tx
        .update(outbox)
        .set({ status: 'sent', sentAt: new Date(t0) })
        .where(eq(outbox.id, claimed[0].id)),
    );

    expect((await deliverDueMail({ send, perSecond: 1000, now: () => new Date(t0 + 60_000) })).sent).toBe(0);
    expect((await deliverDueMail({ send, perSecond: 1000, now: () => new Date(t0 + 5 * 60_000 + 1) })).sent).toBe(3);
    expect(catcher.messages.map((m) => m.subject).sort()).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
  });

  it('marks a message failed, with the reason, when the server refuses the address (5xx)', async () => {
    catcher = await startMailCatcher({ refuse: (address) => address.startsWith('gone') });
    await enqueueMail(mail(1, { to: 'gone@example.org' }));
    await enqueueMail(mail(2));
    expect(await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000 })).toEqual({ sent: 1, retried: 0, failed: 1, cancelled: 0 });
    const failed = (await getDb().select().from(outbox)).find((r) => r.toAddress === 'gone@example.org')!;
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('No such mailbox');
  });
});
