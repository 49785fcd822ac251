/**
 * In what order `npm run db:copy` fills PostgreSQL's tables, read from the foreign keys db/schema-postgres.ts
 * declares: every table after the tables it references, so each inserted row finds its parents. A table that
 * references itself (comment replies, nested menu items) cannot be ordered that way: those columns are left
 * NULL on insert and filled in once the whole table is there.
 */
import 'server-only';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema-postgres';

export type CopyStep = {
  table: PgTable;
  name: string;
  /** Columns that reference this same table: inserted as NULL, set afterwards. */
  selfReferences: string[];
};

export function copyOrder(): CopyStep[] {
  const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));
  const steps = new Map<string, CopyStep & { needs: Set<string> }>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const needs = new Set<string>();
    const selfReferences: string[] = [];
    for (const key of config.foreignKeys) {
      const reference = key.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (target !== config.name) needs.add(target);
      else if (reference.columns.some((column) => column.notNull)) throw new Error(`${config.name} references itself through a NOT NULL column; db:copy cannot insert it.`);
      else selfReferences.push(...reference.columns.map((column) => column.name));
    }
    steps.set(config.name, { table, name: config.name, selfReferences, needs });
  }
  const ordered: CopyStep[] = [];
  const done = new Set<string>();
  while (done.size < steps.size) {
    const ready = [...steps.values()].filter((step) => !done.has(step.name) && [...step.needs].every((name) => done.has(name)));
    if (ready.length === 0) {
      const stuck = [...steps.keys()].filter((name) => !done.has(name));
      throw new Error(`The tables ${stuck.join(', ')} reference each other in a cycle; db:copy cannot order them.`);
    }
    for (const { needs: _needs, ...step } of ready) {
      ordered.push(step);
      done.add(step.name);
    }
  }
  return ordered;
}
