// @ts-check
// Builds the app when there is no build yet or the sources changed since the last one
// (shared by `npm start` and `npm run bench`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const sourceDirs = ['app', 'components', 'db', 'lib'];
const sourceFiles = ['package-lock.json', 'next.config.js', 'instrumentation.ts'];

/** The newest modification time (ms) of `target` or anything under it; 0 when it does not exist. @param {string} target @returns {number} */
function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** Runs `next build` in `root` when needed; exits the process with next's status if the build fails. */
export function buildIfStale(root = process.cwd()) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...[...sourceDirs, ...sourceFiles].map((p) => newestMtime(path.join(root, p))));
  if (builtAt >= sourcesAt) return;
  console.log('[hearth] building the app (first start or changed sources)…');
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
