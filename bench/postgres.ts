/**
 * The benchmark's PostgreSQL rows: the same data on the other engine, measured in the same run. A throwaway
 * cluster (tests/helpers/postgres.ts) receives the seeded SQLite file through `npm run db:copy`'s own script, and
 * a second production server runs on it with its own data folder and its own mail catcher (each server's
 * sign-in emails must be told apart). BENCH_POSTGRES decides whether it runs (see bench/run.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin } from '../db/postgres-programs';
import { startMailCatcher, type MailCatcher } from '../tests/helpers/mail-catcher';
import { startPostgres } from '../tests/helpers/postgres';
import { startServer, type AppServer } from './app-server';
import { startTogether } from './start-together';

const root = path.join(__dirname, '..');

/**
 * BENCH_POSTGRES unset: PostgreSQL's version where it is installed, else why the rows are skipped; 1: PostgreSQL is
 * required (throws without it); 0: the rows are left out.
 */
export function findPostgres(setting: string | undefined): { version: string } | { unavailable: string } {
  if (setting !== undefined && setting !== '0' && setting !== '1') throw new Error(`BENCH_POSTGRES must be 0 or 1, not "${setting}"`);
  if (setting === '0') return { unavailable: 'BENCH_POSTGRES=0' };
  try {
    const bin = findPostgresBin(['initdb', 'pg_ctl']);
    return { version: execFileSync(path.join(bin, 'pg_ctl'), ['--version'], { encoding: 'utf8' }).trim() };
  } catch (error) {
    if (setting === '1') throw error;
    return { unavailable: (error as Error).message };
  }
}

export type PostgresApp = { server: AppServer; mail: MailCatcher; copied: string; stop: () => Promise<void> };

/** Starts a cluster holding a copy of `databaseFile` and a server on it (data folder `dataDir`); `stop()` ends all three. */
export async function startPostgresApp({ databaseFile, dataDir, env }: { databaseFile: string; dataDir: string; env: Record<string, string> }): Promise<PostgresApp> {
  return startTogether(async (onStop) => {
    const cluster = await startPostgres();
    onStop(cluster.stop);
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join(root, 'scripts', 'db-copy.ts'), '--to', cluster.url, '--from', `file:${databaseFile}`], {
      cwd: root,
      encoding: 'utf8',
    });
    const mail = await startMailCatcher();
    onStop(() => mail.close());
    fs.mkdirSync(dataDir, { recursive: true });
    const server = await startServer({ env: { ...env, DATABASE_URL: cluster.url, DATA_DIR: dataDir, EMAIL_SERVER: mail.url } });
    onStop(server.stop);
    return { server, mail, copied: output.trim().split('\n').at(-1) ?? '' };
  });
}
