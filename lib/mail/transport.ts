/**
 * Sends one email through nodemailer to EMAIL_SERVER. With no EMAIL_SERVER (the embedded default)
 * the message is written to the server log instead, links in plain text, so a newcomer can still sign in.
 */
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export type MailMessage = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

let transport: Transporter | undefined;

export const emailDeliveryConfigured = (): boolean => Boolean(env.EMAIL_SERVER);

export async function sendMail(message: MailMessage): Promise<void> {
  if (!env.EMAIL_SERVER) {
    // Written to the terminal as it is, outside the scrubbed structured log: on a local site without
    // an email server this is how its owner gets sign-in links (a public site refuses to start so).
    process.stdout.write(`[hearth] email not sent (EMAIL_SERVER is not set) — to: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n[hearth] end of email\n`);
    return;
  }
  transport ??= nodemailer.createTransport(env.EMAIL_SERVER);
  const info = await transport.sendMail({ from: env.EMAIL_FROM, ...message });
  if (info.rejected.length > 0) throw new Error(`The SMTP server refused the recipient of "${message.subject}"`);
}
