/**
 * requireUser()/requireRole(): the one way actions, route handlers and admin pages ask who is asking.
 * Auth.js's auth() is the only thing replaced (it reads cookies from a request); the people are real rows.
 */
import type { UserRole } from '@/db/schema';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { auth } from '@/lib/auth';
import { ADMINS, MODERATORS, STAFF, WRITERS } from '@/lib/roles';
import { requireRole, requireUser } from '@/lib/session';
import { createAuthor } from '../../helpers/fixtures';
import { asSession } from '../../helpers/session';

jest.mock('@/lib/auth', () => ({ auth: jest.fn() }));
// No request here to read a session cookie from: every session comes from the mocked auth().
jest.mock('@/lib/stored-session', () => ({ readStoredSession: async () => undefined }));

const names: Record<UserRole, string> = { member: 'Zoë O’Brien-Ñúñez', author: 'Łukasz Żółć', moderator: 'Ada Ng', admin: 'Björk Guðmundsdóttir' };
const signedIn = async (role: UserRole | null) => {
  const row = role ? await createAuthor({ role, name: names[role] }) : null;
  jest.mocked(auth).mockResolvedValue(asSession(row && { id: row.id, name: row.name, role: row.role }));
  return row && { id: row.id, name: row.name, role: row.role };
};

describe('requireUser', () => {
  it('answers the signed-in person, whatever their role', async () => {
    for (const role of ['member', 'admin'] as const) {
      const person = await signedIn(role);
      expect(await requireUser()).toEqual({ user: person });
    }
  });

  it('refuses with 401 when nobody is signed in', async () => {
    await signedIn(null);
    expect(await requireUser()).toEqual({ refused: 401 });
  });
});

describe('requireRole', () => {
  const cases: [UserRole | readonly UserRole[], UserRole[]][] = [
    ['admin', ['admin']],
    [ADMINS, ['admin']],
    [WRITERS, ['author', 'admin']],
    [MODERATORS, ['moderator', 'admin']],
    [STAFF, ['author', 'moderator', 'admin']],
  ];
  it.each(cases)('%p lets in exactly %p; everyone else signed in gets 403', async (allowed, allowedRoles) => {
    for (const role of ['member', 'author', 'moderator', 'admin'] as const) {
      const person = await signedIn(role);
      expect(await requireRole(allowed)).toEqual(allowedRoles.includes(role) ? { user: person } : { refused: 403 });
    }
  });

  it('refuses with 401, not 403, when nobody is signed in', async () => {
    await signedIn(null);
    expect(await requireRole(ADMINS)).toEqual({ refused: 401 });
  });
});

describe('requireRoleOrSignIn (admin pages)', () => {
  it('sends a signed-out visitor to sign in and back to the page', async () => {
    await signedIn(null);
    const thrown = await requireRoleOrSignIn('/admin/settings?tab=2', ADMINS).catch((error: unknown) => error);
    expect(String((thrown as { digest?: string }).digest)).toContain('/signin?callbackUrl=%2Fadmin%2Fsettings%3Ftab%3D2');
  });

  it('answers null for a role that may not see the page, and the person otherwise', async () => {
    await signedIn('moderator');
    expect(await requireRoleOrSignIn('/admin/settings', ADMINS)).toBeNull();
    const admin = await signedIn('admin');
    expect(await requireRoleOrSignIn('/admin/settings', ADMINS)).toEqual(admin);
  });
});
