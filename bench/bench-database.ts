/**
 * The benchmark's database and the searches made against it, shared by `npm run bench` (bench/run.ts)
 * and the side-by-side CPU comparison (bench/side-by-side.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { BenchData } from './seed';

export const SIZES = { posts: 1000, threadComments: 200, subscribers: 5000 };

/** Search words the seeded posts use (bench/seed-text.ts), paired differently with a number each time. */
const SEARCH_WORDS = ['pacing', 'sleep', 'fatigue', 'pain', 'rest', 'energy', 'walk', 'doctor', 'flare', 'garden', 'morning', 'friends'];
export const freshQuery = (n: number) => `${SEARCH_WORDS[n % SEARCH_WORDS.length]} ${SEARCH_WORDS[Math.floor(n / SEARCH_WORDS.length) % SEARCH_WORDS.length]} ${n}`;

/** Fills the database `file` (migrated here) through bench/seed.ts, in its own process with the server's conditions. */
export function seedDatabase(file: string): BenchData {
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join(__dirname, 'seed-cli.ts'), JSON.stringify(SIZES)], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: 'utf8',
  });
  return JSON.parse(output) as BenchData;
}
