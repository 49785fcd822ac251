// `npm run backup [folder]`: one owner-only folder with a consistent copy of the live database, the uploads (UPLOADS_DIR) and
// the auth secret, safe while the server runs and writes (see lib/backups/create.ts).
import path from 'node:path';
import { createBackup, defaultBackupTarget } from '@/lib/backups/create';

// Whatever this process creates is the owner's alone, even before the explicit modes are set.
process.umask(0o077);

createBackup(path.resolve(process.argv[2] ?? defaultBackupTarget())).then(
  (summary) => console.log(summary),
  (error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
