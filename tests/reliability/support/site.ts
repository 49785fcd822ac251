/**
 * A site under test for the concurrency guarantees: its database, the built app on it, extra processes on the
 * same database (mail workers), and the test's own handle on its rows. The run decides the engine: a temporary
 * SQLite file the server migrates at start, or on `npm run test:reliability:postgres` a fresh database in the
 * run's throwaway PostgreSQL cluster.
 * Test SQL goes through the site's handle (tests/helpers/site-database.ts), written once for both engines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSiteDatabase, type SiteDatabase } from '../../helpers/site-database';
import { startServer, waitForExit, type App } from './app';
import { OPEN_POST_SQL, personRows, type Person, type Role } from './database';

const root = path.resolve(__dirname, '..', '..', '..');

export type Site = {
  app: App;
  /** The DATABASE_URL the app runs on; give it to any other process that must share the database. */
  databaseUrl: string;
  /** The AUTH_SECRET the app runs with, shared with every process startScript starts (as instances must share it). */
  authSecret: string;
  db: SiteDatabase;
  stop(): Promise<void>;
};

/**
 * Starts the built app on a fresh database (the server migrates and seeds it) with extra environment: a SQLite
 * file, or on `npm run test:reliability:postgres` a database in the run's cluster (tests/e2e/server.js).
 */
export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const authSecret = env.AUTH_SECRET ?? randomBytes(32).toString('base64url');
  const app = await startServer({ env: { ...env, AUTH_SECRET: authSecret } });
  let db: SiteDatabase;
  try {
    db = openSiteDatabase(app.databaseUrl);
  } catch (error) {
    await app.stop();
    throw error;
  }
  const stop = async () => {
    await db.close();
    await app.stop();
  };
  return { app, databaseUrl: app.databaseUrl, authSecret, db, stop };
}

/** A person with a live session, stored through the test's handle. */
export async function addPerson(db: SiteDatabase, role: Role = 'member', name?: string): Promise<Person> {
  const { person, rows } = personRows(role, name);
  for (const [sql, params] of rows) await db.run(sql, params);
  return person;
}

/** A published post open for comments (see openPost). */
export const openPostOf = async (db: SiteDatabase): Promise<{ id: number; slug: string }> => (await db.all<{ id: number; slug: string }>(OPEN_POST_SQL))[0];

/** An approved comment written straight into the database (a conversation to reply to, or a commenter's track record). */
export async function addApprovedComment(db: SiteDatabase, postId: number, authorId: string, body: string): Promise<number> {
  const [{ id }] = await db.all<{ id: number }>("INSERT INTO comments (post_id, author_id, body, html, status, depth) VALUES (?, ?, ?, ?, 'approved', 1) RETURNING id", [
    postId,
    authorId,
    body,
    `<p>${body}</p>`,
  ]);
  return id;
}

export const countOf = async (db: SiteDatabase, sql: string, params: unknown[] = []): Promise<number> => Number((await db.all<{ n: number | string }>(sql, params))[0].n);

/** `exited`: the exit code once the process ends by itself (a script that refuses to start). */
export type RunningProcess = { output(): string; exited(): Promise<number | null>; stop(): Promise<void> };

/**
 * One of the project's npm scripts as its own process on the site's database, e.g. `worker`. The script's
 * command is read from package.json and run directly (not through npm), so the PID stopped is the script's own.
 */
export function startScript(site: Site, name: string, env: Record<string, string> = {}): RunningProcess {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [bin, ...args] = scripts[name].split(' ');
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', bin), args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: site.databaseUrl, SITE_URL: site.app.url, AUTH_SECRET: site.authSecret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': the output is complete by then.
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  return {
    output: () => output,
    exited: () => closed,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill('SIGTERM');
      try {
        await waitForExit(child.pid, 5000);
      } catch {
        child.kill('SIGKILL');
      }
    },
  };
}

/**
 * `count` mail workers (`npm run worker`) on the site's database, returned once every one has started (or after
 * 40 s: the caller checks each one's output) and its first, empty pass is over, so none is still starting when
 * the test makes its rows due.
 */
export async function startWorkers(site: Site, count: number, env: Record<string, string>): Promise<RunningProcess[]> {
  const workers = Array.from({ length: count }, () => startScript(site, 'worker', env));
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline && !workers.every((w) => /mail worker started/.test(w.output()))) await new Promise((r) => setTimeout(r, 100));
  // A worker's first pass comes right after its start line: let those empty passes finish.
  await new Promise((r) => setTimeout(r, 500));
  return workers;
}
