// `DATABASE_URL=<file:path or postgres://…> node --import tsx --conditions=react-server bench/seed-cli.ts '<sizes JSON>'`:
// fills that database for the benchmark and prints what the benchmark needs (bench/seed.ts) as JSON.
// PostgreSQL is migrated only when asked (SQLite on first use), and its pool would keep the process alive: prepare, then close.
import { closeDatabase, prepareDatabase } from '@/db/index';
import { seedBenchData, type BenchSizes } from './seed';

const sizes = JSON.parse(process.argv[2] ?? '') as BenchSizes;
prepareDatabase()
  .then(() => seedBenchData(sizes))
  .then((data) => process.stdout.write(JSON.stringify(data)))
  .then(closeDatabase)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
