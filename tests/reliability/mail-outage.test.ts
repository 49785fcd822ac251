/**
 * The SMTP server is down (nothing listens on its port) while people sign up, subscribe and reply to
 * each other. Every answer still succeeds, every email waits in the outbox, and once SMTP is back each
 * queued message arrives exactly once. The worker runs inside the server, paced fast for the test; the
 * wait is its own retry backoff (30 s after a first failure), nothing is forced.
 */
import type Database from 'better-sqlite3';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { submitForm } from './support/actions';
import { freePort, startServer, type App } from './support/app';
import { postComment } from './support/comments';
import { createPerson, insertApprovedComment, openDatabase, openPost } from './support/database';

let app: App;
let db: Database.Database;
let mail: MailCatcher | undefined;
let smtpPort: number;

type OutboxRow = { id: number; kind: string; to_address: string; subject: string; status: string; attempts: number; last_error: string | null };
const outbox = () => db.prepare('SELECT id, kind, to_address, subject, status, attempts, last_error FROM outbox ORDER BY id').all() as OutboxRow[];

async function until(what: string, condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  smtpPort = await freePort();
  app = await startServer({ env: { EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`, MAIL_PER_SECOND: '1000', COMMENT_FLOOD_LIMITS: 'off' } });
  db = openDatabase(app.databaseFile);
});
afterAll(async () => {
  db?.close();
  await app?.stop();
  await mail?.close();
});

it('loses no email during an SMTP outage and sends each one exactly once after it', async () => {
  // Sign-ups: sign-in emails for new addresses.
  const newcomers = Array.from({ length: 6 }, (_, i) => `newcomer${i}@example.org`);
  for (const email of newcomers) {
    const answer = await submitForm(app.url, 'requestSignInAction', { email, callbackUrl: '/' });
    expect(answer.status).toBe(200);
    expect(answer.redirect).toMatch(/^\/signin\/check/);
  }
  // Subscriptions: confirmation emails.
  const readers = Array.from({ length: 6 }, (_, i) => `reader${i}@example.org`);
  for (const email of readers) {
    const answer = await submitForm(app.url, 'subscribeAction', { email, frequency: 'each-post' });
    expect(answer.result).toMatchObject({ ok: true });
  }
  // Replies: members who asked to hear about replies at once get one email each.
  const post = openPost(db);
  for (let i = 0; i < 3; i++) {
    const author = createPerson(db);
    db.prepare("UPDATE users SET reply_notifications = 'instant' WHERE id = ?").run(author.id);
    const parentId = insertApprovedComment(db, post.id, author.id, `a comment worth replying to ${i}`);
    const replier = createPerson(db);
    insertApprovedComment(db, post.id, replier.id, `an earlier comment ${i}`);
    const answer = await postComment(app.url, post.id, replier, { body: `a reply ${i}`, parentId });
    expect(answer.status).toBe(201);
    expect(answer.json?.status).toBe('approved');
  }

  // Every message was tried while SMTP was down, failed, and waits for its retry.
  const expected = newcomers.length + readers.length + 3;
  await until(
    'every queued email to be tried once',
    () => {
      const rows = outbox();
      return rows.length === expected && rows.every((r) => r.status === 'queued' && r.attempts >= 1 && r.last_error !== null);
    },
    30_000,
  );
  expect(new Map(outbox().map((r) => [r.kind, 0])).size).toBe(3);

  mail = await startMailCatcher({ port: smtpPort });
  await until('every email to be sent', () => outbox().every((r) => r.status === 'sent') && mail!.messages.length >= expected, 120_000);
  // A few more worker passes: nothing more may arrive.
  await new Promise((r) => setTimeout(r, 5000));

  const received = mail.messages.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ''} | ${m.subject}`);
  const queued = outbox().map((r) => `${r.to_address} | ${r.subject}`);
  expect(received.sort()).toEqual(queued.sort());
  expect(new Set(received).size).toBe(received.length);
  for (const address of [...newcomers, ...readers]) expect(received.filter((r) => r.startsWith(`${address} |`))).toHaveLength(1);
  expect(app.output()).not.toMatch(/SQLITE_BUSY/);
});
