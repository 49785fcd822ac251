/**
 * Starts the built app (Hearth's production server, server/index.js) on 127.0.0.1 and a free port, with its own database,
 * and stops it again. Used by the browser tests and anything else that needs real HTTP. The database is a fresh
 * SQLite file, or, when a run's PostgreSQL cluster is up (HEARTH_TEST_POSTGRES, set by `npm run test:e2e:postgres`'s
 * global setup), a fresh database in that cluster, dropped when the server stops. A server on PostgreSQL is given a
 * random AUTH_SECRET unless the test brings one (a restart that must keep sessions brings the same one).
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..', '..');
const { serverNodeArgs } = require('../../server/node-args');
const { isPostgresUrl } = require('../../server/env-schema');

const serverEntry = path.join(root, 'server', 'index.js');

/**
 * The production server as its own process (the PID is the server's, for tests that kill it).
 * HEARTH_CPU_PROFILE_DIR=<folder> writes each server's CPU profile there when it stops (for bench/cpu-profile-summary.ts).
 */
function spawnServer(port, env) {
  // Without jest's worker id the server runs as in production: its reading connection refuses writes (db/index.ts).
  const { JEST_WORKER_ID: _worker, ...inherited } = process.env;
  const profile = process.env.HEARTH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HEARTH_CPU_PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...serverNodeArgs(), ...profile, serverEntry], {
    cwd: root,
    env: { ...inherited, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs one statement as the run's cluster's superuser. */
async function asClusterAdmin(adminUrl, text) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, empty database in the run's PostgreSQL cluster (a server migrates and seeds it), named `<prefix>_…`,
 * or null on SQLite runs. @param {string} prefix
 */
async function clusterDatabase(prefix) {
  if (!process.env.HEARTH_TEST_POSTGRES) return null;
  const { url, adminUrl } = JSON.parse(process.env.HEARTH_TEST_POSTGRES);
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await asClusterAdmin(adminUrl, `CREATE DATABASE ${name} OWNER hearth`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return { url: databaseUrl.toString(), drop: () => asClusterAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Starts the server; resolves once it answers HTTP, rejects with its output if it exits first. */
async function startServer({ databaseFile, env = {}, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const dataDir = databaseFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const file = databaseFile ?? path.join(dataDir, 'hearth.db');
  const database = databaseFile || env.DATABASE_URL ? null : await clusterDatabase('e2e');
  const url = `http://localhost:${port}`;
  const databaseEnv = database ? { DATABASE_URL: database.url, DATA_DIR: dataDir } : { DATABASE_URL: `file:${file}` };
  const serverEnv = { ...databaseEnv, SITE_URL: url, ...env };
  // A PostgreSQL site refuses to start without AUTH_SECRET: a random one for this server, unless the test brings its own.
  if (isPostgresUrl(serverEnv.DATABASE_URL) && !serverEnv.AUTH_SECRET) serverEnv.AUTH_SECRET = randomBytes(32).toString('base64url');
  const child = spawnServer(port, serverEnv);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // A server writing its CPU profile needs longer than its own 5 s shutdown limit.
      const patience = process.env.HEARTH_CPU_PROFILE_DIR ? 60_000 : 5000;
      await Promise.race([exited, new Promise((r) => setTimeout(r, patience))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      if (response.status < 500) {
        const databaseUrl = env.DATABASE_URL ?? database?.url ?? `file:${file}`;
        return { url, port, databaseFile: file, databaseUrl, dataDir: env.DATA_DIR ?? dataDir ?? path.dirname(file), pid: child.pid, stop, output: () => output };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output}`);
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
async function startServerExpectingFailure({ env, timeoutMs = 30_000 }) {
  const port = await freePort();
  const child = spawnServer(port, env);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

module.exports = { startServer, startServerExpectingFailure, freePort, clusterDatabase };
