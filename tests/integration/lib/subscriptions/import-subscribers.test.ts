/**
 * Importing the old site's subscriber list (issue 15): every kind of row, both modes, and the emails that
 * land in the outbox (one per new address in "ask each to confirm", none otherwise). Real SQLite file.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { outbox, siteSettings, subscribers } from '@/db/schema';
import { readSubscriberCsv, SubscriberCsvError } from '@/lib/subscriptions/import-csv';
import { previewSubscriberImport, runSubscriberImport } from '@/lib/subscriptions/import-subscribers';
import { subscriberImportSchema } from '@/lib/validations/subscriber-import';
import { createSubscriber } from '../../../helpers/fixtures';

beforeAll(() => withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Hearth Community' })));
const now = new Date(Date.UTC(2026, 10, 1, 12));
const row = async (email: string) => (await getDb().select().from(subscribers).where(eq(subscribers.email, email)))[0];
const mailTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email));

describe('reading a subscriber CSV', () => {
  it('reads Jetpack’s plain list without a header, lower-casing and numbering lines', () => {
    const reading = readSubscriberCsv('Ann@Example.org\nbob@example.org\n\nnot-an-address\nann@example.org\n');
    expect(reading.subscribers.map((s) => [s.line, s.email])).toEqual([
      [1, 'ann@example.org'],
      [2, 'bob@example.org'],
    ]);
    expect(reading.invalid).toEqual([{ line: 4, value: 'not-an-address' }]);
    expect(reading.duplicates).toEqual([{ line: 5, email: 'ann@example.org' }]);
    expect(reading.hadNames).toBe(false);
  });

  it('reads Jetpack’s list with its header, and named columns in any order with dates and statuses', () => {
    expect(readSubscriberCsv('email\r\nzoe@example.org\r\n').subscribers.map((s) => [s.line, s.email])).toEqual([[2, 'zoe@example.org']]);
    const reading = readSubscriberCsv(
      '\uFEFFStatus,Name,Email Address,Subscribed\nactive,"O\'Brien, Zoë",zoe@example.org,2023-05-01\nunsubscribed,Gone,gone@example.org,2022-01-01\nbounced,Bounce,bounce@example.org,\nactive,Łukasz,"  LUKE@Example.NET ",not a date\n',
    );
    expect(reading.subscribers).toEqual([
      { line: 2, email: 'zoe@example.org', subscribedAt: new Date('2023-05-01') },
      { line: 5, email: 'luke@example.net', subscribedAt: null },
    ]);
    expect(reading.leftBefore.map((l) => l.email)).toEqual(['gone@example.org', 'bounce@example.org']);
    expect(reading.hadNames).toBe(true);
  });

  it('refuses a file that is not CSV', () => {
    expect(() => readSubscriberCsv('email\n"unclosed@example.org\n')).toThrow(SubscriberCsvError);
  });
});

describe('importing', () => {
  let confirmedBefore: Awaited<ReturnType<typeof createSubscriber>>;
  beforeAll(async () => {
    confirmedBefore = await createSubscriber({ email: 'kept@example.org', frequency: 'weekly' });
    await createSubscriber({ email: 'left@example.org', status: 'unsubscribed', unsubscribedAt: new Date(Date.UTC(2025, 0, 1)) });
    await createSubscriber({ email: 'bounced@example.org', status: 'undeliverable' });
  });
  const csv = [
    'email,name,status',
    'new1@example.org,New One,active',
    'KEPT@example.org,Kept,active',
    'left@example.org,Left,active',
    'bounced@example.org,B,',
    'said-no@example.org,No,unsubscribed',
    'broken@,Broken,active',
    'new2@example.org,New Two,',
    'NEW1@example.org,Again,active',
  ].join('\n');

  it('previews without writing anything', async () => {
    const before = (await getDb().select().from(subscribers)).length;
    expect(await previewSubscriberImport(readSubscriberCsv(csv))).toEqual({
      step: 'preview',
      added: 2,
      existing: 1,
      leftBefore: 3,
      duplicates: [9],
      invalid: [{ line: 7, value: 'broken@' }],
      namesIgnored: true,
      emailsQueued: 0,
    });
    expect(await getDb().select().from(subscribers)).toHaveLength(before);
    expect(await getDb().select().from(outbox)).toEqual([]);
  });

  it('"ask each to confirm": new addresses wait for confirmation, each with one moved-site email in the outbox; nobody else is written to or emailed', async () => {
    const result = await runSubscriberImport(readSubscriberCsv(csv), 'ask', now);
    expect(result).toMatchObject({ step: 'import', added: 2, existing: 1, leftBefore: 3, emailsQueued: 2 });
    expect(await row('new1@example.org')).toMatchObject({ status: 'pending', frequency: 'each-post', allCategories: true, confirmationSentAt: now });
    const mails = await getDb().select().from(outbox);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['new1@example.org', 'new2@example.org']);
    expect(mails[0]).toMatchObject({ kind: 'subscription-confirm', subject: 'Hearth Community has moved: do you still want our posts by email?' });
    expect(mails[0].text).toContain('/subscription/confirm');
    expect(await row('kept@example.org')).toMatchObject({ status: 'confirmed', frequency: 'weekly', confirmedAt: confirmedBefore.confirmedAt });
    expect((await row('left@example.org'))!.status).toBe('unsubscribed');
    expect((await row('bounced@example.org'))!.status).toBe('undeliverable');
    expect(await row('said-no@example.org')).toBeUndefined();
    for (const address of ['kept@example.org', 'left@example.org', 'bounced@example.org', 'said-no@example.org']) expect(await mailTo(address)).toEqual([]);
    // Importing the same file again adds and sends nothing.
    expect(await runSubscriberImport(readSubscriberCsv(csv), 'ask', now)).toMatchObject({ added: 0, existing: 3, emailsQueued: 0 });
    expect(await getDb().select().from(outbox)).toHaveLength(2);
  });

  it('"they agreed": confirmed at once with their old subscription date, and no email', async () => {
    const before = (await getDb().select().from(outbox)).length;
    const result = await runSubscriberImport(readSubscriberCsv('Email,Date\nagreed@example.org,2021-03-04T05:06:07Z\nleft@example.org,2020-01-01\n'), 'confirmed', now);
    expect(result).toMatchObject({ added: 1, leftBefore: 1, emailsQueued: 0 });
    expect(await row('agreed@example.org')).toMatchObject({ status: 'confirmed', confirmedAt: now, createdAt: new Date('2021-03-04T05:06:07Z') });
    expect(await getDb().select().from(outbox)).toHaveLength(before);
  });
});

describe('the form’s schema', () => {
  const file = new File(['a@example.org'], 'list.csv', { type: 'text/csv' });
  it('requires a choice of mode, and consent for importing as confirmed', () => {
    expect(subscriberImportSchema.safeParse({ file }).success).toBe(false);
    const noConsent = subscriberImportSchema.safeParse({ file, mode: 'confirmed' });
    expect(noConsent.success ? [] : noConsent.error.issues.map((i) => i.path[0])).toEqual(['consent']);
    expect(subscriberImportSchema.safeParse({ file, mode: 'confirmed', consent: 'on' }).success).toBe(true);
    expect(subscriberImportSchema.safeParse({ file, mode: 'ask' }).success).toBe(true);
    expect(subscriberImportSchema.safeParse({ file: new File([], 'empty.csv'), mode: 'ask' }).success).toBe(false);
  });
});
