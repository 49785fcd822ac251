/** Who is asking: every action and per-visitor route starts here. */
import 'server-only';
import { headers } from 'next/headers';
import type { UserRole } from '@/db/schema';
import { auth } from './auth';

export type CurrentUser = { id: string; name: string | null; role: UserRole };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  return session?.user?.id ? { id: session.user.id, name: session.user.name, role: session.user.role } : null;
}

/** The client's address as the server saw it (first X-Forwarded-For hop, set by Next or a proxy). */
export async function getClientIp(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown';
}
