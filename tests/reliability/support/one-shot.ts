/**
 * One HTTP request on its own connection (closed afterwards). A server may answer a huge or malformed
 * body before reading it all and drop the connection; with fetch's shared keep-alive pool the next,
 * unrelated request would then fail on that dead socket.
 */
import http from 'node:http';

export type OneShotAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** `localAddress` picks the loopback address the request comes from (127.0.0.2…), to act as another client. */
export async function oneShot(url: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit; localAddress?: string }): Promise<OneShotAnswer> {
  // Let the platform encode the body (FormData → multipart with its boundary), then send the bytes.
  const encoded = new Request(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  const body = init.body === undefined ? undefined : Buffer.from(await encoded.arrayBuffer());
  const headers: Record<string, string> = Object.fromEntries(encoded.headers.entries());
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(url, { method: encoded.method, headers, agent: false, localAddress: init.localAddress }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    // The server may answer and stop reading a body it refuses, so writing the rest fails: that is not a
    // failure while its answer arrives; a connection that closes with no answer at all is.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    request.on('close', () => {
      if (!answered) reject(new Error(`${encoded.method} ${url}: the connection closed without an answer`));
    });
    request.end(body);
  });
}
