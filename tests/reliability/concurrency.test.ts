/**
 * 50 members post 500 comments at once over real HTTP, each with their own session. Every accepted
 * comment must be stored exactly once with its own body; no answer may be a 5xx and the engine's
 * contention errors must never reach anyone (neither an answer nor the server log): SQLITE_BUSY on SQLite;
 * deadlocks, serialization failures and an exhausted connection pool on PostgreSQL.
 */
import type { Person } from './support/database';
import { commentStorm, type StormResult } from './support/comments';
import { addPerson, openPostOf, startSite, type Site } from './support/site';

const CONTENTION = /SQLITE_BUSY|database is locked|deadlock detected|could not serialize|timeout exceeded when trying to connect|too many clients/i;

let site: Site;
let storm: StormResult;
let postId: number;

beforeAll(async () => {
  site = await startSite({ COMMENT_FLOOD_LIMITS: 'off' });
  postId = (await openPostOf(site.db)).id;
  const members: Person[] = [];
  for (let i = 0; i < 50; i++) members.push(await addPerson(site.db));
  storm = await commentStorm(site.app.url, postId, members, { perMember: 10, tag: 'concurrency' });
});
afterAll(async () => {
  await site?.stop();
});

describe('50 members posting 500 comments at once', () => {
  it('answers every request, none with a 5xx', () => {
    expect(storm.failures).toEqual([]);
    expect([...storm.answers.values()].reduce((a, b) => a + b, 0)).toBe(500);
    expect([...storm.answers.keys()].filter((status) => status >= 500)).toEqual([]);
    // With the pace limits off, nothing here should be refused.
    expect(storm.answers.get(201)).toBe(500);
  });

  it('stores every accepted comment exactly once, with the body that was sent', async () => {
    const ids = storm.accepted.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await site.db.all<{ id: number; body: string }>("SELECT id, body FROM comments WHERE post_id = ? AND body LIKE 'concurrency comment %'", [postId]);
    expect(rows).toHaveLength(storm.accepted.length);
    const stored = new Map(rows.map((r) => [r.id, r.body]));
    for (const comment of storm.accepted) expect(stored.get(comment.id)).toBe(comment.body);
    expect(new Set(rows.map((r) => r.body)).size).toBe(rows.length);
  });

  it('never lets a lock or pool error reach an answer or the server log', () => {
    expect(site.app.output()).not.toMatch(CONTENTION);
    expect(storm.failures.join('\n')).not.toMatch(CONTENTION);
    expect(storm.failures.join('\n')).not.toMatch(/locked/i);
  });
});
