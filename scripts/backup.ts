// `npm run backup [file]`: a consistent copy of the live database, safe while the server runs and writes.
import path from 'node:path';
import { backupDatabase, checkDatabaseFile } from '@/db/backup';
import { env } from '@/lib/env';

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const target = path.resolve(process.argv[2] ?? path.join(env.dataDir, 'backups', `hearth-${stamp}.db`));

async function main() {
  await backupDatabase(env.databasePath, target);
  const check = checkDatabaseFile(target);
  if (!check.ok) {
    console.error(`The backup at ${target} failed its check: ${check.problem}`);
    process.exit(1);
  }
  console.log(`Backed up ${env.databasePath} to ${target} (integrity_check ok).`);
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
