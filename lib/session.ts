/** Who is asking: every action and per-visitor route starts here. */
import 'server-only';
import { headers } from 'next/headers';
import type { UserRole } from '@/db/schema';
import { auth } from './auth';
import { readStoredSession } from './stored-session';

export type CurrentUser = { id: string; name: string | null; role: UserRole };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const stored = await readStoredSession();
  if (stored !== undefined) return stored;
  const session = await auth();
  return session?.user?.id ? { id: session.user.id, name: session.user.name, role: session.user.role } : null;
}

/**
 * The client's address. server/index.js replaces X-Forwarded-For with the one address it decided
 * (the socket's peer, or the right-most hop past TRUSTED_PROXIES), so whatever a client sent is gone.
 * Without that server (`next dev`), the right-most hop is the one nearest to this process.
 */
export async function getClientIp(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
