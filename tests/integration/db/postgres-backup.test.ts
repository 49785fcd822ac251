/**
 * `npm run backup` and `npm run restore` on PostgreSQL, run as an operator runs them: the backup folder holds a
 * pg_dump of the whole database (owner-only) beside the uploads (taken from UPLOADS_DIR, the folder several servers
 * share, outside the data folder); restoring it brings back exactly what was there, the uploads into UPLOADS_DIR,
 * search index included, and is refused while the server is connected, for a dump that is not Hearth's, and for
 * a backup of the other engine. No password appears in any output.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';

const exec = promisify(execFile);
jest.setTimeout(60_000);
type Run = { code: number; output: string };

let cluster: PostgresCluster;
let root: string;
let dataDir: string;
let uploadsDir: string;

async function npm(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '-s', script, '--', ...args], {
      env: { ...process.env, DATABASE_URL: cluster.url, DATA_DIR: dataDir, UPLOADS_DIR: uploadsDir, ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

async function sql<T extends object>(text: string, values: unknown[] = [], url = cluster.url): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const titles = async () => (await sql<{ title: string }>('SELECT title FROM posts ORDER BY id')).map((row) => row.title);
const found = async (words: string) =>
  (await sql<{ title: string }>("SELECT p.title FROM posts_search s JOIN posts p ON p.id = s.post_id WHERE s.document @@ plainto_tsquery('hearth_search', $1) ORDER BY p.id", [words])).map(
    (row) => row.title,
  );
const password = () => decodeURIComponent(new URL(cluster.url).password);

beforeAll(async () => {
  cluster = await startPostgres();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pg-backup-'));
  dataDir = path.join(root, 'data');
  uploadsDir = path.join(root, 'shared', 'uploads');
  fs.mkdirSync(dataDir);
  process.env.DATABASE_URL = cluster.url;
  const { prepareDatabase, postgresDb } = await import('@/db/index');
  const { withTransaction } = await import('@/db/transaction');
  const { users, posts } = await import('@/db/schema');
  await prepareDatabase();
  await withTransaction(async (tx) => {
    const [zoe] = await tx.insert(users).values({ name: 'Zoë O’Brien-Ñúñez', email: 'zoe@example.org', role: 'author', slug: 'zoe' }).returning();
    await tx.insert(posts).values([
      { slug: 'lodz', title: 'A winter in Łódź', excerpt: 'Cold', body: 'Pacing through the cold months.', status: 'published', publishedAt: new Date(), authorId: zoe.id },
      { slug: 'sjogren', title: 'Living with Sjögren’s', excerpt: 'Dry eyes', body: 'Brain fog and dry eyes.', status: 'published', publishedAt: new Date(), authorId: zoe.id },
    ]);
  });
  await postgresDb().$client.end();
  fs.mkdirSync(uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(uploadsDir, 'cover.webp'), 'an image');
  // An admin import under way keeps its files with the uploads (every server must find them); they are not backed up.
  fs.mkdirSync(path.join(uploadsDir, 'imports', 'pending'), { recursive: true });
  fs.writeFileSync(path.join(uploadsDir, 'imports', 'pending', 'export.xml'), '<rss/>');
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('backup and restore on PostgreSQL', () => {
  it('backs up with pg_dump, and restoring brings back exactly what was there', async () => {
    const target = path.join(dataDir, 'backups', 'before-the-change');
    const backup = await npm('backup', [target]);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toMatch(/Backed up the PostgreSQL database hearth@127\.0\.0\.1:\d+\/hearth \(pg_dump, checked with pg_restore --list\), 1 uploaded file\(s\) from \S+shared\/uploads and/);
    expect(fs.readdirSync(path.join(target, 'uploads'))).toEqual(['cover.webp']);
    expect(fs.readFileSync(path.join(target, 'uploads', 'cover.webp'), 'utf8')).toBe('an image');
    expect(fs.statSync(path.join(target, 'hearth.pgdump')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(target, 'hearth.db'))).toBe(false);

    await sql("DELETE FROM posts WHERE slug = 'lodz'");
    await sql("UPDATE posts SET title = 'Renamed after the backup' WHERE slug = 'sjogren'");
    fs.rmSync(path.join(uploadsDir, 'cover.webp'));
    fs.writeFileSync(path.join(uploadsDir, 'after-the-backup.webp'), 'a later image');
    expect(await titles()).toEqual(['Renamed after the backup']);

    const restore = await npm('restore', [target]);
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.output).toMatch(/Restored the PostgreSQL database hearth@127\.0\.0\.1:\d+\/hearth from .*hearth\.pgdump/);
    expect(await titles()).toEqual(['A winter in Łódź', 'Living with Sjögren’s']);
    // The uploads are back in UPLOADS_DIR as they were; the folder they replaced is kept beside it.
    expect(restore.output).toContain(`Restored the uploads to ${uploadsDir}.`);
    expect(fs.readdirSync(uploadsDir)).toEqual(['cover.webp']);
    const replaced = restore.output.match(/The replaced folder is kept at (\S+)\./)![1];
    expect(fs.readdirSync(replaced).sort()).toEqual(['after-the-backup.webp', 'imports']);
    expect(fs.existsSync(path.join(dataDir, 'uploads'))).toBe(false);
    // The search index and its triggers came back too: accents still fold, new posts are still indexed.
    expect(await found('lodz')).toEqual(['A winter in Łódź']);
    await sql("UPDATE posts SET body = 'Spoons and flares.' WHERE slug = 'sjogren'");
    expect(await found('flares')).toEqual(['Living with Sjögren’s']);
    for (const run of [backup, restore]) expect(run.output).not.toContain(password());
  });

  it('refuses while another connection (a server) uses the database, changing nothing', async () => {
    const target = path.join(dataDir, 'backups', 'while-serving');
    expect(await npm('backup', [target])).toMatchObject({ code: 0 });
    await sql("UPDATE posts SET title = 'Changed while serving' WHERE slug = 'lodz'");
    const server = new Client({ connectionString: cluster.url });
    await server.connect();
    try {
      const refused = await npm('restore', [target]);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/Not restoring: 1 other connection\(s\) use hearth@127\.0\.0\.1:\d+\/hearth .*Stop them first\./);
    } finally {
      await server.end();
    }
    expect(await titles()).toEqual(['Changed while serving', 'Living with Sjögren’s']);
  });

  it('refuses a dump that is not of a Hearth database, and a SQLite backup', async () => {
    // Another application's database, dumped the same way.
    const foreign = path.join(dataDir, 'foreign.pgdump');
    const other = new URL(cluster.adminUrl);
    other.pathname = '/postgres';
    await sql('CREATE TABLE wp_options (name text)', [], other.toString());
    const pgDump = path.join((await import('@/db/postgres-programs')).findPostgresBin(['pg_dump']), 'pg_dump');
    await exec(pgDump, ['--format=custom', `--file=${foreign}`, other.toString()]);
    const notHearths = await npm('restore', [foreign]);
    expect(notHearths.code).not.toBe(0);
    expect(notHearths.output).toMatch(/Not restoring: .*foreign\.pgdump is a PostgreSQL dump, but not of a Hearth database\./);

    const sqliteFile = path.join(dataDir, 'site.db');
    (await import('@/db/index')).openDatabase(sqliteFile).$client.close();
    const sqliteBackup = path.join(dataDir, 'sqlite-backup');
    expect(await npm('backup', [sqliteBackup], { DATABASE_URL: `file:${sqliteFile}` })).toMatchObject({ code: 0 });
    const wrongEngine = await npm('restore', [sqliteBackup]);
    expect(wrongEngine.code).not.toBe(0);
    expect(wrongEngine.output).toMatch(/this backup is of a SQLite database, and DATABASE_URL names a PostgreSQL server/);
    expect(await titles()).toEqual(['Changed while serving', 'Living with Sjögren’s']);
  });
});
