/**
 * Client errors are 4xx with a clear message, never a 500: a `*` request-target, a no-JavaScript form
 * over Next's 1 MB server-action limit (with Content-Length or chunked), a chunked JavaScript action
 * over it, and hand-made action bodies Next's decoder cannot read. Over raw sockets and real HTTP
 * against the built app; a well-formed form still works afterwards.
 */
import http from 'node:http';
import net from 'node:net';
import { actionRefs, callActionRaw, submitForm } from './support/actions';
import { startServer, type App } from './support/app';

let app: App;
beforeAll(async () => {
  app = await startServer();
});
afterAll(async () => {
  await app?.stop();
});

/** Sends `request` as bytes on its own connection; resolves with the status line and body. */
function raw(request: string): Promise<{ statusLine: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(app.port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ statusLine: text.split('\r\n')[0], body: text.slice(text.indexOf('\r\n\r\n') + 4) }));
  });
}

/** POSTs `body` in chunks with no Content-Length (Transfer-Encoding: chunked). */
function postChunked(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.url}${path}`, { method: 'POST', headers, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    for (let offset = 0; offset < body.length; offset += 64 * 1024) request.write(body.subarray(offset, offset + 64 * 1024));
    request.end();
  });
}

/** A no-JavaScript sign-in form as the browser posts it: multipart, the action named in a field. */
function noScriptForm(email: string): { body: Buffer; type: string } {
  const boundary = '----hearthtest';
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const id = actionRefs().get('requestSignInAction')!.id;
  const text = field(`$ACTION_ID_${id}`, '') + field('email', email) + field('callbackUrl', '/') + `--${boundary}--\r\n`;
  return { body: Buffer.from(text), type: `multipart/form-data; boundary=${boundary}` };
}

describe('client errors', () => {
  it.each(['OPTIONS', 'GET'])('answers %s * with a 400 and a sentence', async (method) => {
    const answer = await raw(`${method} * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.body).toMatch(/path such as \//);
  });

  it('answers an absolute-form request like the path it names', async () => {
    const answer = await raw(`GET http://localhost:${app.port}/robots.txt HTTP/1.1\r\nHost: localhost:${app.port}\r\nConnection: close\r\n\r\n`);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.body).toMatch(/User-Agent/i);
  });

  it('answers a no-JavaScript form over 1 MB with a 413, with or without Content-Length', async () => {
    const form = noScriptForm('x'.repeat(1_100_000));
    const sized = await raw(`POST /signin HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${form.type}\r\nContent-Length: ${form.body.length}\r\nConnection: close\r\n\r\n${form.body}`);
    expect(sized.statusLine).toMatch(/^HTTP\/1\.1 413 /);
    expect(sized.body).toMatch(/too large/);
    const chunked = await postChunked('/signin', { 'Content-Type': form.type }, form.body);
    expect(chunked).toMatchObject({ status: 413, text: expect.stringMatching(/too large/) });
  });

  it('answers a chunked JavaScript action body over 1 MB with a 413', async () => {
    const ref = actionRefs().get('requestSignInAction')!;
    const body = Buffer.from(JSON.stringify([{ ok: false }, 'z'.repeat(1_200_000)]));
    const answer = await postChunked(ref.path, { 'Next-Action': ref.id, 'Content-Type': 'text/plain;charset=UTF-8' }, body);
    expect(answer.status).toBe(413);
  });

  it.each([
    ['a root row that is not JSON', '{{{'],
    ['arguments that are not a list', '42'],
    ['a reference to a row that is not there', '["$1"]'],
    ['a reference to a missing server function', '["$h2"]'],
  ])('answers an action body with %s with a 400', async (_name, body) => {
    const answer = await callActionRaw(app.url, 'requestSignInAction', body, undefined, 'text/plain;charset=UTF-8');
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/could not be read/);
  });

  it('still takes a well-formed form, with JavaScript and without', async () => {
    const withScript = await submitForm(app.url, 'requestSignInAction', { email: 'fine@example.org', callbackUrl: '/' });
    expect(withScript).toMatchObject({ status: 200, redirect: expect.stringContaining('/signin/check') });
    const form = noScriptForm('plain@example.org');
    const withoutScript = await raw(
      `POST /signin HTTP/1.1\r\nHost: localhost:${app.port}\r\nContent-Type: ${form.type}\r\nContent-Length: ${form.body.length}\r\nConnection: close\r\n\r\n${form.body}`,
    );
    // Next runs the action and renders the page again with its answer.
    expect(withoutScript.statusLine).toMatch(/^HTTP\/1\.1 200 /);
    expect(withoutScript.body).toMatch(/<\/html>/);
  });
});
