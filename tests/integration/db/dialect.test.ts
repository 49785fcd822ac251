/**
 * The SQL fragments each engine spells its own way (db/dialect.ts) mean the same on SQLite and PostgreSQL:
 * the same rows go into a SQLite file and a throwaway PostgreSQL database, and every fragment must pick the
 * same ones. Each engine's database modules are loaded on their own with DATABASE_URL naming it.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { loadEngine, on, type EngineName, type Loaded } from '../../helpers/both-engines';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';

type Engine = Loaded<{
  transaction: typeof import('@/db/transaction');
  schema: typeof import('@/db/schema');
  dialect: typeof import('@/db/dialect');
  stats: typeof import('@/db/queries/stats');
}>;

let cluster: PostgresCluster;
const engines: Engine[] = [];

const load = (name: EngineName, url: string): Promise<Engine> =>
  loadEngine(name, url, async () => ({
    transaction: await import('@/db/transaction'),
    schema: await import('@/db/schema'),
    dialect: await import('@/db/dialect'),
    stats: await import('@/db/queries/stats'),
  }));

const NAMES = ['Zoë O’Brien-Ñúñez', 'ŁUKASZ', 'Ada 100% sure', 'under_score', 'back\\slash', 'Plain Pat'];

beforeAll(async () => {
  cluster = await startPostgres();
  engines.push(await load('sqlite', process.env.DATABASE_URL!), await load('postgres', cluster.url));
  for (const engine of engines) {
    await on(engine, async ({ transaction, schema }) =>
      transaction.withTransaction(async (tx) => {
        const people = await tx
          .insert(schema.users)
          .values(NAMES.map((name, i) => ({ name, email: `person${i}@example.org`, role: 'author' as const, slug: `person-${i}` })))
          .returning();
        const [post] = await tx.insert(schema.posts).values({ slug: 'p', title: 'Pacing', excerpt: '', body: 'Body', status: 'draft', authorId: people[0].id }).returning();
        await tx.insert(schema.postWorkingCopies).values({ postId: post.id, fields: { title: 'Changed', coverImageId: 42 }, savedAt: new Date() });
        const day = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h, 30));
        // 23:30 and 00:30 UTC fall on different days, whatever the server's time zone.
        for (const at of [day(24, 23), day(25, 0), day(25, 12), day(26, 8)])
          await tx.insert(schema.comments).values({ postId: post.id, authorId: people[1].id, depth: 1, body: 'hi', html: '<p>hi</p>', status: 'approved', createdAt: at });
        const [a, b] = await tx
          .insert(schema.tags)
          .values([
            { slug: 'a', name: 'A' },
            { slug: 'b', name: 'B' },
          ])
          .returning();
        await tx.insert(schema.postTags).values([
          { postId: post.id, tagId: a.id },
          { postId: post.id, tagId: b.id },
        ]);
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const engine of engines) await on(engine, ({ index }) => index.closeDatabase());
  await cluster?.stop();
});

const both = <T>(work: (e: Engine) => Promise<T>) => Promise.all(engines.map((engine) => on(engine, work)));

describe.each(['sqlite', 'postgres'] as const)('on %s', (name) => {
  const engine = () => engines.find((e) => e.name === name)!;
  const namesWhere = (where: (e: Engine) => ReturnType<Engine['dialect']['containsText']>) =>
    on(engine(), async (e) => (await e.index.getDb().select({ name: e.schema.users.name }).from(e.schema.users).where(where(e)).orderBy(asc(e.schema.users.slug))).map((row) => row.name));

  it('containsText ignores letter case and takes %, _ and \\ literally', async () => {
    expect(await namesWhere((e) => e.dialect.containsText(e.schema.users.name, 'łukasz'.toUpperCase()))).toEqual(['ŁUKASZ']);
    expect(await namesWhere((e) => e.dialect.containsText(e.schema.users.name, 'plain'))).toEqual(['Plain Pat']);
    expect(await namesWhere((e) => e.dialect.containsText(e.schema.users.name, '100%'))).toEqual(['Ada 100% sure']);
    expect(await namesWhere((e) => e.dialect.containsText(e.schema.users.name, '_'))).toEqual(['under_score']);
    expect(await namesWhere((e) => e.dialect.containsText(e.schema.users.name, '\\'))).toEqual(['back\\slash']);
  });

  it('containsText searches a JSON column as its text', async () => {
    const rows = await on(engine(), async (e) =>
      e.index.getDb().select({ postId: e.schema.postWorkingCopies.postId }).from(e.schema.postWorkingCopies).where(e.dialect.containsText(e.schema.postWorkingCopies.fields, 'changed')),
    );
    expect(rows).toHaveLength(1);
  });

  it('containsExactly counts letter case', async () => {
    expect(await namesWhere((e) => e.dialect.containsExactly(e.schema.users.name, 'O’Brien-Ñúñez'))).toEqual(['Zoë O’Brien-Ñúñez']);
    expect(await namesWhere((e) => e.dialect.containsExactly(e.schema.users.name, 'o’brien'))).toEqual([]);
  });

  it('hasNonHexCharacter tells a hex digest from anything else', async () => {
    const rows = await on(engine(), async (e) =>
      e.index
        .getDb()
        .select({ digest: e.dialect.hasNonHexCharacter(sql`${'0123456789abcdef'}`), other: e.dialect.hasNonHexCharacter(sql`${'0123abcdefG'}`) })
        .from(e.schema.users)
        .limit(1),
    );
    expect(rows.map((row) => [Boolean(row.digest), Boolean(row.other)])).toEqual([[false, true]]);
  });

  it('jsonNumber reads a whole number from a JSON column', async () => {
    const [row] = await on(engine(), async (e) =>
      e.index
        .getDb()
        .select({ cover: e.dialect.jsonNumber(e.schema.postWorkingCopies.fields, 'coverImageId') })
        .from(e.schema.postWorkingCopies),
    );
    expect(Number(row.cover)).toBe(42);
  });

  it('utcDay groups times by their UTC day (comments per day)', async () => {
    expect(await on(engine(), (e) => e.stats.commentsPerDay('2026-11-01'))).toEqual([
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 2 },
      { day: '2026-11-26', count: 1 },
    ]);
  });

  it('copies rows with INSERT … SELECT, skipping those already there (merging tag a into b)', async () => {
    const rows = await on(engine(), async (e) => {
      const { postTags, tags } = e.schema;
      return e.transaction.withTransaction(async (tx) => {
        const [a] = await tx.select().from(tags).where(eq(tags.slug, 'a'));
        const [b] = await tx.select().from(tags).where(eq(tags.slug, 'b'));
        await tx
          .insert(postTags)
          .select(
            tx
              .select({ postId: postTags.postId, tagId: sql<number>`${b.id}`.as('tag_id') })
              .from(postTags)
              .where(eq(postTags.tagId, a.id)),
          )
          .onConflictDoNothing();
        return tx
          .select()
          .from(postTags)
          .where(and(eq(postTags.tagId, b.id)));
      });
    });
    expect(rows).toHaveLength(1);
  });
});

it('gives the same answers on both engines', async () => {
  const answers = await both(async (e) => e.stats.commentsPerDay('2026-11-25'));
  expect(answers[1]).toEqual(answers[0]);
});
