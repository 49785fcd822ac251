/** Compiled statements are reused by SQL text, never while busy, always starting from object rows. */
import Database from 'better-sqlite3';
import { keepCompiledStatements } from '@/db/compiled-statements';

let sqlite: Database.Database;

beforeEach(() => {
  sqlite = new Database(':memory:');
  keepCompiledStatements(sqlite, 3);
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('Zoë'), ('Łukasz'), ('Mo 🌿')");
});
afterEach(() => sqlite.close());

it('hands out the statement compiled for the same SQL text again', () => {
  const first = sqlite.prepare('SELECT name FROM t WHERE id = ?');
  expect(sqlite.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
  expect(sqlite.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: 'Łukasz' });
  expect(sqlite.prepare('SELECT id FROM t WHERE id = ?')).not.toBe(first);
});

it('gives object rows to the next caller after one asked for raw rows', () => {
  expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').raw().all()[0]).toEqual([1, 'Zoë']);
  expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').all()[0]).toEqual({ id: 1, name: 'Zoë' });
});

it('compiles a fresh statement while the kept one is stepping through an iterate()', () => {
  const names: string[] = [];
  for (const row of sqlite.prepare('SELECT name FROM t ORDER BY id').iterate() as Iterable<{ name: string }>) {
    names.push(row.name, (sqlite.prepare('SELECT name FROM t ORDER BY id').get() as { name: string }).name);
  }
  expect(names).toEqual(['Zoë', 'Zoë', 'Łukasz', 'Zoë', 'Mo 🌿', 'Zoë']);
});

it('keeps a bounded number, forgetting the oldest first', () => {
  const oldest = sqlite.prepare('SELECT 1');
  sqlite.prepare('SELECT 2');
  sqlite.prepare('SELECT 3');
  sqlite.prepare('SELECT 4');
  expect(sqlite.prepare('SELECT 4')).toBe(sqlite.prepare('SELECT 4'));
  expect(sqlite.prepare('SELECT 1')).not.toBe(oldest);
});

it('runs writes through kept statements', () => {
  const insert = () => sqlite.prepare('INSERT INTO t (name) VALUES (?)');
  insert().run('Ana');
  insert().run('Priya');
  expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 5 });
});
