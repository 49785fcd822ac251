/**
 * The SMTP server is down (nothing listens on its port) while people sign up, subscribe and reply to
 * each other. Every answer still succeeds, every email waits in the outbox, and once SMTP is back each
 * queued message arrives exactly once. The worker runs inside the server, paced fast for the test; the
 * wait is its own retry backoff (30 s after a first failure), nothing is forced.
 */
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { submitForm } from './support/actions';
import { freePort } from './support/app';
import { postComment } from './support/comments';
import { addApprovedComment, addPerson, openPostOf, startSite, type Site } from './support/site';

let site: Site;
let mail: MailCatcher | undefined;
let smtpPort: number;

type OutboxRow = { id: number; kind: string; to_address: string; subject: string; status: string; attempts: number; last_error: string | null };
const outbox = () => site.db.all<OutboxRow>('SELECT id, kind, to_address, subject, status, attempts, last_error FROM outbox ORDER BY id');

async function until(what: string, condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  smtpPort = await freePort();
  site = await startSite({ EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`, MAIL_PER_SECOND: '1000', COMMENT_FLOOD_LIMITS: 'off' });
});
afterAll(async () => {
  await site?.stop();
  await mail?.close();
});

it('loses no email during an SMTP outage and sends each one exactly once after it', async () => {
  // Sign-ups: sign-in emails for new addresses.
  const newcomers = Array.from({ length: 6 }, (_, i) => `newcomer${i}@example.org`);
  for (const email of newcomers) {
    const answer = await submitForm(site.app.url, 'requestSignInAction', { email, callbackUrl: '/' });
    expect(answer.status).toBe(200);
    expect(answer.redirect).toMatch(/^\/signin\/check/);
  }
  // Subscriptions: confirmation emails.
  const readers = Array.from({ length: 6 }, (_, i) => `reader${i}@example.org`);
  for (const email of readers) {
    const answer = await submitForm(site.app.url, 'subscribeAction', { email, frequency: 'each-post' });
    expect(answer.result).toMatchObject({ ok: true });
  }
  // Replies: members who asked to hear about replies at once get one email each.
  const post = await openPostOf(site.db);
  for (let i = 0; i < 3; i++) {
    const author = await addPerson(site.db);
    await site.db.run("UPDATE users SET reply_notifications = 'instant' WHERE id = ?", [author.id]);
    const parentId = await addApprovedComment(site.db, post.id, author.id, `a comment worth replying to ${i}`);
    const replier = await addPerson(site.db);
    await addApprovedComment(site.db, post.id, replier.id, `an earlier comment ${i}`);
    const answer = await postComment(site.app.url, post.id, replier, { body: `a reply ${i}`, parentId });
    expect(answer.status).toBe(201);
    expect(answer.json?.status).toBe('approved');
  }

  // Every message was tried while SMTP was down, failed, and waits for its retry.
  const expected = newcomers.length + readers.length + 3;
  await until(
    'every queued email to be tried once',
    async () => {
      const rows = await outbox();
      return rows.length === expected && rows.every((r) => r.status === 'queued' && r.attempts >= 1 && r.last_error !== null);
    },
    30_000,
  );
  expect(new Map((await outbox()).map((r) => [r.kind, 0])).size).toBe(3);

  mail = await startMailCatcher({ port: smtpPort });
  await until('every email to be sent', async () => (await outbox()).every((r) => r.status === 'sent') && mail!.messages.length >= expected, 120_000);
  // A few more worker passes: nothing more may arrive.
  await new Promise((r) => setTimeout(r, 5000));

  const received = mail.messages.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ''} | ${m.subject}`);
  const queued = (await outbox()).map((r) => `${r.to_address} | ${r.subject}`);
  expect(received.sort()).toEqual(queued.sort());
  expect(new Set(received).size).toBe(received.length);
  for (const address of [...newcomers, ...readers]) expect(received.filter((r) => r.startsWith(`${address} |`))).toHaveLength(1);
  expect(site.app.output()).not.toMatch(/SQLITE_BUSY/);
});
