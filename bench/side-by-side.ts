/**
 * `node --import tsx bench/side-by-side.ts <path>…`: server CPU per request of two twin apps that differ
 * only in the environment variables A and B (JSON objects), on copies of one benchmark database. Each path
 * is requested N times (default 300) from CONCURRENCY (default 4) clients, alternately against each twin for
 * ROUNDS (default 3) rounds after a warm-up round, and the CPU time each twin used is divided by its requests:
 * on a shared, noisy machine the two see the same noise. HEADERS (JSON) are sent with every request.
 * In a path, {query} becomes a search never made before (bench/bench-database.ts) and {n} a new number.
 *
 * For example, the cost of view counting per page served:
 *   A='{"VIEW_COUNTING":"off"}' B='{"VIEW_COUNTING":"on"}' HEADERS='{"user-agent":"Mozilla/5.0 (X11; Linux x86_64)"}' \
 *   node --import tsx bench/side-by-side.ts /posts/pacing-through-a-flare
 * A CPU profile of each twin: HEARTH_CPU_PROFILE_DIR=<folder> (then bench/cpu-profile-summary.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { startServer, type AppServer } from './app-server';
import { freshQuery, seedDatabase } from './bench-database';
import { cpuSeconds } from './process-stats';

const json = (name: string): Record<string, string> => JSON.parse(process.env[name] ?? '{}') as Record<string, string>;
const requests = Number(process.env.N ?? 300);
const rounds = Number(process.env.ROUNDS ?? 3);
const concurrency = Number(process.env.CONCURRENCY ?? 4);
const headers = json('HEADERS');
const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error('usage: bench/side-by-side.ts <path>… (see the comment at the top)');

let next = 1_000_000;
const address = (pathTemplate: string) => {
  const n = next++;
  return pathTemplate.replace('{query}', encodeURIComponent(freshQuery(n))).replace('{n}', String(n));
};

/** Server CPU seconds `twin` spent answering `requests` requests for `pathTemplate`. */
async function drive(twin: AppServer, pathTemplate: string): Promise<number> {
  const before = cpuSeconds(twin.pid!);
  let sent = 0;
  const client = async () => {
    while (sent++ < requests) {
      const response = await fetch(twin.url + address(pathTemplate), { headers, redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status >= 500) throw new Error(`${pathTemplate} answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return cpuSeconds(twin.pid!) - before;
}

async function main() {
  buildIfStale(path.join(__dirname, '..'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-side-by-side-'));
  const twins: AppServer[] = [];
  try {
    seedDatabase(path.join(dir, 'a.db'));
    fs.copyFileSync(path.join(dir, 'a.db'), path.join(dir, 'b.db'));
    const base = { COMMENT_FLOOD_LIMITS: 'off', MAIL_WORKER: 'off' };
    twins.push(await startServer({ databaseFile: path.join(dir, 'a.db'), env: { ...base, ...json('A') } }));
    twins.push(await startServer({ databaseFile: path.join(dir, 'b.db'), env: { ...base, ...json('B') } }));
    console.log(`A ${process.env.A ?? '{}'}  B ${process.env.B ?? '{}'}  ${requests} requests x ${rounds} rounds, ${concurrency} at a time`);
    for (const pathTemplate of paths) {
      const spent = [0, 0];
      for (let round = 0; round <= rounds; round++) {
        for (const [i, twin] of twins.entries()) {
          const seconds = await drive(twin, pathTemplate);
          if (round > 0) spent[i] += seconds; // round 0 warms both up
        }
      }
      const [a, b] = spent.map((seconds) => (seconds * 1000) / (requests * rounds));
      console.log(`${pathTemplate.padEnd(40)} A ${a.toFixed(3)}  B ${b.toFixed(3)} ms CPU per request  B/A ${(b / a).toFixed(3)}`);
    }
  } finally {
    for (const twin of twins) await twin.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
