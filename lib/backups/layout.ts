/**
 * What one Hearth backup holds: everything needed to bring a site back. A backup is one owner-only folder
 * (copy it off the machine with `tar`, `rsync` or `scp -r`):
 *   hearth.db      a consistent copy of the database (SQLite's online backup, taken while the server writes),
 *                  or on PostgreSQL hearth.pgdump (pg_dump's custom format, one snapshot)
 *   uploads/       every uploaded image
 *   auth-secret    the generated secret that signs every unsubscribe, manage and mute link already sent,
 *                  or, when AUTH_SECRET comes from the environment, secret-note.txt saying so
 */
import path from 'node:path';

export const backupLayout = (folder: string) => ({
  database: path.join(folder, 'hearth.db'),
  postgresDump: path.join(folder, 'hearth.pgdump'),
  uploads: path.join(folder, 'uploads'),
  authSecret: path.join(folder, 'auth-secret'),
  secretNote: path.join(folder, 'secret-note.txt'),
});

/** A UTC time for file names: 20261126T131500Z. */
export const fileStamp = (now = new Date()) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
