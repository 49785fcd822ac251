/**
 * The secret that signs sessions and hashes sign-in codes. AUTH_SECRET wins; otherwise one is
 * generated on first start and kept in the data folder, readable by the owner only.
 */
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '@/db/file-modes';
import { dataPaths } from './data-folder';
import { env } from './env';

let cached: string | undefined;

export function getAuthSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = dataPaths.authSecret;
  if (fs.existsSync(file)) return (cached = fs.readFileSync(file, 'utf8').trim());
  fs.mkdirSync(dataPaths.folder, { recursive: true, mode: OWNER_DIR_MODE });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, secret, { mode: OWNER_FILE_MODE, flag: 'wx' });
    console.log(`[hearth] AUTH_SECRET is not set: generated one and stored it in ${file} (owner-only).`);
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (cached = fs.readFileSync(file, 'utf8').trim());
}
