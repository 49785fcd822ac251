/**
 * How a failed write rejects, on either engine: SQLite's driver error as it is; on PostgreSQL Drizzle's
 * DrizzleQueryError ("Failed query: …") with the driver's error as its `cause`. Codes are SQLite's names or
 * PostgreSQL's SQLSTATEs.
 */
import { databaseEngine } from '@/db/database-file';

const onPostgres = () => databaseEngine() === 'postgres';

export const foreignKeyViolation = () => (onPostgres() ? '23503' : 'SQLITE_CONSTRAINT_FOREIGNKEY');

/** For `rejects.toMatchObject(…)`: the driver's error carries these fields. */
export const driverError = (fields: Record<string, unknown>) => (onPostgres() ? { cause: expect.objectContaining(fields) } : fields);
