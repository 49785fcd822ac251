/** @jest-environment node */
/**
 * The just-wrote mark over real HTTP: a successful write (POST and friends) gives the browser a short-lived,
 * anonymous cookie that sends it past the page caches; reads, refused writes and failures do not, and cookies
 * the app sets on the same answer are kept.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { justWrote, markWrite } from '../../../server/just-wrote';

let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.statusCode = Number(new URL(req.url!, 'http://x').searchParams.get('status') ?? 200);
    if (req.url!.includes('session')) res.setHeader('Set-Cookie', 'authjs.session-token=abc; Path=/; HttpOnly');
    markWrite(req, res, { https: req.url!.includes('https') });
    res.end(String(justWrote(req)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = async (path: string, method = 'POST', cookie?: string) => {
  const response = await fetch(url + path, { method, headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { cookies: response.headers.getSetCookie(), body: await response.text() };
};

it('marks the browser after a write that went through, for a few seconds, and says nothing about who it is', async () => {
  for (const [method, status] of [
    ['POST', 200],
    ['POST', 201],
    ['POST', 303],
    ['PUT', 204],
    ['DELETE', 200],
  ] as const) {
    expect((await send(`/?status=${status}`, method)).cookies).toEqual(['hearth-just-wrote=1; Max-Age=5; Path=/; HttpOnly; SameSite=Lax']);
  }
  expect((await send('/https')).cookies).toEqual(['hearth-just-wrote=1; Max-Age=5; Path=/; HttpOnly; SameSite=Lax; Secure']);
});

it('keeps the cookies the app set on the same answer', async () => {
  expect((await send('/session')).cookies).toEqual(['authjs.session-token=abc; Path=/; HttpOnly', 'hearth-just-wrote=1; Max-Age=5; Path=/; HttpOnly; SameSite=Lax']);
});

it('does not mark reads, refused writes or failures', async () => {
  expect((await send('/', 'GET')).cookies).toEqual([]);
  expect((await send('/', 'HEAD')).cookies).toEqual([]);
  for (const status of [400, 401, 403, 413, 500, 503]) expect((await send(`/?status=${status}`)).cookies).toEqual([]);
});

it('recognises the mark in any position of the Cookie header, and no look-alike', async () => {
  expect((await send('/', 'GET', 'hearth-just-wrote=1')).body).toBe('true');
  expect((await send('/', 'GET', 'theme=dark;hearth-just-wrote=1')).body).toBe('true');
  expect((await send('/', 'GET', 'theme=dark; my-hearth-just-wrote=1')).body).toBe('false');
});
