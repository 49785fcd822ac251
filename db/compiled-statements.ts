/**
 * better-sqlite3 compiles a statement on every prepare(), and Drizzle prepares every query it runs: the
 * same few hundred SQL texts were compiled again on each request (a tenth of a comment's CPU time).
 * Compiled statements are kept by their SQL text, a bounded number of them, and handed out again.
 */
import type Database from 'better-sqlite3';

export function keepCompiledStatements(sqlite: Database.Database, max = 500): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    // A statement still stepping through an iterate() cannot run again: that caller gets a fresh one.
    if (statement && !statement.busy) {
      // Drizzle switches a statement to raw rows when it maps columns itself; every use starts from objects.
      if (statement.reader) statement.raw(false);
      return statement;
    }
    const compiled = compile(source);
    if (!statement) {
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
      kept.set(source, compiled);
    }
    return compiled;
  }) as typeof sqlite.prepare;
}
