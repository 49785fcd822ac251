/**
 * The server process is killed with SIGKILL in the middle of a write storm, then started again on the
 * same database file: the file must pass `PRAGMA integrity_check`, and every comment that got a 201
 * before the kill must be there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listeningPid, startServer, waitForExit, type App } from './support/app';
import { commentStorm, postComment } from './support/comments';
import { createPerson, integrityCheck, openDatabase, openPost } from './support/database';

let dir: string;
let restarted: App | undefined;
let first: App | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-crash-'));
});
afterAll(async () => {
  await first?.stop();
  await restarted?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged comment and an intact file after SIGKILL mid-storm', async () => {
  const databaseFile = path.join(dir, 'hearth.db');
  first = await startServer({ databaseFile, env: { COMMENT_FLOOD_LIMITS: 'off' } });
  const setup = openDatabase(databaseFile);
  const post = openPost(setup);
  const members = Array.from({ length: 20 }, () => createPerson(setup));
  setup.close();

  // The process holding the port is the one to kill: a wrapper's death would leave the server writing.
  const serverPid = listeningPid(first.port);
  let killedAt = 0;
  // Kill once 300 comments were acknowledged, while the other members' requests are still in flight.
  const storm = await commentStorm(first.url, post.id, members, {
    perMember: 400,
    tag: 'crash',
    shouldStop: () => killedAt > 0,
    onAccepted(count) {
      if (count < 300 || killedAt > 0) return;
      process.kill(serverPid, 'SIGKILL');
      killedAt = Date.now();
    },
  });
  await waitForExit(serverPid);
  await first.stop();
  first = undefined;

  // A comment acknowledged before the kill was committed before its answer left the server.
  const acknowledged = storm.accepted.filter((c) => c.at <= killedAt);
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);
  expect([...storm.answers.keys()].filter((s) => s >= 500)).toEqual([]);
  // The kill cut requests that were still in flight.
  expect(storm.failures.length).toBeGreaterThan(0);

  restarted = await startServer({ databaseFile, env: { COMMENT_FLOOD_LIMITS: 'off' } });
  const db = openDatabase(databaseFile);
  expect(integrityCheck(db)).toBe('ok');
  const stored = new Map((db.prepare('SELECT id, body FROM comments WHERE post_id = ?').all(post.id) as { id: number; body: string }[]).map((r) => [r.id, r.body]));
  const missing = acknowledged.filter((c) => stored.get(c.id) !== c.body);
  expect(missing).toEqual([]);

  // And the restarted server takes writes again.
  const after = await postComment(restarted.url, post.id, members[0], { body: 'after the crash' });
  expect(after.status).toBe(201);
  db.close();
});
