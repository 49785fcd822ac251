/**
 * A throwaway PostgreSQL cluster for one test file: initdb into a temporary folder (scram-sha-256, a random
 * password), pg_ctl start on 127.0.0.1 and a free port with its socket in that folder, and one fresh database
 * owned by an ordinary role (not a superuser, as on a real server). `stop()` stops the server and deletes the
 * folder; so does the process's exit if a test never got that far. initdb refuses to run as root, so as root
 * the server runs as the `postgres` user Debian's package makes. No PostgreSQL installed: start fails saying so
 * (.ci/run installs it), it never skips.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { findPostgresBin } from '../../db/postgres-programs';
import { freePort } from '../e2e/server';

const run = promisify(execFile);

export type PostgresCluster = {
  /** postgres://hearth:<password>@127.0.0.1:<port>/hearth: a fresh, empty database its role owns. */
  url: string;
  /** The same server as its superuser, for tests that look at the cluster itself. */
  adminUrl: string;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop: () => Promise<void>;
};

/** util-linux's runuser lives in an sbin folder, which a non-login PATH may lack. */
const runuser = () => ['/usr/sbin/runuser', '/sbin/runuser'].find((file) => fs.existsSync(file)) ?? 'runuser';

/** As root: the `postgres` user's ids and a command prefix that runs as it; otherwise the current user as is. */
function serverUser(): { uid: number; gid: number; prefix: string[] } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (Debian’s postgresql package makes it)');
  return { uid, gid: id('-g'), prefix: [runuser(), '-u', 'postgres', '--'] };
}

type ServerUser = ReturnType<typeof serverUser>;

function command(user: ServerUser, file: string, args: string[]): [string, string[]] {
  const [head, ...rest] = user ? [...user.prefix, file, ...args] : [file, ...args];
  return [head, rest];
}

const runAs = (user: ServerUser, file: string, args: string[]) => run(...command(user, file, args), { encoding: 'utf8' });

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findPostgresBin(['initdb', 'pg_ctl']);
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (user) fs.chownSync(dir, user.uid, user.gid);
  let started = false;
  const stopNow = () => {
    if (started) spawnSync(...command(user, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']));
    started = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  try {
    const password = randomBytes(18).toString('base64url');
    const pwfile = path.join(dir, 'pw');
    fs.writeFileSync(pwfile, password, { mode: 0o600 });
    if (user) fs.chownSync(pwfile, user.uid, user.gid);
    // Durability is pointless in a cluster deleted after the test: --no-sync and fsync=off keep start and writes fast.
    await runAs(user, path.join(bin, 'initdb'), ['-D', data, '-A', 'scram-sha-256', `--pwfile=${pwfile}`, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    fs.rmSync(pwfile);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    started = true;
    await runAs(user, path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', options, '-w', 'start']).catch((error: Error) => {
      throw new Error(`pg_ctl start failed: ${error.message}\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : ''}`);
    });
    const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    const rolePassword = randomBytes(18).toString('base64url');
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE hearth LOGIN PASSWORD '${rolePassword}'`);
      await admin.query('CREATE DATABASE hearth OWNER hearth');
    } finally {
      await admin.end();
    }
    const stop = async () => {
      process.removeListener('exit', stopNow);
      if (started) await runAs(user, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      started = false;
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { url: `postgres://hearth:${rolePassword}@127.0.0.1:${port}/hearth`, adminUrl, stop };
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
}

/**
 * One cluster for a whole jest run, from its global setup: published to the test workers (started after the setup)
 * as HEARTH_TEST_POSTGRES, and kept for stopRunCluster() in the global teardown.
 */
export async function startRunCluster(): Promise<PostgresCluster> {
  const cluster = await startPostgres();
  (globalThis as { hearthCluster?: PostgresCluster }).hearthCluster = cluster;
  process.env.HEARTH_TEST_POSTGRES = JSON.stringify({ url: cluster.url, adminUrl: cluster.adminUrl });
  return cluster;
}

export async function stopRunCluster(): Promise<void> {
  await (globalThis as { hearthCluster?: PostgresCluster }).hearthCluster?.stop();
}
