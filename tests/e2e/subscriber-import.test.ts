/**
 * An admin imports the old site's subscribers in "ask each to confirm" mode (issue 15): the preview counts,
 * the import queues one moved-site email per new address, the mail worker delivers them to a real SMTP
 * server, nobody else is emailed, and one person confirms from the link and shows as confirmed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';
import { linkIn, subscriberStatus } from './subscription-steps';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let browser: BrowserContext;
let db: SiteDatabase;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'admin@example.org', MAIL_PER_SECOND: '50' } });
  db = openSiteDatabase(server.databaseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  await mail?.close();
});

const statusOf = (email: string) => subscriberStatus(db, email);

const sentTo = (address: string) => mail.messages.filter((m) => JSON.stringify(m.to).includes(address));

it('imports a list asking each to confirm; the emails arrive; one person confirms', async () => {
  await db.run("INSERT INTO subscribers (email, status, unsubscribed_at) VALUES ('gone@example.org', 'unsubscribed', ?)", [new Date()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-import-'));
  const file = path.join(dir, 'subscribers.csv');
  // A named-column export: odd spellings, a repeat, someone who left here before, one the old site says left, a bad address.
  fs.writeFileSync(
    file,
    'Email Address,Name,Status\n"  Zoe.OBrien@Example.ORG ",Zoë,active\nnew.reader+blog@example.org,,active\nZOE.obrien@example.org,Zoë again,active\ngone@example.org,Gone,active\nsaid-no@example.org,No,unsubscribed\nnot an address,Bad,active\n',
  );

  const page = await browser.newPage();
  await signInAsNewMember(page, server.url, mail, 'admin@example.org', 'Admin', '/admin/subscribers');
  await page.getByRole('link', { name: 'Import subscribers from your old site (CSV)' }).click();
  await page.waitForURL(/\/admin\/subscribers\/import$/);
  await page.getByLabel('CSV file of subscribers').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await page.getByText('Choose how to bring these people in.').waitFor();
  await page.getByLabel(/Ask each to confirm/).check();
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const preview = page.getByRole('region', { name: 'Preview: nothing is written yet' });
  await preview.getByText('line 7: “not an address”').waitFor();
  await expect(preview.getByRole('definition').allTextContents()).resolves.toEqual(['2', '0', '2', '1', '1']);
  expect(await statusOf('zoe.obrien@example.org')).toBeUndefined();
  await page.getByRole('button', { name: 'Import 2 subscribers' }).click();
  await page.getByRole('region', { name: 'Import finished' }).getByText('2 confirmation emails are queued').waitFor();

  const invite = await mail.waitFor('zoe.obrien@example.org');
  expect(invite.subject).toBe('Hearth has moved: do you still want our posts by email?');
  await mail.waitFor('new.reader+blog@example.org');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const address of ['gone@example.org', 'said-no@example.org']) expect(sentTo(address)).toEqual([]);
  expect(sentTo('zoe.obrien@example.org')).toHaveLength(1);

  const reader = await browser.newPage();
  await reader.goto(linkIn(invite.text, '/subscription/confirm'));
  await reader.getByRole('button', { name: 'Confirm my subscription' }).click();
  await reader.getByText('You are subscribed. Welcome!').waitFor();
  await page.goto(`${server.url}/admin/subscribers?q=zoe.obrien`);
  await page.getByRole('cell', { name: 'Confirmed' }).waitFor();
  expect(await statusOf('gone@example.org')).toBe('unsubscribed');
  expect(await statusOf('said-no@example.org')).toBeUndefined();
  fs.rmSync(dir, { recursive: true, force: true });
});
