/** Browser steps of following the blog by email, shared by the journeys that subscribe someone. */
import type { Page } from 'playwright-core';
import type { MailCatcher } from '../helpers/mail-catcher';
import type { SiteDatabase } from '../helpers/site-database';

/** The first link to `path` (with its signed token) in an email's plain text. */
export const linkIn = (text: string | undefined, path: string) => text!.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))![0];

/** Reads a subscriber's status (undefined for an address not on the list) from the site's database. */
export const subscriberStatus = async (db: SiteDatabase, email: string) => (await db.get<{ status: string }>('select status from subscribers where email = ?', [email]))?.status;

/**
 * Opens the confirmation link from the `count`th email to `email`, checks that opening it changed nothing,
 * and presses the button. `statusOf` reads the subscriber's status from the database.
 */
export async function confirmFromEmail(page: Page, mail: MailCatcher, email: string, statusOf: (email: string) => Promise<string | undefined> | string | undefined, count = 1) {
  const confirmation = await mail.waitFor(email, count);
  expect(confirmation.subject).toBe('Confirm your subscription to Hearth');
  await page.goto(linkIn(confirmation.text, '/subscription/confirm'));
  await page.getByRole('heading', { level: 1, name: 'Confirm your subscription' }).waitFor();
  expect(await statusOf(email)).toBe('pending'); // opening the link (as a mail scanner would) confirms nobody
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await page.getByText('You are subscribed. Welcome!').waitFor();
  expect(await statusOf(email)).toBe('confirmed');
}
