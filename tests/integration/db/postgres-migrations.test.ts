/**
 * The PostgreSQL migrations on a real, throwaway PostgreSQL cluster: they apply with drizzle-orm's node-postgres
 * migrator (once: a second run changes nothing), the database they make is the one db/schema-postgres.ts
 * describes, and the search migration's index finds posts the way SQLite's FTS5 does (accents ignored,
 * prefixes, title above body, tags kept current by triggers).
 */
import path from 'node:path';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import * as schema from '@/db/schema-postgres';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';

const migrationsFolder = path.join(__dirname, '..', '..', '..', 'db', 'migrations-postgres');
/** Made by the search migration (like posts_fts on SQLite), so not in the Drizzle schema. */
const SEARCH_TABLES = ['posts_search'];

let cluster: PostgresCluster;
let pool: Pool;
let db: NodePgDatabase<typeof schema>;

beforeAll(async () => {
  cluster = await startPostgres();
  pool = new Pool({ connectionString: cluster.url, max: 2 });
  db = drizzle(pool, { schema });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
});

type ColumnRow = { table_name: string; column_name: string; nullable: boolean; type: string };

/** Every column of every table in the public schema, with its type as PostgreSQL writes it. */
async function describeDatabase(): Promise<ColumnRow[]> {
  const { rows } = await pool.query<ColumnRow>(`
    SELECT c.relname AS table_name, a.attname AS column_name, NOT a.attnotnull AS nullable, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY 1, 2`);
  return rows;
}

const drizzleTables = () => Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

describe('the PostgreSQL migrations', () => {
  it('apply once with the node-postgres migrator, and a second run changes nothing', async () => {
    await migrate(db, { migrationsFolder });
    const applied = await pool.query('SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id');
    const journal = (await import('@/db/migrations-postgres/meta/_journal.json')).entries;
    expect(applied.rowCount).toBe(journal.length);
    const before = await describeDatabase();
    await migrate(db, { migrationsFolder });
    expect((await pool.query('SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id')).rows).toEqual(applied.rows);
    expect(await describeDatabase()).toEqual(before);
  }, 30_000);

  it('make the tables and columns db/schema-postgres.ts describes (names, types, nullability)', async () => {
    const actual = (await describeDatabase()).filter((row) => !SEARCH_TABLES.includes(row.table_name));
    const expected = drizzleTables()
      .flatMap((table) => {
        const config = getTableConfig(table);
        return config.columns.map((column) => ({ table_name: config.name, column_name: column.name, nullable: !column.notNull, type: column.getSQLType() }));
      })
      .sort((a, b) => a.table_name.localeCompare(b.table_name) || a.column_name.localeCompare(b.column_name));
    expect(actual.sort((a, b) => a.table_name.localeCompare(b.table_name) || a.column_name.localeCompare(b.column_name))).toEqual(expected);
    expect(expected.find((c) => c.table_name === 'posts' && c.column_name === 'published_at')?.type).toBe('timestamp with time zone');
  });

  it('make its indexes, unique constraints and foreign keys (with ON DELETE) too', async () => {
    const onDelete: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
    const indexes = await pool.query<{ name: string }>(
      `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relnamespace = 'public'::regnamespace AND NOT x.indisprimary`,
    );
    const keys = await pool.query<{ table_name: string; columns: string; target: string; on_delete: string }>(`
      SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS target, c.confdeltype AS on_delete,
        (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    const configs = drizzleTables().map((table) => getTableConfig(table));
    const expectedIndexes = configs.flatMap((config) => [
      ...config.indexes.map((index) => index.config.name),
      ...config.columns.filter((column) => column.isUnique).map((column) => column.uniqueName),
      ...config.uniqueConstraints.map((constraint) => constraint.getName()),
    ]);
    const expectedKeys = configs.flatMap((config) =>
      config.foreignKeys.map((key) => {
        const { columns, foreignTable } = key.reference();
        return `${config.name}(${columns.map((column) => column.name).join(',')}) → ${getTableConfig(foreignTable).name} on delete ${key.onDelete ?? 'no action'}`;
      }),
    );
    const search = ['posts_search_document_idx', 'posts_search(post_id) → posts on delete cascade'];
    expect(indexes.rows.map((row) => row.name).sort()).toEqual([...expectedIndexes, search[0]].sort());
    expect(keys.rows.map((row) => `${row.table_name}(${row.columns}) → ${row.target} on delete ${onDelete[row.on_delete]}`).sort()).toEqual([...expectedKeys, search[1]].sort());
  });

  describe('search', () => {
    const ids: Record<string, number> = {};
    const search = async (query: string) =>
      (
        await pool.query<{ title: string }>(
          `SELECT p.title FROM posts_search s JOIN posts p ON p.id = s.post_id, to_tsquery('hearth_search', $1) q
           WHERE s.document @@ q ORDER BY ts_rank(s.document, q) DESC, p.id`,
          [query],
        )
      ).rows.map((row) => row.title);

    beforeAll(async () => {
      await db.insert(schema.users).values([
        { id: 'zoe', name: 'Zoë O’Brien-Ñúñez', email: 'zoe@example.org', role: 'author' },
        { id: 'lukasz', name: 'Łukasz', email: 'lukasz@example.com', role: 'author' },
      ]);
      const tags = await db
        .insert(schema.tags)
        .values([
          { slug: 'fibromyalgia', name: 'Fibromyalgia' },
          { slug: 'travel', name: 'Travel' },
        ])
        .returning();
      const posts = await db
        .insert(schema.posts)
        .values([
          {
            slug: 'nights',
            title: 'Bad nights',
            excerpt: 'What helps.',
            body: 'Some weeks I can’t sleep at all, and pacing helps more than pills.',
            status: 'published',
            publishedAt: new Date('2026-11-02T09:00:00Z'),
            authorId: 'zoe',
          },
          {
            slug: 'lodz',
            title: 'Łódź and sleep',
            excerpt: 'A city break on a low-energy budget.',
            body: 'Trains, benches and a quiet hotel.',
            status: 'published',
            publishedAt: new Date('2026-11-01T09:00:00Z'),
            authorId: 'lukasz',
          },
          { slug: 'draft', title: 'Notes for later', body: 'Half a thought about flares.', authorId: 'zoe' },
        ])
        .returning();
      for (const post of posts) ids[post.slug] = post.id;
      await db.insert(schema.postTags).values([
        { postId: ids.lodz, tagId: tags[1].id },
        { postId: ids.nights, tagId: tags[0].id },
      ]);
    });

    it('has one document per post, drafts included (visibility is the query’s business)', async () => {
      expect((await pool.query('SELECT count(*)::int AS n FROM posts_search')).rows[0].n).toBe(3);
      expect(await search('flare:*')).toEqual(['Notes for later']);
    });

    it('finds an accented title from an accent-free prefix', async () => {
      expect(await search('lod:*')).toEqual(['Łódź and sleep']);
      expect(await search('lodz')).toEqual(['Łódź and sleep']);
    });

    it('ranks a title match above a body match, and stems like English', async () => {
      expect(await search('sleep:*')).toEqual(['Łódź and sleep', 'Bad nights']);
      expect(await search('sleeping')).toEqual(['Łódź and sleep', 'Bad nights']);
    });

    it('keeps tags current: added, renamed, removed, and a deleted post leaves no row', async () => {
      expect(await search('fibromyalgia')).toEqual(['Bad nights']);
      await pool.query("UPDATE tags SET name = 'Chronic pain' WHERE slug = 'fibromyalgia'");
      expect(await search('fibromyalgia')).toEqual([]);
      expect(await search('chronic & pain')).toEqual(['Bad nights']);
      await pool.query('DELETE FROM post_tags WHERE post_id = $1', [ids.nights]);
      expect(await search('chronic')).toEqual([]);
      await pool.query('UPDATE posts SET body = $1 WHERE id = $2', ['Now about Kraków.', ids.nights]);
      expect(await search('krakow')).toEqual(['Bad nights']);
      await db.delete(schema.posts).where(eq(schema.posts.id, ids.lodz));
      expect(await search('travel | lodz')).toEqual([]);
      expect((await pool.query('SELECT count(*)::int AS n FROM posts_search')).rows[0].n).toBe(2);
    });
  });
});
