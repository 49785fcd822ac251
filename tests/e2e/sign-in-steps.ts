/** Browser steps of signing in, shared by the journeys that need a member. */
import type { Page } from 'playwright-core';
import { readSignInEmail, type MailCatcher } from '../helpers/mail-catcher';

/** On the sign-in page: ask for the email and land on "check your email". */
export async function submitEmail(page: Page, email: string) {
  await page.getByRole('main').getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/\/signin\/check$/);
}

/** On "check your email": type the code, then choose a display name on the welcome step. */
export async function finishWithCode(page: Page, code: string, displayName: string) {
  await page.getByLabel('Code from the email').fill(code);
  await page.getByRole('button', { name: 'Sign in with this code' }).click();
  await page.waitForURL(/\/welcome/);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Opens the emailed link, presses its confirmation button, then chooses a display name on the welcome step. */
export async function finishWithLink(page: Page, link: string, displayName: string) {
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/welcome/);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Signs a new member in from the sign-in page with the code from their email; ends back at `returnTo`. */
export async function signInAsNewMember(page: Page, baseUrl: string, mail: MailCatcher, email: string, displayName: string, returnTo = '/') {
  await page.goto(`${baseUrl}/signin?${new URLSearchParams({ callbackUrl: returnTo })}`);
  await submitEmail(page, email);
  const { code } = readSignInEmail(await mail.waitFor(email));
  await finishWithCode(page, code, displayName);
  await page.waitForURL(`${baseUrl}${returnTo}`);
}

export const whoAmI = (page: Page) => page.evaluate(async () => (await (await fetch('/api/me')).json()).user);
