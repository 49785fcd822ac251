/**
 * `npm run worker` beside web servers on one PostgreSQL database. A sign-in email asked for through a server whose
 * own worker is off is sent by the separate worker at once, woken by PostgreSQL's NOTIFY: measured from the same
 * point of the worker's 2-second poll as a message written silently into the outbox (no wake-up), which has to
 * wait for the next poll. And without AUTH_SECRET the worker refuses to start, in one line.
 */
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { submitForm } from './support/actions';
import { startScript, startSite, type RunningProcess, type Site } from './support/site';

let site: Site;
let mail: MailCatcher;
let worker: RunningProcess;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When the first message to `to` arrived (polled every 10 ms). */
async function arrival(to: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (mail.messages.some((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)))) return Date.now();
    await pause(10);
  }
  throw new Error(`nothing for ${to} within 10 s`);
}

/** A message written straight into the outbox, due now: nothing wakes the worker for it. */
const queueSilently = (to: string) =>
  site.db.run('INSERT INTO outbox (kind, to_address, subject, text, html, headers, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    'reply',
    to,
    'Written into the outbox',
    'No wake-up for this one.',
    '<p>No wake-up for this one.</p>',
    '{}',
    new Date(),
  ]);

beforeAll(async () => {
  mail = await startMailCatcher();
  site = await startSite({ MAIL_WORKER: 'off', EMAIL_SERVER: mail.url });
  worker = startScript(site, 'worker', { EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '1000' });
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline && !/mail worker started/.test(worker.output())) await pause(100);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await site?.stop();
  await mail?.close();
});

describe('a sign-in email asked for through a server with MAIL_WORKER=off', () => {
  it('is sent by the separate worker well before its next poll', async () => {
    expect(worker.output()).toMatch(/mail worker started/);
    // Arrives right after one of the worker's polls: the poll clock is read from here.
    await queueSilently('first.poll@example.org');
    const afterPoll = await arrival('first.poll@example.org');
    // Written right after a poll with no wake-up, a message waits for the next one, about 2 s later.
    await queueSilently('next.poll@example.org');
    const nextPoll = await arrival('next.poll@example.org');
    expect(nextPoll - afterPoll).toBeGreaterThan(1200);
    // From the same point of the poll's cycle, the sign-in email is asked for through the web server.
    const answer = await submitForm(site.app.url, 'requestSignInAction', { email: 'zoe.obrien-nunez@example.org', callbackUrl: '/' });
    expect(answer.redirect).toMatch(/^\/signin\/check/);
    const signIn = await arrival('zoe.obrien-nunez@example.org');
    expect(signIn - nextPoll).toBeLessThan(800);
    expect(worker.output()).not.toMatch(/failed|not sent/);
  });
});

describe('the worker on PostgreSQL without AUTH_SECRET', () => {
  it('refuses to start, in one line, with a non-zero exit code', async () => {
    const refused = startScript(site, 'worker', { EMAIL_SERVER: mail.url, AUTH_SECRET: '' });
    const code = await refused.exited();
    expect(code).not.toBe(0);
    expect(refused.output().trim().split('\n')).toEqual([expect.stringMatching(/^\[hearth\] refusing to start: AUTH_SECRET is not set and DATABASE_URL is PostgreSQL/)]);
  });
});
