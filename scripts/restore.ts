// `npm run restore <backup>`: brings a backup's database, uploads and auth secret back onto the data folder
// named by DATABASE_URL (the uploads into UPLOADS_DIR when it is set), keeping what it replaces (see
// lib/backups/restore.ts). Stop every server and worker first.
import path from 'node:path';
import { restoreBackup, RestoreRefused } from '@/lib/backups/restore';

process.umask(0o077);

if (!process.argv[2]) {
  console.error('Usage: npm run restore <backup folder or file>');
  process.exit(1);
}

restoreBackup(path.resolve(process.argv[2])).then(
  (report) => console.log(report.join('\n')),
  (error: unknown) => {
    if (error instanceof RestoreRefused) console.error(error.message);
    else console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
