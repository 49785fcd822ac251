/**
 * db/schema.ts (SQLite) and db/schema-postgres.ts (PostgreSQL) must describe one shape: the same tables,
 * column names, nullability, primary keys, unique constraints, indexes and foreign keys (with their ON DELETE).
 * Types differ on purpose (integer milliseconds vs timestamptz, 0/1 vs boolean, JSON text vs jsonb). Reads
 * both with Drizzle's getTableConfig, so a column added to one file and not the other fails here first.
 */
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as pgSchema from '@/db/schema-postgres';
import * as sqliteSchema from '@/db/schema-sqlite';

type Config = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

const names = (columns: readonly unknown[]) => columns.map((column) => (column as { name: string }).name).join(',');

/** A table as the drift test compares it: plain data, sorted, without anything dialect-specific. */
function shape(config: Config) {
  const { columns, indexes, foreignKeys, primaryKeys, uniqueConstraints } = config as ReturnType<typeof pgConfig>;
  const compositeKey = primaryKeys.map((key) => names(key.columns));
  const columnKey = columns.filter((column) => column.primary).map((column) => column.name);
  return {
    columns: Object.fromEntries(columns.map((column) => [column.name, column.notNull ? 'not null' : 'null'])),
    primaryKey: [...compositeKey, ...(columnKey.length ? [columnKey.join(',')] : [])],
    unique: [
      ...columns.filter((column) => column.isUnique).map((column) => column.name),
      ...uniqueConstraints.map((constraint) => names(constraint.columns)),
      ...indexes.filter((index) => index.config.unique).map((index) => names(index.config.columns)),
    ].sort(),
    indexes: indexes.map((index) => `${index.config.name} (${names(index.config.columns)})${index.config.unique ? ' unique' : ''}`).sort(),
    foreignKeys: foreignKeys
      .map((key) => {
        const { columns: from, foreignTable, foreignColumns } = key.reference();
        return `${names(from)} → ${getTableName(foreignTable)}(${names(foreignColumns)}) on delete ${key.onDelete ?? 'no action'}`;
      })
      .sort(),
  };
}

function describeSchema(module: Record<string, unknown>, isTable: (value: unknown) => boolean, read: (table: never) => Config) {
  const tables = Object.values(module)
    .filter(isTable)
    .map((table) => read(table as never));
  return Object.fromEntries(tables.sort((a, b) => a.name.localeCompare(b.name)).map((config) => [config.name, shape(config)]));
}

const sqlite = describeSchema(sqliteSchema, (value) => is(value, SQLiteTable), sqliteConfig);
const postgres = describeSchema(pgSchema, (value) => is(value, PgTable), pgConfig);

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables', () => {
    expect(Object.keys(postgres)).toEqual(Object.keys(sqlite));
    expect(Object.keys(sqlite).length).toBeGreaterThan(30);
  });

  it.each(Object.keys(sqlite))('%s: same columns, nullability, keys, unique constraints, indexes and foreign keys', (table) => {
    expect(postgres[table]).toEqual(sqlite[table]);
  });

  it('see what they should (the comparison reads foreign keys, composite keys and unique indexes)', () => {
    expect(sqlite.posts.foreignKeys).toContain('category_id → categories(id) on delete set null');
    expect(sqlite.post_tags.primaryKey).toEqual(['post_id,tag_id']);
    expect(sqlite.comment_reports.unique).toEqual(['comment_id,reporter_id']);
    expect(sqlite.users.unique).toEqual(['email', 'slug']);
  });
});
