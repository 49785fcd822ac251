/**
 * 50 members post 500 comments at once over real HTTP, each with their own session. Every accepted
 * comment must be stored exactly once with its own body; no answer may be a 5xx and SQLITE_BUSY must
 * never reach anyone (neither an answer nor the server log).
 */
import type Database from 'better-sqlite3';
import { startServer, type App } from './support/app';
import { commentStorm, type StormResult } from './support/comments';
import { createPerson, openDatabase, openPost, type Person } from './support/database';

let app: App;
let db: Database.Database;
let storm: StormResult;
let postId: number;

beforeAll(async () => {
  app = await startServer({ env: { COMMENT_FLOOD_LIMITS: 'off' } });
  db = openDatabase(app.databaseFile);
  postId = openPost(db).id;
  const members: Person[] = Array.from({ length: 50 }, () => createPerson(db));
  storm = await commentStorm(app.url, postId, members, { perMember: 10, tag: 'concurrency' });
});
afterAll(async () => {
  db?.close();
  await app?.stop();
});

describe('50 members posting 500 comments at once', () => {
  it('answers every request, none with a 5xx', () => {
    expect(storm.failures).toEqual([]);
    expect([...storm.answers.values()].reduce((a, b) => a + b, 0)).toBe(500);
    expect([...storm.answers.keys()].filter((status) => status >= 500)).toEqual([]);
    // With the pace limits off, nothing here should be refused.
    expect(storm.answers.get(201)).toBe(500);
  });

  it('stores every accepted comment exactly once, with the body that was sent', () => {
    const ids = storm.accepted.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = db.prepare("SELECT id, body FROM comments WHERE post_id = ? AND body LIKE 'concurrency comment %'").all(postId) as { id: number; body: string }[];
    expect(rows).toHaveLength(storm.accepted.length);
    const stored = new Map(rows.map((r) => [r.id, r.body]));
    for (const comment of storm.accepted) expect(stored.get(comment.id)).toBe(comment.body);
    expect(new Set(rows.map((r) => r.body)).size).toBe(rows.length);
  });

  it('never lets SQLITE_BUSY reach an answer or the server log', () => {
    expect(app.output()).not.toMatch(/SQLITE_BUSY|database is locked/i);
    expect(storm.failures.join('\n')).not.toMatch(/SQLITE_BUSY|locked/i);
  });
});
