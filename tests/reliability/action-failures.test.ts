/**
 * When the database fails inside a server action, the person gets the typed generic answer with a
 * reference, the server log gets one error line with that same reference, and nothing changes. The
 * failures are the engine's own, made from the test's own connection: a trigger that raises on a write
 * (also the second write of a transaction), or a table renamed away under a read. Each case covers a
 * different kind of action (signed link, public form, member, admin, writer) and, once the database is
 * repaired, succeeds with the very same call, so the failure is the only thing that stopped it.
 */
import crypto from 'node:crypto';
import { submitForm, type ActionAnswer } from './support/actions';
import type { Person } from './support/database';
import { addApprovedComment, addPerson, openPostOf, startSite, type Site } from './support/site';

const AUTH_SECRET = crypto.randomBytes(32).toString('base64url');

let site: Site;

/** A signed email-link token as lib/tokens.ts makes them (HMAC-SHA256 of purpose and body with the auth secret). */
function signedToken(purpose: string, payload: Record<string, string | number>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${crypto.createHmac('sha256', AUTH_SECRET).update(`${purpose}.${body}`).digest('base64url')}`;
}

type Engine = 'sqlite' | 'postgres';
/** The statements that break the database, and those that repair it, on each engine. */
type Failure = Record<Engine, { breakIt: string[]; repair: string[] }>;

/** Every `event` on `table` fails: SQLite raises in the trigger itself, PostgreSQL from a trigger function. */
const raiseOn = (event: 'INSERT' | 'UPDATE', table: string): Failure => ({
  sqlite: {
    breakIt: [`CREATE TRIGGER injected_failure BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`],
    repair: ['DROP TRIGGER injected_failure'],
  },
  postgres: {
    breakIt: [
      "CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$",
      `CREATE TRIGGER injected_failure BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION injected_failure()`,
    ],
    repair: [`DROP TRIGGER injected_failure ON ${table}`, 'DROP FUNCTION injected_failure()'],
  },
});

const renameAway = (table: string): Failure => {
  const statements = { breakIt: [`ALTER TABLE ${table} RENAME TO ${table}_away`], repair: [`ALTER TABLE ${table}_away RENAME TO ${table}`] };
  return { sqlite: statements, postgres: statements };
};

type Case = {
  action: string;
  /** The name the wrapper logs. */
  logged: string;
  failure: Failure;
  setup: () => Promise<Record<string, unknown>>;
  call: (target: Record<string, unknown>) => Promise<ActionAnswer>;
  state: (target: Record<string, unknown>) => Promise<unknown>;
};

const person = (target: Record<string, unknown>, key = 'person') => target[key] as Person;
const one = (sql: string, ...params: unknown[]) => site.db.get(sql, params);
const rowCount = (table: string) => one(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);

const CASES: Case[] = [
  {
    action: 'muteThreadAction',
    logged: 'thread mute',
    failure: raiseOn('INSERT', 'thread_mutes'),
    setup: async () => {
      const member = await addPerson(site.db);
      const rootId = await addApprovedComment(site.db, (await openPostOf(site.db)).id, member.id, 'A conversation to mute.');
      return { person: member, token: signedToken('mute-thread', { u: member.id, r: rootId }) };
    },
    call: (t) => submitForm(site.app.url, 'muteThreadAction', { token: String(t.token) }),
    state: (t) => site.db.all('SELECT * FROM thread_mutes WHERE user_id = ?', [person(t).id]),
  },
  {
    action: 'subscribeAction',
    logged: 'subscription',
    failure: renameAway('categories'),
    setup: async () => ({ email: `fails-${crypto.randomUUID().slice(0, 8)}@example.org`, categoryId: ((await one('SELECT id FROM categories LIMIT 1')) as { id: number }).id }),
    call: (t) => submitForm(site.app.url, 'subscribeAction', { email: String(t.email), frequency: 'each-post', categoryIds: [String(t.categoryId)] }),
    state: async () => [await rowCount('subscribers'), await rowCount('outbox')],
  },
  {
    action: 'replyNotificationsAction',
    logged: 'reply notification choice',
    failure: raiseOn('UPDATE', 'users'),
    setup: async () => ({ person: await addPerson(site.db) }),
    call: (t) => submitForm(site.app.url, 'replyNotificationsAction', { replyNotifications: 'never' }, person(t).cookie),
    state: (t) => one('SELECT reply_notifications FROM users WHERE id = ?', person(t).id),
  },
  {
    action: 'subscribeMemberAction',
    logged: 'member subscription',
    failure: renameAway('subscribers'),
    setup: async () => ({ person: await addPerson(site.db) }),
    call: (t) => submitForm(site.app.url, 'subscribeMemberAction', {}, person(t).cookie),
    state: () => rowCount('subscribers'),
  },
  {
    // The role is changed first and logged second, in one transaction: the failing log entry undoes the change.
    action: 'setRoleAction',
    logged: 'role change',
    failure: raiseOn('INSERT', 'activity_log'),
    setup: async () => ({ person: await addPerson(site.db, 'admin'), target: await addPerson(site.db) }),
    call: (t) => submitForm(site.app.url, 'setRoleAction', { userId: person(t, 'target').id, role: 'moderator' }, person(t).cookie),
    state: async (t) => [await one('SELECT role, slug FROM users WHERE id = ?', person(t, 'target').id), await rowCount('activity_log')],
  },
  {
    action: 'publishPostAction',
    logged: 'publishing',
    failure: raiseOn('UPDATE', 'posts'),
    setup: async () => {
      const author = await addPerson(site.db, 'author');
      const slug = `fails-${crypto.randomUUID().slice(0, 8)}`;
      const [{ id }] = await site.db.all<{ id: number }>("INSERT INTO posts (slug, title, excerpt, body, status, author_id) VALUES (?, 'A draft', '', 'Body.', 'draft', ?) RETURNING id", [
        slug,
        author.id,
      ]);
      return { person: author, postId: id };
    },
    call: (t) => submitForm(site.app.url, 'publishPostAction', { postId: String(t.postId) }, person(t).cookie),
    state: async (t) => [await one('SELECT status, published_at FROM posts WHERE id = ?', t.postId), await rowCount('outbox')],
  },
];

beforeAll(async () => {
  site = await startSite({ AUTH_SECRET, COMMENT_FLOOD_LIMITS: 'off' });
});
afterAll(async () => {
  await site?.stop();
});

const FAILURE_LINE = /^\[hearth\] action "([^"]+)" failed \(request ([0-9a-f]{8})\)/;

/** The wrapper's error lines in the server's JSON log (pino: level 50 is error), with the database's own complaint. */
function failureLines(): { action: string; reference: string; cause: string }[] {
  return site.app
    .output()
    .split('\n')
    .flatMap((line) => {
      let entry: { level?: number; msg?: string; err?: { message?: string } };
      try {
        entry = JSON.parse(line);
      } catch {
        return [];
      }
      const match = FAILURE_LINE.exec(entry.msg ?? '');
      return match && entry.level === 50 ? [{ action: match[1], reference: match[2], cause: entry.err?.message ?? '' }] : [];
    });
}

/** The server's log arrives through a pipe: wait until it holds `count` failure lines. */
async function failureLinesWhen(count: number) {
  const deadline = Date.now() + 5_000;
  while (failureLines().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // A moment more, so a second line for the same failure would show up too.
  await new Promise((r) => setTimeout(r, 200));
  return failureLines();
}

it.each(CASES)('$action: a database failure answers the generic message with a reference, logs it once and changes nothing', async (row) => {
  const target = await row.setup();
  const before = JSON.stringify(await row.state(target));
  const linesBefore = failureLines().length;
  const { breakIt, repair } = row.failure[site.db.engine];
  for (const statement of breakIt) await site.db.run(statement);
  let answer: ActionAnswer;
  try {
    answer = await row.call(target);
  } finally {
    for (const statement of repair) await site.db.run(statement);
  }

  expect(answer.status).toBe(200);
  expect(answer.redirect).toBeNull();
  expect(answer.result).toEqual({ ok: false, message: expect.stringMatching(/^Something went wrong on our side and nothing was changed\. .*\(Reference: [0-9a-f]{8}\.\)$/) });
  const reference = /Reference: ([0-9a-f]{8})/.exec(String(answer.result?.message))![1];
  expect((await failureLinesWhen(linesBefore + 1)).slice(linesBefore)).toEqual([
    { action: row.logged, reference, cause: expect.stringMatching(/injected failure|no such table|relation "\w+" does not exist/) },
  ]);
  expect(site.app.output().split(reference)).toHaveLength(2);
  expect(JSON.stringify(await row.state(target))).toBe(before);

  // Repaired, the same call goes through: the injected failure was all that stopped it.
  const retried = await row.call(target);
  expect(retried.result?.ok === true || (retried.result === null && retried.redirect !== null)).toBe(true);
  expect(JSON.stringify(await row.state(target))).not.toBe(before);
});
