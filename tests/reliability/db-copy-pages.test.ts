/**
 * Moving a site to PostgreSQL as an operator does it: the demo site plus the benchmark's data (1,000 posts, a
 * 200-comment thread, 5,000 subscribers) and a post showing an uploaded image, served by the built app on its
 * SQLite file; then the server stops, `npm run db:copy -- --to postgres://…` fills a throwaway cluster, and the
 * same build started on that database with the same data folder (its generated secret as AUTH_SECRET) serves every page as a reader sees it: the same
 * HTML, apart from the address the server listens on, the <script>s and the order of the <head> tags (Next.js
 * streams those in the order their data arrives). Search pages are left to
 * tests/integration/db/search-parity.test.ts: the engines find the same posts, but rank ties and cut snippets
 * each their own way.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDatabase } from '../../bench/bench-database';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';
import { startServer, type App } from './support/app';
import { createPerson, openDatabase } from './support/database';
import { uploadImage } from './support/site-content';

const root = path.resolve(__dirname, '..', '..');

let dir: string;
let file: string;
let cluster: PostgresCluster | undefined;
let sqliteApp: App | undefined;
let postgresApp: App | undefined;
const IMAGE_POST = 'a-picture-from-the-garden';

/** The pages a reader and a search engine reach, found from the home page and the benchmark's own. */
const FIXED_PATHS = ['/', '/page/2', '/page/40', '/feed.xml', '/sitemap.xml', '/robots.txt', '/no-such-page'];

async function pageOf(app: App, pathname: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`${app.url}${pathname}`, { redirect: 'manual' });
  const body = (await response.text())
    .replaceAll(app.url, 'ORIGIN')
    .replace(/nonce="[^"]+"/g, 'nonce=""')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<head>([\s\S]*?)<\/head>/, (_, head: string) => `<head>${head.split(/(?=<)/).sort().join('')}</head>`);
  return { status: response.status, type: response.headers.get('content-type'), body };
}

function dbCopy(to: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'db:copy', '--', '--to', to, '--from', `file:${file}`], { cwd: root, env: { ...process.env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-copy-pages-'));
  file = path.join(dir, 'hearth.db');
  seedDatabase(file);
  sqliteApp = await startServer({ databaseFile: file });
  // An uploaded image in a post body: its stored sizes are read while the page renders.
  const db = openDatabase(file);
  const author = createPerson(db, 'author');
  const image = await uploadImage(sqliteApp.url, author);
  const post = db.prepare("SELECT id FROM posts WHERE status = 'published' ORDER BY id LIMIT 1").get() as { id: number };
  db.prepare('UPDATE posts SET slug = ?, body = ? WHERE id = ?').run(IMAGE_POST, `Our garden in May.\n\n![Roses by the fence](${image})\n\nThe roses did well.`, post.id);
  db.close();
}, 240_000);

afterAll(async () => {
  await sqliteApp?.stop();
  await postgresApp?.stop();
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('serves the same pages on PostgreSQL after db:copy as it did on SQLite', async () => {
  const home = await pageOf(sqliteApp!, '/');
  const linked = [...new Set([...home.body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&')))].filter((href) => !href.startsWith('/_next/'));
  const paths = [...new Set([...FIXED_PATHS, `/posts/${IMAGE_POST}`, ...linked])];
  expect(linked.filter((href) => href.startsWith('/posts/')).length).toBeGreaterThan(5);

  const before = new Map<string, Awaited<ReturnType<typeof pageOf>>>();
  for (const pathname of paths) before.set(pathname, await pageOf(sqliteApp!, pathname));
  expect(before.get(`/posts/${IMAGE_POST}`)!.body).toMatch(/<img[^>]+alt="Roses by the fence"[^>]+width="64"[^>]+height="48"|<img[^>]+width="64"[^>]+height="48"[^>]+alt="Roses by the fence"/);
  // A busy thread and the post that ends up in it: the benchmark's newest post is on the home page.
  expect([...before.values()].filter((page) => page.status === 200).length).toBeGreaterThan(20);
  await sqliteApp!.stop();
  sqliteApp = undefined;

  cluster = await startPostgres();
  const copy = await dbCopy(cluster.url);
  expect(copy).toMatchObject({ code: 0, output: expect.stringMatching(/copied \d+ rows/) });
  // As the README says for a move: the generated secret becomes AUTH_SECRET, which PostgreSQL requires.
  const AUTH_SECRET = fs.readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim();
  postgresApp = await startServer({ env: { DATABASE_URL: cluster.url, DATA_DIR: dir, AUTH_SECRET } });
  expect(postgresApp.output()).toMatch(/database ready at hearth@127\.0\.0\.1/);

  const differing: { pathname: string; status: number; firstDifference: string }[] = [];
  for (const [pathname, page] of before) {
    const after = await pageOf(postgresApp, pathname);
    if (after.status === page.status && after.type === page.type && after.body === page.body) continue;
    let at = 0;
    while (at < after.body.length && after.body[at] === page.body[at]) at++;
    differing.push({ pathname, status: after.status, firstDifference: `${page.body.slice(Math.max(0, at - 80), at + 80)} ≠ ${after.body.slice(Math.max(0, at - 80), at + 80)}` });
  }
  expect(differing).toEqual([]);
});
