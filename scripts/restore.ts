/**
 * `npm run restore <file>`: puts a backup in place of the database named by DATABASE_URL.
 * Refuses a file that fails integrity_check or is not a Hearth database, and refuses while any process
 * (the server, the mail worker) has the live database open: stop them first. The replaced file (with its
 * -wal, so nothing committed in it is lost) is kept beside it as `<name>.replaced-<time>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, checkDatabaseFile, processesUsing } from '@/db/backup';
import { env } from '@/lib/env';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const source = process.argv[2] ? path.resolve(process.argv[2]) : fail('Usage: npm run restore <backup file>');
const target = env.databasePath;
if (source === target) fail('That file is the live database itself.');

const check = checkDatabaseFile(source);
if (!check.ok) fail(`Not restoring: ${check.problem}`);

const users = processesUsing(target);
if (users === null && fs.existsSync(`${target}-wal`)) fail(`Not restoring: ${target}-wal exists, so the server may be running. Stop it first.`);
if (users && users.length > 0) fail(`Not restoring: ${target} is open in process ${users.join(', ')} (the server or the mail worker). Stop it first.`);

async function main() {
  // Copied beside the target first (through SQLite, so a -wal beside the source comes along), then swapped in by rename.
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  await backupDatabase(source, incoming);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const kept = `${target}.replaced-${stamp}`;
  const replacing = fs.existsSync(target);
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
  fs.renameSync(incoming, target);
  console.log(`Restored ${source} to ${target}.${replacing ? ` The replaced database is kept at ${kept}.` : ''}`);
}

main().catch((error: unknown) => fail(`Restore failed: ${error instanceof Error ? error.message : String(error)}`));
