/**
 * Direct access to the app's SQLite file from the test process: people and sessions made the way
 * Hearth's Auth.js adapter stores them (the token hashed: lib/session-token.ts; the sign-in flow itself
 * is tested in tests/e2e), and counts.
 * WAL mode and a busy timeout let the test read and write while the server runs.
 */
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashSessionToken } from '../../../lib/session-token';
import { sqliteValue } from '../../helpers/site-database';

export type Role = 'member' | 'author' | 'moderator' | 'admin';
export type Person = { id: string; email: string; role: Role; cookie: string };

export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  db.pragma('busy_timeout = 10000');
  return db;
}

let counter = 0;

/** A statement and its values, written as SQL both engines accept (`?` placeholders, Dates for times). */
export type Statement = [sql: string, params: unknown[]];

/** A new person with a live session: who they are, and the rows that make them (see createPerson). */
export function personRows(role: Role = 'member', name?: string): { person: Person; rows: Statement[] } {
  const n = ++counter;
  const id = randomUUID();
  const email = `${role}-${n}-${id.slice(0, 8)}@example.org`;
  const slug = role === 'author' || role === 'admin' ? `${role}-${n}-${id.slice(0, 8)}` : null;
  const token = randomBytes(32).toString('hex');
  const rows: Statement[] = [
    ['INSERT INTO users (id, name, email, role, slug, email_verified) VALUES (?, ?, ?, ?, ?, ?)', [id, name ?? `${role} ${n}`, email, role, slug, new Date()]],
    ['INSERT INTO sessions (session_token, user_id, expires) VALUES (?, ?, ?)', [hashSessionToken(token), id, new Date(Date.now() + 86_400_000)]],
  ];
  return { person: { id, email, role, cookie: `authjs.session-token=${token}` }, rows };
}

/** A person with a live database session; `cookie` is the Cookie header that signs them in. */
export function createPerson(db: Database.Database, role: Role = 'member', name?: string): Person {
  const { person, rows } = personRows(role, name);
  for (const [sql, params] of rows) db.prepare(sql).run(...params.map(sqliteValue));
  return person;
}

/** A published post open for comments (the seeded demo content has several). */
export const OPEN_POST_SQL = "SELECT id, slug FROM posts WHERE status = 'published' AND NOT comments_closed ORDER BY id LIMIT 1";
export function openPost(db: Database.Database): { id: number; slug: string } {
  return db.prepare(OPEN_POST_SQL).get() as { id: number; slug: string };
}

export const integrityCheck = (db: Database.Database): string => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
