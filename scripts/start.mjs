// `npm start`: builds the app when there is no build or the sources are newer, then serves it.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const sourceDirs = ['app', 'components', 'db', 'lib'];
const sourceFiles = ['package-lock.json', 'next.config.js', 'instrumentation.ts'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

const buildId = path.join(root, '.next', 'BUILD_ID');
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...[...sourceDirs, ...sourceFiles].map((p) => newestMtime(path.join(root, p))));
if (builtAt < sourcesAt) {
  console.log('[hearth] building the app (first start or changed sources)…');
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Hearth's server (Next's handler plus security headers, CSP nonces and logs) reads PORT and HOST.
const server = spawn(process.execPath, [path.join(root, 'server', 'index.js')], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
