/**
 * The action wrapper on its own, with real writes to a real temporary SQLite database. Who is signed in
 * comes from Auth.js cookies in a request; here the test says who is asking (Auth.js's auth() is the
 * only thing replaced). Over HTTP against the built app: tests/reliability/action-failures.test.ts.
 */
import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { updateDisplayName } from '@/db/queries/member-account';
import { users, type UserRole } from '@/db/schema';
import { argsAction, formAction } from '@/lib/actions/guarded';
import { SIGNED_OUT, UNEXPECTED } from '@/lib/actions/state';
import { ADMINS } from '@/lib/roles';
import { auth } from '@/lib/auth';
import { createAuthor } from '../../../helpers/fixtures';
import { refuseWrites } from '../../../helpers/refused-writes';
import { asSession } from '../../../helpers/session';

jest.mock('@/lib/auth', () => ({ auth: jest.fn() }));
// No request here to read a session cookie from: every session comes from the mocked auth().
jest.mock('@/lib/stored-session', () => ({ readStoredSession: async () => undefined }));
const signedIn = async (role: UserRole | null) => {
  const row = role ? await createAuthor({ role }) : null;
  jest.mocked(auth).mockResolvedValue(asSession(row && { id: row.id, name: row.name, role: row.role }));
  return row;
};
const nameOf = async (id: string) => (await getDb().select({ name: users.name }).from(users).where(eq(users.id, id)))[0]?.name;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const renameSchema = z.object({ name: z.string().min(2, 'Too short.'), note: z.string().max(3, 'Too long.') });
const run = jest.fn(async (input: z.infer<typeof renameSchema>, user: { id: string }) => {
  await updateDisplayName(user.id, input.name);
  return { ok: true, message: 'Renamed.' };
});
const admins = { roles: ADMINS, refusal: 'Admins only.' };
const renameAction = formAction({ name: 'test rename', access: admins, schema: renameSchema }, run);

let errors: jest.SpyInstance;
beforeEach(() => {
  run.mockClear();
  jest.mocked(auth).mockReset();
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

describe('formAction', () => {
  it('runs the work with the parsed input and the signed-in user whose role passes', async () => {
    const admin = (await signedIn('admin'))!;
    expect(await renameAction({ ok: false }, form({ name: 'Ada Admin', note: 'hi', $ACTION_ID_x: 'ignored' }))).toEqual({ ok: true, message: 'Renamed.' });
    expect(run).toHaveBeenCalledWith({ name: 'Ada Admin', note: 'hi' }, { id: admin.id, name: admin.name, role: 'admin' });
    expect(await nameOf(admin.id)).toBe('Ada Admin');
  });

  it('refuses the signed-out and the wrong role before parsing or running anything', async () => {
    await signedIn(null);
    expect(await renameAction({ ok: false }, form({ name: 'Ada', note: '' }))).toEqual(SIGNED_OUT);
    const author = (await signedIn('author'))!;
    expect(await renameAction({ ok: false }, form({ name: 'Ada', note: '' }))).toEqual({ ok: false, message: 'Admins only.' });
    expect(run).not.toHaveBeenCalled();
    expect(await nameOf(author.id)).toBe(author.name);
  });

  it('answers every field error at once, and reads a hand-made non-form body as an empty form', async () => {
    await signedIn('admin');
    expect(await renameAction({ ok: false }, form({ name: 'A', note: 'much too long' }))).toEqual({
      ok: false,
      message: 'Please check the highlighted field.',
      fieldErrors: { name: ['Too short.'], note: ['Too long.'] },
    });
    const fromScript = await renameAction({ ok: false }, 'not a form' as unknown as FormData);
    expect(fromScript).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)], note: [expect.any(String)] } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a valid field holding a NUL character (PostgreSQL cannot store one) before running anything', async () => {
    const admin = (await signedIn('admin'))!;
    expect(await renameAction({ ok: false }, form({ name: 'Ada\u0000Admin', note: 'hi' }))).toEqual({
      ok: false,
      message: 'Please check the highlighted field.',
      fieldErrors: { name: ['This cannot contain a NUL character.'] },
    });
    expect(run).not.toHaveBeenCalled();
    expect(await nameOf(admin.id)).toBe(admin.name);
  });

  it('turns a real database failure into the generic answer with a reference, logged once, and changes nothing', async () => {
    const admin = (await signedIn('admin'))!;
    const refusal = await refuseWrites({ table: 'users', event: 'UPDATE', message: 'injected failure' });
    try {
      const answer = await renameAction({ ok: false }, form({ name: 'Never saved', note: '' }));
      expect(answer).toEqual({ ok: false, message: expect.stringMatching(/\(Reference: [0-9a-f]{8}\.\)$/) });
      expect(answer.message!.startsWith(UNEXPECTED.message!)).toBe(true);
      const reference = /Reference: ([0-9a-f]{8})/.exec(answer.message!)![1];
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0][0]).toBe(`[hearth] action "test rename" failed (request ${reference}):`);
      // The driver's error is logged as it is on SQLite, and as the logged error's cause on PostgreSQL.
      const logged = errors.mock.calls[0][1] as Error;
      expect([logged.message, (logged.cause as Error | undefined)?.message]).toContain('injected failure');
    } finally {
      await refusal.stop();
    }
    expect(await nameOf(admin.id)).toBe(admin.name);
  });

  it('answers a failing session read the same way', async () => {
    jest.mocked(auth).mockRejectedValue(new Error('session table unreadable'));
    expect(await renameAction({ ok: false }, form({ name: 'Ada', note: '' }))).toMatchObject({ ok: false, message: expect.stringContaining('(Reference: ') });
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('lets redirect() through untouched', async () => {
    await signedIn('member');
    const leave = formAction({ name: 'test leave', access: 'member', schema: z.object({}) }, () => redirect('/elsewhere'));
    await expect(leave({ ok: false }, form({}))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
    expect(errors).not.toHaveBeenCalled();
  });

  it('never reads the session for access "anyone" (signed links and public forms)', async () => {
    const open = formAction({ name: 'test open', access: 'anyone', schema: z.object({ token: z.string() }) }, ({ token }, user) => ({ ok: user === null, message: token }));
    expect(await open({ ok: false }, form({ token: 'abc' }))).toEqual({ ok: true, message: 'abc' });
    expect(auth).not.toHaveBeenCalled();
  });
});

describe('argsAction', () => {
  const moderate = argsAction({ name: 'test args', access: 'member', schema: z.tuple([z.number().int().positive(), z.enum(['approve', 'spam'])]) }, ([id, decision]) => ({
    ok: true,
    message: `${decision} ${id}`,
  }));

  it('parses the argument list as a tuple', async () => {
    await signedIn('member');
    expect(await moderate(7, 'spam')).toEqual({ ok: true, message: 'spam 7' });
    expect(await moderate('7; DROP TABLE users', 'spam')).toMatchObject({ ok: false, fieldErrors: { '0': [expect.any(String)] } });
    expect(await moderate(7, 'delete-everything')).toMatchObject({ ok: false, fieldErrors: { '1': [expect.any(String)] } });
  });
});
