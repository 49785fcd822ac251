/**
 * The secret that signs sessions and links and hashes sign-in codes, for the app: resolved by the same rules
 * as the production server's (server/auth-secret.js: AUTH_SECRET, else a generated owner-only file in the
 * data folder), once per process.
 */
import 'server-only';
import { resolveAuthSecret } from '@/server/auth-secret';
import { env } from './env';

let cached: string | undefined;

export function getAuthSecret(): string {
  return (cached ??= resolveAuthSecret(env.AUTH_SECRET, env.dataDir));
}
