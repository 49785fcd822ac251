/**
 * Workers beside web servers on one PostgreSQL database. A sign-in email asked for through a server whose own worker
 * is off is sent at once by a worker elsewhere (`npm run worker`, or the inline worker of another server), woken by
 * PostgreSQL's NOTIFY: measured from the same point of that worker's 2-second poll as a message written silently into
 * the outbox (no wake-up), which has to wait for the next poll. A worker whose listening connection is cut says so,
 * listens again, and is woken as before. Without AUTH_SECRET `npm run worker` refuses to start, in one line.
 */
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { submitForm } from './support/actions';
import { startServer, type App } from './support/app';
import { startScript, startSite, type RunningProcess, type Site } from './support/site';

let site: Site;
let mail: MailCatcher;
let worker: RunningProcess;
let other: App | undefined;
let sent = 0;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When the first message to `to` arrived (looked for every 10 ms). */
async function arrival(to: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (mail.messages.some((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)))) return Date.now();
    await pause(10);
  }
  throw new Error(`nothing for ${to} within 10 s`);
}

/** A message written straight into the outbox, due now: nothing wakes a worker for it. */
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

/**
 * With one worker running: how long a silent message written right after a poll waits (the poll), and how long a
 * sign-in email asked for at the same point of the poll's cycle takes (the wake-up).
 */
async function pollAndWake(): Promise<{ poll: number; wake: number }> {
  const n = ++sent;
  await queueSilently(`first.poll.${n}@example.org`);
  const afterPoll = await arrival(`first.poll.${n}@example.org`);
  await queueSilently(`next.poll.${n}@example.org`);
  const nextPoll = await arrival(`next.poll.${n}@example.org`);
  const answer = await submitForm(site.app.url, 'requestSignInAction', { email: `signing.in.${n}@example.org`, callbackUrl: '/' });
  expect(answer.redirect).toMatch(/^\/signin\/check/);
  return { poll: nextPoll - afterPoll, wake: (await arrival(`signing.in.${n}@example.org`)) - nextPoll };
}

/** The database connections workers listen for queued mail on. */
const listeners = () => site.db.all<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN hearth_outbox'");

beforeAll(async () => {
  mail = await startMailCatcher();
  site = await startSite({ MAIL_WORKER: 'off', EMAIL_SERVER: mail.url });
  worker = startScript(site, 'worker', { EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '1000' });
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline && !/mail worker started/.test(worker.output())) await pause(100);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await other?.stop();
  await site?.stop();
  await mail?.close();
});

describe('a sign-in email asked for through a server with MAIL_WORKER=off', () => {
  it('is sent by `npm run worker` well before its next poll', async () => {
    expect(worker.output()).toMatch(/mail worker started/);
    const { poll, wake } = await pollAndWake();
    expect(poll).toBeGreaterThan(1200);
    expect(wake).toBeLessThan(800);
  });

  it('still is after the worker’s listening connection was cut: the worker says so and listens again', async () => {
    const [listener] = await listeners();
    await site.db.run('SELECT pg_terminate_backend(?)', [listener.pid]);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !/listening for queued mail again/.test(worker.output())) await pause(50);
    expect(worker.output()).toMatch(/wake-up connection to PostgreSQL failed .*connecting again in 1 s/);
    expect(worker.output()).toMatch(/listening for queued mail again/);
    // Listening again, the worker runs one pass off its poll's cycle (for mail queued while it was deaf): one silent
    // message lets that pass go by, so the measurement starts from a poll as the others do.
    await queueSilently('catching.up@example.org');
    await arrival('catching.up@example.org');
    const { poll, wake } = await pollAndWake();
    expect(poll).toBeGreaterThan(1200);
    expect(wake).toBeLessThan(800);
    expect(worker.output()).not.toMatch(/pass failed|not sent/);
  });

  it('is sent by the inline worker of another server on the same database just as fast', async () => {
    await worker.stop();
    other = await startServer({ env: { DATABASE_URL: site.databaseUrl, AUTH_SECRET: site.authSecret, EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '1000' } });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await listeners()).length === 0) await pause(50);
    const { poll, wake } = await pollAndWake();
    expect(poll).toBeGreaterThan(1200);
    expect(wake).toBeLessThan(800);
  });
});

describe('`npm run worker` on PostgreSQL without AUTH_SECRET', () => {
  it('refuses to start, in one line, with a non-zero exit code', async () => {
    const refused = startScript(site, 'worker', { EMAIL_SERVER: mail.url, AUTH_SECRET: '' });
    expect(await refused.exited()).not.toBe(0);
    expect(refused.output().trim().split('\n')).toEqual([expect.stringMatching(/^\[hearth\] refusing to start: AUTH_SECRET is not set and DATABASE_URL is PostgreSQL/)]);
  });
});
