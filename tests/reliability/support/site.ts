/**
 * A site under test for the concurrency guarantees: its database, the built app on it, extra processes on the
 * same database (mail workers), and the test's own handle on its rows. The database is decided here and nowhere
 * else: a temporary SQLite file the server migrates at start, or with HEARTH_TEST_ENGINE=postgres (set by
 * jest.reliability-postgres.config.js) a database in a throwaway PostgreSQL cluster of the test file's own.
 * Test SQL goes through the site's handle (tests/helpers/site-database.ts), written once for both engines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres } from '../../helpers/postgres';
import { openSiteDatabase, type SiteDatabase } from '../../helpers/site-database';
import { startServer, waitForExit, type App } from './app';
import { OPEN_POST_SQL, personRows, type Person, type Role } from './database';

const root = path.resolve(__dirname, '..', '..', '..');

export type Site = {
  app: App;
  /** The DATABASE_URL the app runs on; give it to any other process that must share the database. */
  databaseUrl: string;
  db: SiteDatabase;
  stop(): Promise<void>;
};

/** Runs `start`, and undoes what was already started when it fails. */
async function startedOrUndone<T>(start: () => Promise<T>, undo: () => Promise<void>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    await undo();
    throw error;
  }
}

async function startSqliteSite(env: Record<string, string>): Promise<Site> {
  const app = await startServer({ env });
  const databaseUrl = `file:${app.databaseFile}`;
  const db = await startedOrUndone(async () => openSiteDatabase(databaseUrl), app.stop);
  const stop = async () => {
    await db.close();
    await app.stop();
  };
  return { app, databaseUrl, db, stop };
}

async function startPostgresSite(env: Record<string, string>): Promise<Site> {
  const cluster = await startPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-race-'));
  const undoCluster = async () => {
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const app = await startedOrUndone(() => startServer({ env: { DATABASE_URL: cluster.url, DATA_DIR: dataDir, ...env } }), undoCluster);
  const db = openSiteDatabase(cluster.url);
  const stop = async () => {
    await db.close();
    await app.stop();
    await undoCluster();
  };
  return { app, databaseUrl: cluster.url, db, stop };
}

/** Starts the built app on a fresh database (the server migrates and seeds it) with extra environment. */
export const startSite = (env: Record<string, string> = {}): Promise<Site> => (process.env.HEARTH_TEST_ENGINE === 'postgres' ? startPostgresSite(env) : startSqliteSite(env));

/** A person with a live session, stored through the test's handle. */
export async function addPerson(db: SiteDatabase, role: Role = 'member', name?: string): Promise<Person> {
  const { person, rows } = personRows(role, name);
  for (const [sql, params] of rows) await db.run(sql, params);
  return person;
}

/** A published post open for comments (see openPost). */
export const openPostOf = async (db: SiteDatabase): Promise<{ id: number; slug: string }> => (await db.all<{ id: number; slug: string }>(OPEN_POST_SQL))[0];

export const countOf = async (db: SiteDatabase, sql: string, params: unknown[] = []): Promise<number> => Number((await db.all<{ n: number | string }>(sql, params))[0].n);

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
