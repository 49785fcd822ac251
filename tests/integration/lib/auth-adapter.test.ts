/** Hearth's wrapped Auth.js adapter on a real SQLite file: hashed session tokens, old rows signed out, one live code per address. */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { sessions, users, verificationTokens } from '@/db/schema';
import { withTransaction } from '@/db/transaction';
import { hearthAdapter } from '@/lib/auth-adapter';
import { generateSessionToken, hashSessionToken } from '@/lib/session-token';

const member = async (email: string) => (await withTransaction((tx) => tx.insert(users).values({ email, name: 'M' }).returning()))[0];
const storedTokens = async () => (await getDb().select({ token: sessions.sessionToken }).from(sessions)).map((row) => row.token);
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('sessions through the adapter', () => {
  it('signs out sessions stored in plain text before any session is read, and keeps hashed ones', async () => {
    const user = await member('old@example.org');
    const hashed = hashSessionToken('kept-token');
    await withTransaction((tx) =>
      tx.insert(sessions).values([
        { sessionToken: '3f0c6c9e-8c1e-4c59-9a57-0a4f0e5d9b11', userId: user.id, expires: inAnHour() },
        { sessionToken: hashed, userId: user.id, expires: inAnHour() },
      ]),
    );
    const adapter = hearthAdapter();
    await expect(adapter.getSessionAndUser!('3f0c6c9e-8c1e-4c59-9a57-0a4f0e5d9b11')).resolves.toBeNull();
    expect(await storedTokens()).toEqual([hashed]);
    await expect(adapter.getSessionAndUser!('kept-token')).resolves.toMatchObject({ session: { sessionToken: 'kept-token', userId: user.id } });
  });

  it('stores only the hash of a new token; the token finds the session, the stored hash does not', async () => {
    const user = await member('new@example.org');
    const adapter = hearthAdapter();
    const token = generateSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const created = await adapter.createSession!({ sessionToken: token, userId: user.id, expires: inAnHour() });
    expect(created.sessionToken).toBe(token);
    const [row] = await getDb().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row.sessionToken).toBe(hashSessionToken(token));
    expect(row.sessionToken).toMatch(/^[0-9a-f]{64}$/);

    await expect(adapter.getSessionAndUser!(row.sessionToken)).resolves.toBeNull();
    await expect(adapter.getSessionAndUser!(token)).resolves.toMatchObject({ session: { sessionToken: token }, user: { email: 'new@example.org' } });

    const later = new Date(Date.now() + 7_200_000);
    await expect(adapter.updateSession!({ sessionToken: token, expires: later })).resolves.toMatchObject({ sessionToken: token, expires: later });
    expect((await getDb().select().from(sessions).where(eq(sessions.userId, user.id)))[0]?.expires).toEqual(later);

    await adapter.deleteSession!(token);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });
});

describe('writes through the adapter', () => {
  it('wait their turn behind a transaction that is open at an await, instead of failing with SQLITE_BUSY', async () => {
    const user = await member('Zoë.OBrien-Nunez@example.org');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = withTransaction(async (tx) => {
      await tx.update(users).set({ name: 'Zoë O’Brien-Ñúñez' }).where(eq(users.id, user.id));
      await held;
    });
    const adapter = hearthAdapter();
    const created = adapter.createSession!({ sessionToken: generateSessionToken(), userId: user.id, expires: inAnHour() });
    const renamed = adapter.updateUser!({ id: user.id, name: 'Łukasz' });
    release();
    await open;
    await expect(created).resolves.toMatchObject({ userId: user.id });
    await expect(renamed).resolves.toMatchObject({ name: 'Łukasz' });
    expect((await getDb().select({ name: users.name }).from(users).where(eq(users.id, user.id)))[0]).toEqual({ name: 'Łukasz' });
  });
});

describe('sign-in codes through the adapter', () => {
  it('a new code voids the address’s earlier ones and leaves other addresses alone', async () => {
    const adapter = hearthAdapter();
    await adapter.createVerificationToken!({ identifier: 'other@example.org', token: 'o1', expires: inAnHour() });
    for (const token of ['c1', 'c2', 'c3']) await adapter.createVerificationToken!({ identifier: 'code@example.org', token, expires: inAnHour() });
    const rows = await getDb().select({ identifier: verificationTokens.identifier, token: verificationTokens.token }).from(verificationTokens);
    expect(rows).toEqual(
      expect.arrayContaining([
        { identifier: 'code@example.org', token: 'c3' },
        { identifier: 'other@example.org', token: 'o1' },
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});
