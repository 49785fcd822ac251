/**
 * `npm run db:copy`: moves a SQLite site into an empty PostgreSQL database. The target gets Hearth's PostgreSQL
 * migrations, then every table is copied in foreign-key order inside ONE PostgreSQL transaction (all or
 * nothing). Values are converted by the two Drizzle schemas' own column types (SQLite's driver value → the
 * app's value → PostgreSQL's driver value: integer milliseconds → timestamptz, 0/1 → boolean, JSON text →
 * jsonb), so a new column needs nothing here. Before committing, the row counts must match the source's,
 * the search index (filled by the migration's triggers) must hold one document per post, and every identity
 * sequence is moved past the copied ids. The migrations commit on their own (drizzle's migrator runs its own
 * transaction) and only after the target passed its checks: a copy that fails later leaves the target migrated
 * but empty, so it can simply be run again.
 */
import 'server-only';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as getSQLiteTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { Client } from 'pg';
import { copyOrder, type CopyStep } from './copy-order';
import { openSource } from './copy-source';
import { checkTargetIsFree, quote } from './copy-target';
import { connectionError } from './postgres-errors';
import * as sqliteSchema from './schema-sqlite';

export type CopySummary = { tables: { name: string; rows: number }[]; rows: number; seconds: number };

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;
export const MAX_BATCH_ROWS = 500;

const sqliteTables = new Map(
  Object.values(sqliteSchema as Record<string, unknown>)
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => [getSQLiteTableConfig(table).name, table]),
);

/** Copies the SQLite file `from` into the PostgreSQL database at the postgres:// URL `to`. */
export async function copyToPostgres({ from, to }: { from: string; to: string }): Promise<CopySummary> {
  const started = performance.now();
  const steps = copyOrder();
  const names = steps.map((step) => step.name);
  const source = openSource(from);
  const client = new Client({ connectionString: to, connectionTimeoutMillis: 10_000 });
  let connected = false;
  try {
    await client.connect().catch((error: unknown) => {
      throw connectionError(to, error);
    });
    connected = true;
    await checkTargetIsFree(client, names);
    await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations-postgres') });
    await client.query('BEGIN');
    try {
      // Two copies started at once into the same database: the second waits, then finds rows and refuses.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('hearth db:copy'))");
      await checkTargetIsFree(client, names);
      const tables: CopySummary['tables'] = [];
      for (const step of steps) tables.push({ name: step.name, rows: await copyTable(source.sqlite, client, step) });
      await checkSearchIndex(client);
      await client.query('COMMIT');
      const rows = tables.reduce((sum, table) => sum + table.rows, 0);
      return { tables, rows, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      // The error that stopped the copy is the one to report; a connection too broken to roll back has lost the transaction anyway.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    source.close();
    if (connected) await client.end();
  }
}

type Pair = { pg: PgColumn; sqlite: SQLiteColumn };

/** Copies one table in batches; returns its row count, checked against the source's. */
async function copyTable(sqlite: Database.Database, client: Client, step: CopyStep): Promise<number> {
  const sqliteTable = sqliteTables.get(step.name);
  if (!sqliteTable) throw new Error(`The table ${step.name} is in db/schema-postgres.ts but not in db/schema.ts.`);
  const sqliteColumns = new Map(getSQLiteTableConfig(sqliteTable).columns.map((column) => [column.name, column]));
  const pairs: Pair[] = getTableConfig(step.table).columns.map((pg) => {
    const column = sqliteColumns.get(pg.name);
    if (!column) throw new Error(`The column ${step.name}.${pg.name} is in db/schema-postgres.ts but not in db/schema.ts.`);
    return { pg, sqlite: column };
  });
  const selfAt = step.selfReferences.map((name) => pairs.findIndex((pair) => pair.pg.name === name));
  const keyAt = pairs.findIndex((pair) => pair.pg.primary);
  if (selfAt.length > 0 && keyAt < 0) throw new Error(`${step.name} references itself but has no single-column primary key.`);
  const batchRows = Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / pairs.length));
  const select = sqlite.prepare(`SELECT ${pairs.map((pair) => quote(pair.pg.name)).join(', ')} FROM ${quote(step.name)}`).raw();
  /** [primary key, ...self-referencing values] of the rows whose self-references are set after the insert. */
  const links: unknown[][] = [];
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length > 0) await insertRows(client, step.name, pairs, batch);
    copied += batch.length;
    batch = [];
  };
  for (const raw of select.iterate() as IterableIterator<unknown[]>) {
    const row = pairs.map((pair, i) => convert(step.name, pair, raw[i]));
    if (selfAt.some((i) => row[i] !== null)) links.push([row[keyAt], ...selfAt.map((i) => row[i])]);
    for (const i of selfAt) row[i] = null;
    batch.push(row);
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  if (links.length > 0)
    await setSelfReferences(
      client,
      step.name,
      pairs[keyAt],
      selfAt.map((i) => pairs[i]),
      links,
    );
  await resetIdentity(client, step.name, pairs);
  const expected = (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(step.name)}`).get() as { n: number }).n;
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(step.name)}`);
  if (copied !== expected || rows[0].n !== expected) throw new Error(`${step.name}: the source has ${expected} rows but ${rows[0].n} arrived`);
  return expected;
}

type Mapper = { mapFromDriverValue(value: unknown): unknown; mapToDriverValue(value: unknown): unknown };

/** SQLite's stored value → the app's value (by the SQLite column) → what PostgreSQL's column takes. NULL stays NULL. */
function convert(table: string, { pg, sqlite }: Pair, value: unknown): unknown {
  if (value === null) return null;
  try {
    return (pg as unknown as Mapper).mapToDriverValue((sqlite as unknown as Mapper).mapFromDriverValue(value));
  } catch (error) {
    throw new Error(`${table}.${pg.name}: a ${sqlite.getSQLType()} value cannot become ${pg.getSQLType()} (${(error as Error).message})`, { cause: error });
  }
}

async function insertRows(client: Client, table: string, pairs: Pair[], rows: unknown[][]): Promise<void> {
  const width = pairs.length;
  const values = rows.map((_, r) => `(${pairs.map((_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
  const columns = pairs.map((pair) => quote(pair.pg.name)).join(', ');
  await client.query(`INSERT INTO ${quote(table)} (${columns}) VALUES ${values}`, rows.flat()).catch((error: Error) => {
    throw new Error(`Copying ${table} failed: ${error.message}`, { cause: error });
  });
}

/** Fills in the self-referencing columns left NULL on insert, now that every row they point to exists. */
async function setSelfReferences(client: Client, table: string, key: Pair, columns: Pair[], links: unknown[][]): Promise<void> {
  const all = [key, ...columns];
  const batchRows = Math.floor(MAX_PARAMETERS / all.length);
  const sets = columns.map((pair, i) => `${quote(pair.pg.name)} = v.c${i}`).join(', ');
  const names = ['k', ...columns.map((_, i) => `c${i}`)].join(', ');
  for (let start = 0; start < links.length; start += batchRows) {
    const batch = links.slice(start, start + batchRows);
    const values = batch.map((_, r) => `(${all.map((pair, c) => `$${r * all.length + c + 1}::${pair.pg.getSQLType()}`).join(', ')})`).join(', ');
    await client.query(`UPDATE ${quote(table)} SET ${sets} FROM (VALUES ${values}) AS v(${names}) WHERE ${quote(table)}.${quote(key.pg.name)} = v.k`, batch.flat());
  }
}

/** The next id PostgreSQL hands out comes after the highest copied one. */
async function resetIdentity(client: Client, table: string, pairs: Pair[]): Promise<void> {
  for (const { pg } of pairs.filter((pair) => pair.pg.generatedIdentity)) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(pg.name)}), 0) + 1, false) FROM ${quote(table)}`, [quote(table), pg.name]);
  }
}

/** The migration's triggers index each post as it arrives; a post without a document would be unfindable. */
async function checkSearchIndex(client: Client): Promise<void> {
  const { rows } = await client.query<{ posts: number; documents: number }>('SELECT (SELECT count(*)::int FROM posts) AS posts, (SELECT count(*)::int FROM posts_search) AS documents');
  if (rows[0].posts !== rows[0].documents) throw new Error(`The search index holds ${rows[0].documents} documents for ${rows[0].posts} posts`);
}
