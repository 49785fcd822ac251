/**
 * Who is signed in, for tests that call actions and route handlers directly: the session as Auth.js's
 * auth() gives it to lib/session.ts (the test mocks '@/lib/auth', and '@/lib/stored-session' to leave every session to it), so the real requireUser()/requireRole() run.
 */
import type { UserRole } from '@/db/schema';
import type { auth } from '@/lib/auth';

export const asSession = (user: { id: string; name: string | null; role: UserRole } | null) => (user ? { user, expires: '' } : null) as Awaited<ReturnType<typeof auth>>;
