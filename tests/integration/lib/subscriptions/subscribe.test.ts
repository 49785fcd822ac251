/**
 * Joining the list on a real database: double opt-in, the same answer for known and unknown
 * addresses, resending, rate limits, signed links (tampered, expired, for another purpose), expiry.
 */
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { deleteExpiredPending, unsubscribe } from '@/db/queries/subscriber-lifecycle';
import { getSubscriberByEmail } from '@/db/queries/subscriber-lookup';
import { outbox, rateLimitHits, subscribers } from '@/db/schema';
import { confirmSubscriptionAction, resubscribeAction, unsubscribeAction, updateSubscriptionAction } from '@/lib/actions/subscriptions';
import { manageToken, readConfirmToken, readManageToken } from '@/lib/subscriptions/links';
import { confirmSubscription, requestSubscription } from '@/lib/subscriptions/subscribe';
import { subscribeSchema } from '@/lib/validations/subscription';
import { createCategory } from '../../../helpers/fixtures';
import { whileTransactionOpen } from '../../../helpers/open-transaction';

const DAY = 24 * 60 * 60_000;
const queued = () => getDb().select().from(outbox);
const linkIn = (text: string, path: string) => text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))![0];
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
};
/** Server actions end in redirect(): Next throws to do it, carrying the destination. */
const redirectOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  return error?.digest?.split(';')[2] ?? null;
};

beforeEach(async () => {
  await withTransaction((tx) => tx.delete(outbox));
  await withTransaction((tx) => tx.delete(subscribers));
  await withTransaction((tx) => tx.delete(rateLimitHits));
});

describe('subscribing', () => {
  it('records a pending address and queues one confirmation link; only confirming adds it to the list', async () => {
    const health = await createCategory('health-news');
    expect(await requestSubscription('sky@example.org', { frequency: 'each-post', categoryIds: [health.id] }, '10.0.0.1')).toBe('sent');
    const pending = (await getSubscriberByEmail('sky@example.org'))!;
    expect(pending).toMatchObject({ status: 'pending', allCategories: false, categoryIds: [health.id] });
    const [mail] = await queued();
    expect(mail).toMatchObject({ kind: 'subscription-confirm', toAddress: 'sky@example.org', subject: 'Confirm your subscription to Hearth' });
    const link = linkIn(mail.text, '/subscription/confirm');

    // The page behind the link only reads; the button confirms, then leads to the subscription page.
    expect(await readConfirmToken(tokenOf(link))).toMatchObject({ subscriber: { id: pending.id } });
    expect((await getSubscriberByEmail('sky@example.org'))!.status).toBe('pending');
    const destination = await redirectOf(confirmSubscriptionAction({ ok: false }, form({ token: tokenOf(link) })));
    expect(destination).toMatch(/^\/subscription\?token=.+&note=confirmed$/);
    expect((await getSubscriberByEmail('sky@example.org'))!.status).toBe('confirmed');

    // Confirming twice is harmless.
    expect(await redirectOf(confirmSubscriptionAction({ ok: false }, form({ token: tokenOf(link) })))).toMatch(/^\/subscription\?/);
    expect(await confirmSubscription(pending)).toBe(false);
    expect((await getSubscriberByEmail('sky@example.org'))!.status).toBe('confirmed');
  });

  it('answers the same for a known address, changes nothing about it, and emails the owner instead', async () => {
    await requestSubscription('known@example.org', { frequency: 'weekly', categoryIds: [] }, '10.0.0.1');
    await confirmSubscription((await getSubscriberByEmail('known@example.org'))!);
    await withTransaction((tx) => tx.delete(outbox));

    const category = await createCategory();
    expect(await requestSubscription('known@example.org', { frequency: 'each-post', categoryIds: [category.id] }, '10.0.0.2')).toBe('sent');
    expect(await getSubscriberByEmail('known@example.org')).toMatchObject({ status: 'confirmed', frequency: 'weekly', allCategories: true });
    expect(await queued()).toMatchObject([{ kind: 'subscription-notice', toAddress: 'known@example.org', subject: 'You are already subscribed to Hearth' }]);
  });

  it('re-sends the confirmation when a pending address subscribes again, and rate-limits per address and per IP', async () => {
    for (let i = 0; i < 3; i++) expect(await requestSubscription('again@example.org', { frequency: 'each-post', categoryIds: [] }, '10.0.0.9')).toBe('sent');
    expect((await queued()).filter((m) => m.kind === 'subscription-confirm')).toHaveLength(3);
    expect(await requestSubscription('again@example.org', { frequency: 'each-post', categoryIds: [] }, '10.0.0.9')).toBe('rate-limited');
    expect(await queued()).toHaveLength(3);

    let outcome = 'sent';
    for (let i = 0; outcome === 'sent' && i < 30; i++) outcome = await requestSubscription(`flood${i}@example.org`, { frequency: 'each-post', categoryIds: [] }, '10.0.0.66');
    expect(outcome).toBe('rate-limited');
    expect((await getDb().select().from(subscribers)).filter((s) => s.email.startsWith('flood'))).toHaveLength(20); // 20 per IP in 15 minutes, then refused
  });

  it('refuses tampered links, links for another purpose or address, and expired confirmations; forgets stale sign-ups', async () => {
    const t0 = new Date();
    await requestSubscription('late@example.org', { frequency: 'each-post', categoryIds: [] }, '10.0.0.1', t0);
    const subscriber = (await getSubscriberByEmail('late@example.org'))!;
    const token = tokenOf(linkIn((await queued())[0].text, '/subscription/confirm'));

    expect(await readConfirmToken(`${token}x`)).toEqual({ problem: 'invalid' });
    expect(await readConfirmToken(manageToken(subscriber))).toEqual({ problem: 'invalid' }); // a manage token cannot confirm
    expect(await readManageToken(token)).toBeNull(); // nor a confirmation token unsubscribe
    expect(await readManageToken(manageToken({ id: subscriber.id, email: 'someone-else@example.org' }))).toBeNull();
    expect(await readConfirmToken(token, new Date(t0.getTime() + 8 * DAY))).toEqual({ problem: 'expired' });
    expect(await confirmSubscriptionAction({ ok: false }, form({ token: `${token}x` }))).toMatchObject({ ok: false, message: expect.stringContaining('not valid') });

    expect(await deleteExpiredPending(new Date(t0.getTime() - 1))).toBe(0);
    expect(await deleteExpiredPending(new Date(t0.getTime() + 1))).toBe(1); // the worker passes "now minus 7 days"
    expect(await getSubscriberByEmail('late@example.org')).toBeNull();
    expect(await readConfirmToken(token)).toEqual({ problem: 'expired' });
  });

  it('signs up, confirms and leaves in turn while another transaction is open at an await', async () => {
    const email = 'Łukasz.Wróbel@example.org';
    expect(await whileTransactionOpen(() => requestSubscription(email, { frequency: 'weekly', categoryIds: [] }, '10.0.0.4'))).toBe('sent');
    const pending = (await getSubscriberByEmail(email))!;
    expect(pending).toMatchObject({ email: 'łukasz.wróbel@example.org', status: 'pending' });
    expect(await whileTransactionOpen(() => confirmSubscription(pending))).toBe(true);
    await whileTransactionOpen(() => unsubscribe(pending.id));
    expect((await getSubscriberByEmail(email))!.status).toBe('unsubscribed');
  });

  it('lets the signed link change choices, leave, and come back; an old confirmation cannot undo leaving', async () => {
    const a = await createCategory();
    await requestSubscription('choices@example.org', { frequency: 'each-post', categoryIds: [] }, '10.0.0.1');
    const confirmLink = tokenOf(linkIn((await queued())[0].text, '/subscription/confirm'));
    const subscriber = (await getSubscriberByEmail('choices@example.org'))!;
    await confirmSubscription(subscriber);
    const token = manageToken(subscriber);

    expect(await updateSubscriptionAction({ ok: false }, form({ token, frequency: 'weekly', categoryIds: [String(a.id)] }))).toMatchObject({ ok: true });
    expect(await getSubscriberByEmail('choices@example.org')).toMatchObject({ frequency: 'weekly', allCategories: false, categoryIds: [a.id] });
    expect(await updateSubscriptionAction({ ok: false }, form({ token, frequency: 'hourly' }))).toMatchObject({ ok: false, fieldErrors: { frequency: expect.any(Array) } });
    expect(await updateSubscriptionAction({ ok: false }, form({ token, frequency: 'weekly', categoryIds: ['999999'] }))).toMatchObject({ ok: false, fieldErrors: { categoryIds: expect.any(Array) } });
    expect(await updateSubscriptionAction({ ok: false }, form({ token: `${token}x`, frequency: 'weekly' }))).toMatchObject({ ok: false });
    expect(await getSubscriberByEmail('choices@example.org')).toMatchObject({ frequency: 'weekly', categoryIds: [a.id] });

    await redirectOf(unsubscribeAction({ ok: false }, form({ token })));
    expect((await getSubscriberByEmail('choices@example.org'))!.status).toBe('unsubscribed');
    expect(await confirmSubscriptionAction({ ok: false }, form({ token: confirmLink }))).toMatchObject({ ok: false, message: expect.stringContaining('older than your decision') });
    expect((await getSubscriberByEmail('choices@example.org'))!.status).toBe('unsubscribed');

    await redirectOf(resubscribeAction({ ok: false }, form({ token })));
    expect((await getSubscriberByEmail('choices@example.org'))!.status).toBe('confirmed');
    await unsubscribe(subscriber.id);
  });
});

describe('the subscribe form schema (browser and server)', () => {
  const parse = (email: string, extra: Record<string, unknown> = {}) => subscribeSchema.safeParse({ email, ...extra });
  it.each([
    ['', 'Enter your email address.'],
    ['not-an-address', 'Enter a valid email address'],
    ['victim@example.org\r\nBcc: everyone@example.org', 'cannot contain line breaks'],
    ['victim@example.org\nBcc: x@example.org', 'cannot contain line breaks'],
    [`${'a'.repeat(250)}@example.org`, 'too long'],
  ])('refuses %j', (email, message) => {
    const result = parse(email);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain(message);
  });

  it('normalises the address and reads ticked topics however the form sent them', () => {
    expect(parse('  Sky@Example.ORG ').data).toEqual({ email: 'sky@example.org', frequency: 'each-post', categoryIds: [] });
    expect(parse('a@example.org', { categoryIds: '3' }).data!.categoryIds).toEqual([3]);
    expect(parse('a@example.org', { categoryIds: ['3', '4'], frequency: 'weekly' }).data).toMatchObject({ categoryIds: [3, 4], frequency: 'weekly' });
    expect(parse('a@example.org', { categoryIds: false }).data!.categoryIds).toEqual([]);
    expect(parse('a@example.org', { categoryIds: ['x'] }).success).toBe(false);
  });
});
