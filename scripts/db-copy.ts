// `npm run db:copy -- --to postgres://user:password@host:port/database [--from file:<path>]`: copies this site's
// SQLite database (DATABASE_URL by default) into an empty PostgreSQL database (see db/copy-to-postgres.ts).
import { parseArgs } from 'node:util';
import { copyToPostgres } from '@/db/copy-to-postgres';
import { databaseFilePath } from '@/db/database-file';

const usage = 'Usage: npm run db:copy -- --to postgres://user:password@host:port/database [--from file:<path>]';

function readArguments(): { from: string; to: string } {
  try {
    const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
    // The URL carries a password: it is never echoed back, not even when it is malformed.
    if (!values.to || !/^postgres(ql)?:\/\/[^/]/.test(values.to) || !URL.canParse(values.to)) throw new Error('--to must be a postgres:// URL.');
    return { to: values.to, from: databaseFilePath(values.from) };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const { from, to } = readArguments();
copyToPostgres({ from, to }).then(
  (summary) => {
    const width = Math.max(...summary.tables.map((table) => table.name.length));
    console.log(`${'table'.padEnd(width)}  rows`);
    for (const table of summary.tables) console.log(`${table.name.padEnd(width)}  ${table.rows}`);
    console.log(`copied ${summary.rows} rows in ${summary.seconds.toFixed(1)} s`);
  },
  (error: unknown) => {
    console.error(`db:copy failed, no row was copied: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
