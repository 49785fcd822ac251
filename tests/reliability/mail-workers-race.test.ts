/**
 * Four mail workers (`npm run worker`, four processes on one database) started together on 500 queued
 * emails, all trying to claim them at the same moment (the test holds writes back while every worker
 * polls), send each one exactly once: counted at a real SMTP server by the id each message carries, none
 * lost, none twice, and every outbox row marked sent after one attempt.
 */
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { countOf, startSite, startWorkers, type RunningProcess, type Site } from './support/site';

const QUEUED = 500;
const WORKERS = 4;
// Queued but not due until the workers are all running.
const NOT_YET = new Date(Date.now() + 3_600_000);
const PEOPLE = ['zoe.obrien-nunez', 'lukasz', 'amara.okafor', 'siobhan', 'renee', 'jing.chen', 'mateus', 'aroha', 'nnamdi', 'ingrid'];

let site: Site;
let mail: MailCatcher;
const workers: RunningProcess[] = [];

beforeAll(async () => {
  mail = await startMailCatcher();
  // The web server only makes the database here: its own mail worker is off.
  site = await startSite({ MAIL_WORKER: 'off', EMAIL_SERVER: mail.url });
  for (let i = 1; i <= QUEUED; i++) {
    const to = `${PEOPLE[i % PEOPLE.length]}+${i}@example.org`;
    await site.db.run('INSERT INTO outbox (kind, to_address, subject, text, html, headers, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      'reply',
      to,
      `Zoë O’Brien-Ñúñez replied (${i})`,
      `Message ${i}`,
      `<p>Message ${i}</p>`,
      JSON.stringify({ 'X-Hearth-Test-Message': String(i) }),
      NOT_YET,
    ]);
  }
  // Each worker takes seconds to start: all four are polling before any row becomes due.
  workers.push(...(await startWorkers(site, WORKERS, { EMAIL_SERVER: `${mail.url}?pool=true`, MAIL_PER_SECOND: '1000' })));
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await site?.stop();
  await mail?.close();
});

describe(`${WORKERS} mail workers claiming ${QUEUED} queued emails at once`, () => {
  it('sends each email exactly once and marks every row sent', async () => {
    for (const worker of workers) expect(worker.output()).toMatch(/mail worker started/);
    expect(mail.messages).toHaveLength(0);
    await site.db.run('UPDATE outbox SET next_attempt_at = ?', [new Date()]);
    // Every worker polls (every 2 s) while writes wait: they all try to claim the same due rows at once.
    await site.db.holdWrites(2500);
    const unsent = () => countOf(site.db, "SELECT count(*) AS n FROM outbox WHERE status <> 'sent'");
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && (await unsent()) > 0) await new Promise((r) => setTimeout(r, 250));
    // A doubled claim sends again after its row is marked sent: give late copies time to arrive.
    await new Promise((r) => setTimeout(r, 1000));
    await Promise.all(workers.map((w) => w.stop()));

    expect(await unsent()).toBe(0);
    const ids = mail.messages.map((m) => String(m.headers.get('x-hearth-test-message')));
    const copies = new Map<string, number>();
    for (const id of ids) copies.set(id, (copies.get(id) ?? 0) + 1);
    expect([...copies].filter(([, n]) => n > 1)).toEqual([]);
    expect(copies.size).toBe(QUEUED);
    expect(ids).toHaveLength(QUEUED);
    expect(await countOf(site.db, 'SELECT count(*) AS n FROM outbox WHERE attempts <> 1')).toBe(0);
    // No worker failed a pass.
    for (const worker of workers) expect(worker.output()).not.toMatch(/pass failed|not sent|SQLITE_BUSY|database is locked/);
  }, 60_000);
});
