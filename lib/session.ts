/**
 * Who is asking: every action, per-visitor route and admin page starts here. `requireUser()` and
 * `requireRole()` answer the same way for all of them: the person, or `refused` with the HTTP status
 * that fits (401 nobody signed in, 403 a role that may not), which each caller turns into its own answer.
 */
import 'server-only';
import { headers } from 'next/headers';
import type { UserRole } from '@/db/schema-values';
import { auth } from './auth';
import { readStoredSession } from './stored-session';

/** The signed-in person, the one name for them across lib/ (whoever acts in a rule is one of these). */
export type CurrentUser = { id: string; name: string | null; role: UserRole };

/** The person asking, or why not. */
export type Asking<R extends 401 | 403 = 401 | 403> = { user: CurrentUser; refused?: undefined } | { user?: undefined; refused: R };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const stored = await readStoredSession();
  if (stored !== undefined) return stored;
  const session = await auth();
  return session?.user?.id ? { id: session.user.id, name: session.user.name, role: session.user.role } : null;
}

/** Anyone signed in. */
export async function requireUser(): Promise<Asking<401>> {
  const user = await getCurrentUser();
  return user ? { user } : { refused: 401 };
}

/** Someone signed in whose role is `allowed` (one role, or one of several: see lib/roles.ts). */
export async function requireRole(allowed: UserRole | readonly UserRole[]): Promise<Asking> {
  const asking = await requireUser();
  if (asking.refused) return asking;
  return (typeof allowed === 'string' ? allowed === asking.user.role : allowed.includes(asking.user.role)) ? asking : { refused: 403 };
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
