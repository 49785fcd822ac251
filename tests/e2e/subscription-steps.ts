/** Browser steps of following the blog by email, shared by the journeys that subscribe someone. */
import type { Page } from 'playwright-core';
import type { MailCatcher } from '../helpers/mail-catcher';

/** The first link to `path` (with its signed token) in an email's plain text. */
export const linkIn = (text: string | undefined, path: string) => text!.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))![0];

/**
 * Opens the confirmation link from the `count`th email to `email`, checks that opening it changed nothing,
 * and presses the button. `statusOf` reads the subscriber's status from the database.
 */
export async function confirmFromEmail(page: Page, mail: MailCatcher, email: string, statusOf: (email: string) => string | undefined, count = 1) {
  const confirmation = await mail.waitFor(email, count);
  expect(confirmation.subject).toBe('Confirm your subscription to Hearth');
  await page.goto(linkIn(confirmation.text, '/subscription/confirm'));
  await page.getByRole('heading', { level: 1, name: 'Confirm your subscription' }).waitFor();
  expect(statusOf(email)).toBe('pending'); // opening the link (as a mail scanner would) confirms nobody
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await page.getByText('You are subscribed. Welcome!').waitFor();
  expect(statusOf(email)).toBe('confirmed');
}
