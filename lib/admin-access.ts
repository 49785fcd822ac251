/**
 * The first step of every admin page, built on requireRole() (lib/session.ts) like actions and route
 * handlers: a signed-out visitor goes to sign-in and comes back; someone whose role may not see the page
 * gets null (the page says who may); otherwise the person.
 */
import 'server-only';
import { redirect } from 'next/navigation';
import type { UserRole } from '@/db/schema-values';
import { requireRole, type CurrentUser } from './session';

export async function requireRoleOrSignIn(path: string, allowed: UserRole | readonly UserRole[]): Promise<CurrentUser | null> {
  const { user, refused } = await requireRole(allowed);
  if (refused === 401) redirect(`/signin?${new URLSearchParams({ callbackUrl: path })}`);
  return user ?? null;
}
