/**
 * DATABASE_URL=postgres://… runs Hearth on PostgreSQL: the server applies the migrations at start under a
 * lock, refuses a database that belongs to another application, says plainly why it cannot connect, and
 * withTransaction(…) gives the rules real transactions. The database modules are loaded after the URL is set,
 * as the server loads them.
 */
import { Client } from 'pg';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';

type Modules = {
  index: typeof import('@/db/index');
  transaction: typeof import('@/db/transaction');
  postgres: typeof import('@/db/postgres');
  schema: typeof import('@/db/schema');
  posts: typeof import('@/db/queries/posts');
};

let cluster: PostgresCluster;
let db: Modules;

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function createDatabase(name: string): Promise<string> {
  await query(cluster.adminUrl, `CREATE DATABASE ${name} OWNER hearth`);
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  cluster = await startPostgres();
  process.env.DATABASE_URL = cluster.url;
  db = {
    index: await import('@/db/index'),
    transaction: await import('@/db/transaction'),
    postgres: await import('@/db/postgres'),
    schema: await import('@/db/schema'),
    posts: await import('@/db/queries/posts'),
  };
  // Two instances starting at the same moment: one migrates, the other waits and finds nothing to do.
  await Promise.all([db.index.prepareDatabase(), db.index.prepareDatabase()]);
}, 60_000);

afterAll(async () => {
  await db?.index.postgresDb().$client.end();
  await cluster?.stop();
});

describe('Hearth on PostgreSQL', () => {
  it('applies every migration once, even when two instances start together', async () => {
    const applied = await query<{ n: number }>(cluster.url, 'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    const journal = (await import('@/db/migrations-postgres/meta/_journal.json')).entries;
    expect(applied[0].n).toBe(journal.length);
    const tables = await query<{ name: string }>(cluster.url, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['posts', 'comments', 'users', 'outbox', 'posts_search']));
  });

  it("refuses another application's database, naming what is in the way, and creates nothing in it", async () => {
    const url = await createDatabase('someone_elses');
    await query(url, 'CREATE TABLE wp_posts (id int)');
    const other = db.postgres.openPostgres(url);
    await expect(db.postgres.migratePostgres(other, url)).rejects.toThrow("The database holds tables that are not Hearth's (public.wp_posts): give Hearth an empty database of its own.");
    await other.$client.end();
    expect(await query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).toEqual([{ tablename: 'wp_posts' }]);
  });

  it('says plainly when the password is wrong or the server is not there, never showing the password', async () => {
    const wrong = new URL(cluster.url);
    wrong.password = 'not-the-s3cret';
    const refused = db.postgres.openPostgres(wrong.toString());
    const failure = db.postgres.migratePostgres(refused, wrong.toString());
    await expect(failure).rejects.toThrow(/PostgreSQL refused the password for user "hearth" at hearth@127\.0\.0\.1:\d+\/hearth/);
    await expect(failure).rejects.not.toThrow(/not-the-s3cret/);
    await refused.$client.end();

    const gone = new URL(cluster.url);
    gone.port = '1';
    const unreachable = db.postgres.openPostgres(gone.toString());
    await expect(db.postgres.migratePostgres(unreachable, gone.toString())).rejects.toThrow(/Cannot reach the PostgreSQL server at hearth@127\.0\.0\.1:1\/hearth/);
    await unreachable.$client.end();
  });

  describe('withTransaction', () => {
    const hits = async (key: string) => (await db.index.getDb().select().from(db.schema.rateLimitHits)).filter((row) => row.key === key).length;

    it('with lockFor, 20 attempts at once against a limit of 5 store exactly 5', async () => {
      const attempt = () =>
        db.transaction.withTransaction(async (tx) => {
          await db.transaction.lockFor('limit-test');
          const seen = (await tx.select().from(db.schema.rateLimitHits)).filter((row) => row.key === 'limit-test').length;
          await new Promise((resolve) => setTimeout(resolve, 20)); // the others read meanwhile, unless they wait
          if (seen >= 5) return false;
          await tx.insert(db.schema.rateLimitHits).values({ key: 'limit-test', at: new Date() });
          return true;
        });
      const allowed = await Promise.all(Array.from({ length: 20 }, attempt));
      expect(allowed.filter(Boolean)).toHaveLength(5);
      expect(await hits('limit-test')).toBe(5);
    });

    it('rolls everything back when the body throws and passes the error on unchanged', async () => {
      const failure = new Error('refused by a rule');
      await expect(
        db.transaction.withTransaction(async (tx) => {
          await tx.insert(db.schema.rateLimitHits).values({ key: 'rollback-test', at: new Date() });
          await db.transaction.withTransaction(async () => db.index.getDb().insert(db.schema.rateLimitHits).values({ key: 'rollback-test', at: new Date() }));
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await hits('rollback-test')).toBe(0);
    });
  });

  it('serves the reader query functions from the same rows, odd characters and times intact', async () => {
    const { users, categories, posts } = db.schema;
    const publishedAt = new Date(Date.UTC(2026, 1, 3, 4, 5, 6, 789));
    await db.transaction.withTransaction(async (tx) => {
      const [zoe] = await tx.insert(users).values({ name: 'Zoë O’Brien-Ñúñez', email: 'zoe@example.org', role: 'author', slug: 'zoe' }).returning();
      const [pacing] = await tx.insert(categories).values({ slug: 'pacing', name: 'Pacing' }).returning();
      await tx.insert(posts).values([
        { slug: 'lodz-winter', title: 'A winter in Łódź', excerpt: 'Cold mornings', body: 'Spoons & **flares**.', status: 'published', publishedAt, authorId: zoe.id, categoryId: pacing.id },
        { slug: 'draft-only', title: 'Not yet', excerpt: '', body: 'Draft', status: 'draft', authorId: zoe.id },
      ]);
    });
    const page = await db.posts.listPublishedPosts(1);
    expect(page?.posts.map((post) => post.slug)).toEqual(['lodz-winter']);
    const post = await db.posts.getPublishedPostBySlug('lodz-winter');
    expect(post).toMatchObject({
      title: 'A winter in Łódź',
      publishedAt: publishedAt.toISOString(),
      readingMinutes: 1,
      commentCount: 0,
      author: { name: 'Zoë O’Brien-Ñúñez', slug: 'zoe' },
      category: { name: 'Pacing', slug: 'pacing' },
      body: 'Spoons & **flares**.',
      tags: [],
    });
    expect(await db.posts.getPublishedPostBySlug('draft-only')).toBeNull();
  });
});
