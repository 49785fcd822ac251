/**
 * A site under test for the concurrency guarantees: its database, the built app on it, extra processes on the
 * same database (mail workers), and the test's own handle on its rows. The database's address is decided
 * here and nowhere else (today a temporary SQLite file the server migrates at start), so running the same
 * tests on another engine means changing only this file. Test SQL goes through `TestDatabase`: `?`
 * placeholders and Dates for times, which each engine's handle turns into its own form.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, waitForExit, type App } from './app';
import { OPEN_POST_SQL, openDatabase, personRows, sqliteValue, type Person, type Role } from './database';

const root = path.resolve(__dirname, '..', '..', '..');

export type TestDatabase = {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Makes every other writer wait for `ms` (readers go on), so processes that start writing meanwhile all go at once when it ends. */
  holdWrites(ms: number): Promise<void>;
  close(): Promise<void>;
};

export type Site = {
  app: App;
  /** The DATABASE_URL the app runs on; give it to any other process that must share the database. */
  databaseUrl: string;
  db: TestDatabase;
  stop(): Promise<void>;
};

function sqliteHandle(file: string): TestDatabase {
  const db = openDatabase(file);
  return {
    all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params.map(sqliteValue)) as T[],
    run: async (sql, params = []) => void db.prepare(sql).run(...params.map(sqliteValue)),
    async holdWrites(ms) {
      // SQLite has one write lock for the whole file: an immediate transaction takes it.
      db.exec('BEGIN IMMEDIATE');
      try {
        await new Promise((r) => setTimeout(r, ms));
      } finally {
        db.exec('COMMIT');
      }
    },
    close: async () => void db.close(),
  };
}

/** Starts the built app on a fresh database (the server migrates and seeds it) with extra environment. */
export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const app = await startServer({ env });
  const databaseUrl = `file:${app.databaseFile}`;
  let db: TestDatabase;
  try {
    db = sqliteHandle(app.databaseFile);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return {
    app,
    databaseUrl,
    db,
    async stop() {
      await db.close();
      await app.stop();
    },
  };
}

/** A person with a live session, stored through the test's handle. */
export async function addPerson(db: TestDatabase, role: Role = 'member', name?: string): Promise<Person> {
  const { person, rows } = personRows(role, name);
  for (const [sql, params] of rows) await db.run(sql, params);
  return person;
}

/** A published post open for comments (see openPost). */
export const openPostOf = async (db: TestDatabase): Promise<{ id: number; slug: string }> => (await db.all<{ id: number; slug: string }>(OPEN_POST_SQL))[0];

export const countOf = async (db: TestDatabase, sql: string, params: unknown[] = []): Promise<number> => Number((await db.all<{ n: number | string }>(sql, params))[0].n);

export type RunningProcess = { output(): string; stop(): Promise<void> };

/**
 * One of the project's npm scripts as its own process on the site's database, e.g. `worker`. The script's
 * command is read from package.json and run directly (not through npm), so the PID stopped is the script's own.
 */
export function startScript(site: Site, name: string, env: Record<string, string> = {}): RunningProcess {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [bin, ...args] = scripts[name].split(' ');
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', bin), args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: site.databaseUrl, SITE_URL: site.app.url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    output: () => output,
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
