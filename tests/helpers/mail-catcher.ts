/** A real SMTP server (npm smtp-server) on 127.0.0.1 that keeps every message it receives. */
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type MailCatcher = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Each message exactly as it arrived (raw MIME), in the same order as `messages`. */
  sources: string[];
  waitFor(to: string, count?: number): Promise<ParsedMail>;
  /** Resolves when a message arrives while stalled (see `stallAfter`). */
  stalled: Promise<void>;
  /** Stops stalling: later messages are accepted again. */
  release(): void;
  close(): Promise<void>;
};
/** stallAfter: accept that many messages, then leave the next ones unanswered (a sender stuck mid-send). */
export type CatcherOptions = { port?: number; refuse?: (address: string) => boolean; stallAfter?: number };

export async function startMailCatcher(options: CatcherOptions = {}): Promise<MailCatcher> {
  const messages: ParsedMail[] = [];
  const sources: string[] = [];
  let stallAfter = options.stallAfter;
  let onStall = () => {};
  const stalled = new Promise<void>((resolve) => (onStall = resolve));
  const server = new SMTPServer({
    authOptional: true,
    // Its built-in certificate has expired; plain SMTP on loopback is what the test needs.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A test that kills a sender mid-message must not wait 30 s for its connection to time out.
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      if (!options.refuse?.(address.address)) return callback();
      const error = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
      callback(error);
    },
    onData(stream, _session, callback) {
      if (stallAfter !== undefined && messages.length >= stallAfter) {
        // Read the message but never answer: the sender waits, and the message counts as not delivered.
        stream.resume();
        stream.on('end', onStall);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const source = Buffer.concat(chunks);
        simpleParser(source)
          .then((mail) => {
            sources.push(source.toString('utf8'));
            messages.push(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  // A sender stopped in the middle of a message (a server the test stops or kills) resets its connection: that
  // message never arrives, which is what the test then sees. Left unheard, smtp-server's 'error' would end the
  // test run instead. Any other error still does.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
    throw error;
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const sentTo = (mail: ParsedMail, to: string) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((a) => a?.text.includes(to));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    sources,
    stalled,
    release: () => (stallAfter = undefined),
    async waitFor(to, count = 1) {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const found = messages.filter((m) => sentTo(m, to));
        if (found.length >= count) return found[count - 1];
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`No message number ${count} for ${to} within 15 s (got ${messages.length} in all)`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real nodemailer SMTP sender to a catcher, for driving the mail worker in-process. */
export function smtpSender(port: number) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return async (message: { to: string; subject: string; text: string; html: string; headers?: Record<string, string> }) => {
    await transport.sendMail({ from: 'Hearth <hello@hearth.test>', ...message });
  };
}

/** The confirmation link and the code from a sign-in email's plain-text part. */
export function readSignInEmail(mail: ParsedMail): { link: string; code: string } {
  const text = mail.text ?? '';
  const link = text.match(/https?:\/\/\S+\/signin\/confirm\?\S+/)?.[0];
  const code = text.match(/Your code: ([A-Z0-9]{4}-[A-Z0-9]{4})/)?.[1];
  if (!link || !code) throw new Error(`Not a sign-in email:\n${text}`);
  return { link, code };
}
