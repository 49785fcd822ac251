/**
 * Starts the built app (`next start`) on 127.0.0.1 and a free port, with its own database,
 * and stops it again. Used by the browser tests and anything else that needs real HTTP.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const nextBin = path.join(root, 'node_modules', '.bin', 'next');

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

/** Spawns `next start`; resolves once it answers HTTP, rejects with its output if it exits first. */
async function startServer({ databaseFile, env = {}, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const dataDir = databaseFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const file = databaseFile ?? path.join(dataDir, 'hearth.db');
  const url = `http://localhost:${port}`;
  const child = spawn(nextBin, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: `file:${file}`, SITE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      if (response.status < 500) return { url, port, databaseFile: file, pid: child.pid, stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${output}`);
}

/** Runs `next start` expecting it to refuse to start; resolves with its exit code and output. */
async function startServerExpectingFailure({ env, timeoutMs = 30_000 }) {
  const port = await freePort();
  const child = spawn(nextBin, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

module.exports = { startServer, startServerExpectingFailure, freePort };
