/**
 * Backups of a PostgreSQL database with PostgreSQL's own pg_dump and pg_restore (custom format: one file,
 * compressed, restorable table by table). The connection goes to them through PG* environment variables,
 * never on the command line, so the password does not show in the process list.
 */
import 'server-only';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { OWNER_FILE_MODE } from './file-modes';
import { connectionError } from './postgres-errors';
import { findPostgresBin } from './postgres-programs';

const run = promisify(execFile);
const program = (name: 'pg_dump' | 'pg_restore') => path.join(findPostgresBin([name]), name);

function connectionEnv(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  const sslMode = parsed.searchParams.get('sslmode');
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
    ...(sslMode ? { PGSSLMODE: sslMode } : {}),
  };
}

/** The program's own words when it fails (stderr), not Node's "Command failed: …" with its arguments. */
async function runProgram(name: 'pg_dump' | 'pg_restore', args: string[], url: string | null): Promise<string> {
  try {
    const { stdout } = await run(program(name), args, { env: url ? connectionEnv(url) : process.env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${name} failed: ${stderr || (error as Error).message}`, { cause: error });
  }
}

/** A consistent copy of the whole database (pg_dump takes one snapshot while the server writes) into `file`, owner-only. */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file name.`);
  fs.closeSync(fs.openSync(file, 'wx', OWNER_FILE_MODE));
  await runProgram('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], url);
}

/** Tables a Hearth dump must hold: the posts and the record of Hearth's migrations. */
const HEARTH_ENTRIES = [/ TABLE public posts /, / TABLE drizzle __drizzle_migrations /];

/** A file fit to be restored: pg_restore can read its table of contents, and it is a dump of Hearth's database. */
export async function checkDumpFile(file: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  if (!fs.existsSync(file)) return { ok: false, problem: `${file} does not exist.` };
  let contents: string;
  try {
    contents = await runProgram('pg_restore', ['--list', file], null);
  } catch (error) {
    return { ok: false, problem: `${file} is not a PostgreSQL dump pg_restore can read (${(error as Error).message}).` };
  }
  if (!HEARTH_ENTRIES.every((entry) => entry.test(contents))) return { ok: false, problem: `${file} is a PostgreSQL dump, but not of a Hearth database.` };
  return { ok: true };
}

/** Other sessions on the database (the server, a worker): restoring under them would pull tables from under their feet. */
export async function otherSessions(url: string): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect().catch((error: unknown) => {
    throw connectionError(url, error);
  });
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Replaces the database's contents with the dump's, all or nothing (one transaction). */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await runProgram('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${database}`, file], url);
}
