/**
 * When the database fails inside a server action, the person gets the typed generic answer with a
 * reference, the server log gets one error line with that same reference, and nothing changes. The
 * failures are real SQLite ones made from the test's own connection: a trigger that RAISEs on a write
 * (also the second write of a transaction), or a table renamed away under a read. Each case covers a
 * different kind of action (signed link, public form, member, admin, writer) and, once the database is
 * repaired, succeeds with the very same call, so the failure is the only thing that stopped it.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { submitForm, type ActionAnswer } from './support/actions';
import { startServer, type App } from './support/app';
import { createPerson, insertApprovedComment, openDatabase, openPost, type Person } from './support/database';

const AUTH_SECRET = crypto.randomBytes(32).toString('base64url');

let app: App;
let db: Database.Database;

/** A signed email-link token as lib/tokens.ts makes them (HMAC-SHA256 of purpose and body with the auth secret). */
function signedToken(purpose: string, payload: Record<string, string | number>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${crypto.createHmac('sha256', AUTH_SECRET).update(`${purpose}.${body}`).digest('base64url')}`;
}

const raiseOn = (event: string): [string, string] => [`CREATE TRIGGER injected_failure BEFORE ${event} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`, 'DROP TRIGGER injected_failure'];
const renameAway = (table: string): [string, string] => [`ALTER TABLE ${table} RENAME TO ${table}_away`, `ALTER TABLE ${table}_away RENAME TO ${table}`];

type Case = {
  action: string;
  /** The name the wrapper logs. */
  logged: string;
  /** [break the database, repair it]. */
  failure: [string, string];
  setup: () => Record<string, unknown>;
  call: (target: Record<string, unknown>) => Promise<ActionAnswer>;
  state: (target: Record<string, unknown>) => unknown;
};

const person = (target: Record<string, unknown>, key = 'person') => target[key] as Person;
const one = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params);

const CASES: Case[] = [
  {
    action: 'muteThreadAction',
    logged: 'thread mute',
    failure: raiseOn('INSERT ON thread_mutes'),
    setup: () => {
      const member = createPerson(db);
      const rootId = insertApprovedComment(db, openPost(db).id, member.id, 'A conversation to mute.');
      return { person: member, token: signedToken('mute-thread', { u: member.id, r: rootId }) };
    },
    call: (t) => submitForm(app.url, 'muteThreadAction', { token: String(t.token) }),
    state: (t) => db.prepare('SELECT * FROM thread_mutes WHERE user_id = ?').all(person(t).id),
  },
  {
    action: 'subscribeAction',
    logged: 'subscription',
    failure: renameAway('categories'),
    setup: () => ({ email: `fails-${crypto.randomUUID().slice(0, 8)}@example.org`, categoryId: (one('SELECT id FROM categories LIMIT 1') as { id: number }).id }),
    call: (t) => submitForm(app.url, 'subscribeAction', { email: String(t.email), frequency: 'each-post', categoryIds: [String(t.categoryId)] }),
    state: () => [one('SELECT count(*) AS n FROM subscribers'), one('SELECT count(*) AS n FROM outbox')],
  },
  {
    action: 'replyNotificationsAction',
    logged: 'reply notification choice',
    failure: raiseOn('UPDATE ON users'),
    setup: () => ({ person: createPerson(db) }),
    call: (t) => submitForm(app.url, 'replyNotificationsAction', { replyNotifications: 'never' }, person(t).cookie),
    state: (t) => one('SELECT reply_notifications FROM users WHERE id = ?', person(t).id),
  },
  {
    action: 'subscribeMemberAction',
    logged: 'member subscription',
    failure: renameAway('subscribers'),
    setup: () => ({ person: createPerson(db) }),
    call: (t) => submitForm(app.url, 'subscribeMemberAction', {}, person(t).cookie),
    state: () => one('SELECT count(*) AS n FROM subscribers'),
  },
  {
    // The role is changed first and logged second, in one transaction: the failing log entry undoes the change.
    action: 'setRoleAction',
    logged: 'role change',
    failure: raiseOn('INSERT ON activity_log'),
    setup: () => ({ person: createPerson(db, 'admin'), target: createPerson(db) }),
    call: (t) => submitForm(app.url, 'setRoleAction', { userId: person(t, 'target').id, role: 'moderator' }, person(t).cookie),
    state: (t) => [one('SELECT role, slug FROM users WHERE id = ?', person(t, 'target').id), one('SELECT count(*) AS n FROM activity_log')],
  },
  {
    action: 'publishPostAction',
    logged: 'publishing',
    failure: raiseOn('UPDATE ON posts'),
    setup: () => {
      const author = createPerson(db, 'author');
      const slug = `fails-${crypto.randomUUID().slice(0, 8)}`;
      const postId = db.prepare("INSERT INTO posts (slug, title, excerpt, body, status, author_id) VALUES (?, 'A draft', '', 'Body.', 'draft', ?)").run(slug, author.id).lastInsertRowid;
      return { person: author, postId: Number(postId) };
    },
    call: (t) => submitForm(app.url, 'publishPostAction', { postId: String(t.postId) }, person(t).cookie),
    state: (t) => [one('SELECT status, published_at FROM posts WHERE id = ?', t.postId), one('SELECT count(*) AS n FROM outbox')],
  },
];

beforeAll(async () => {
  app = await startServer({ env: { AUTH_SECRET, COMMENT_FLOOD_LIMITS: 'off' } });
  db = openDatabase(app.databaseFile);
});
afterAll(async () => {
  db?.close();
  await app?.stop();
});

const FAILURE_LINE = /^\[hearth\] action "([^"]+)" failed \(request ([0-9a-f]{8})\)/;

/** The wrapper's error lines in the server's JSON log (pino: level 50 is error), with the database's own complaint. */
function failureLines(): { action: string; reference: string; cause: string }[] {
  return app
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
  const target = row.setup();
  const before = JSON.stringify(row.state(target));
  const linesBefore = failureLines().length;
  const [breakIt, repair] = row.failure;
  db.exec(breakIt);
  let answer: ActionAnswer;
  try {
    answer = await row.call(target);
  } finally {
    db.exec(repair);
  }

  expect(answer.status).toBe(200);
  expect(answer.redirect).toBeNull();
  expect(answer.result).toEqual({ ok: false, message: expect.stringMatching(/^Something went wrong on our side and nothing was changed\. .*\(Reference: [0-9a-f]{8}\.\)$/) });
  const reference = /Reference: ([0-9a-f]{8})/.exec(String(answer.result?.message))![1];
  expect((await failureLinesWhen(linesBefore + 1)).slice(linesBefore)).toEqual([{ action: row.logged, reference, cause: expect.stringMatching(/injected failure|no such table/) }]);
  expect(app.output().split(reference)).toHaveLength(2);
  expect(JSON.stringify(row.state(target))).toBe(before);

  // Repaired, the same call goes through: the injected failure was all that stopped it.
  const retried = await row.call(target);
  expect(retried.result?.ok === true || (retried.result === null && retried.redirect !== null)).toBe(true);
  expect(JSON.stringify(row.state(target))).not.toBe(before);
});
