/**
 * Sessions read the way Auth.js reads them: lib/stored-session.ts answers the common case from the
 * sessions table, and every other case still goes through Auth.js (renewal, expiry, unknown tokens,
 * the cookie name for the request's protocol). Over HTTP against the built app, with sessions written
 * straight into its database.
 */
import { randomUUID } from 'node:crypto';
import { hashSessionToken } from '../../lib/session-token';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: SiteDatabase;

const DAY = 86_400_000;

beforeAll(async () => {
  server = await startServer();
  db = openSiteDatabase(server.databaseUrl);
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

/** A member whose session expires `expiresIn` ms from now; returns its token. */
async function memberWithSession(name: string, expiresIn: number): Promise<{ token: string; hash: string }> {
  const id = randomUUID();
  const token = randomUUID();
  await db.run("insert into users (id, name, email, role) values (?, ?, ?, 'member')", [id, name, `${id}@example.org`]);
  await db.run('insert into sessions (session_token, user_id, expires) values (?, ?, ?)', [hashSessionToken(token), id, new Date(Date.now() + expiresIn)]);
  return { token, hash: hashSessionToken(token) };
}

const storedExpiry = async (hash: string) => (await db.get<{ expires: number }>('select expires from sessions where session_token = ?', [hash]))?.expires;

async function whoIs(cookie: string): Promise<{ user: { name: string } | null }> {
  const response = await fetch(`${server.url}/api/me`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as { user: { name: string } | null };
}

it('reads a current session without renewing it, as Auth.js does within a day of its last renewal', async () => {
  const { token, hash } = await memberWithSession('Zoë O’Brien-Ñúñez', 30 * DAY - 60_000);
  const before = await storedExpiry(hash);
  const answer = await whoIs(`theme=dark; authjs.session-token=${token}`);
  expect(answer.user?.name).toBe('Zoë O’Brien-Ñúñez');
  expect(await storedExpiry(hash)).toBe(before);
});

it('leaves a session due for renewal to Auth.js, which extends it to 30 days', async () => {
  const { token, hash } = await memberWithSession('Łukasz Żółć', 60 * 60_000);
  const answer = await whoIs(`authjs.session-token=${token}`);
  expect(answer.user?.name).toBe('Łukasz Żółć');
  expect(await storedExpiry(hash)).toBeGreaterThan(Date.now() + 29 * DAY);
});

it('leaves an expired session to Auth.js, which signs nobody in and deletes it', async () => {
  const { token, hash } = await memberWithSession('Mo 🌿 de la Peña', -60_000);
  expect((await whoIs(`authjs.session-token=${token}`)).user).toBeNull();
  expect(await storedExpiry(hash)).toBeUndefined();
});

it('signs nobody in for an unknown token, no cookie, the https cookie name on a plain http request, or a cookie with chunks', async () => {
  const { token } = await memberWithSession('Ana Lúcia', 30 * DAY - 60_000);
  expect((await whoIs(`authjs.session-token=${randomUUID()}`)).user).toBeNull();
  expect((await whoIs('theme=dark')).user).toBeNull();
  expect((await whoIs(`__Secure-authjs.session-token=${token}`)).user).toBeNull();
  // Auth.js joins a cookie and its chunks into one token, which names no session.
  expect((await whoIs(`authjs.session-token=${token}; authjs.session-token.0=tail`)).user).toBeNull();
});

it('posts a comment as the member whose session it reads', async () => {
  const { token } = await memberWithSession('Priya Ramaswamy', 30 * DAY - 60_000);
  const { id: postId } = (await db.get<{ id: number }>("select id from posts where status = 'published' order by published_at desc"))!;
  const response = await fetch(`${server.url}/api/posts/${postId}/comments`, {
    method: 'POST',
    headers: { cookie: `authjs.session-token=${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'Pacing helped me more than anything else this winter.' }),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: number };
  const author = await db.get<{ name: string }>('select u.name from comments c join users u on u.id = c.author_id where c.id = ?', [id]);
  expect(author?.name).toBe('Priya Ramaswamy');
});
