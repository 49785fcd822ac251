// @ts-check
/**
 * Server-action bodies, read here before Next sees them. Next answers a 500 to a body it cannot take
 * (over its 1 MB limit, a no-JavaScript form included; one its decoder cannot read, see decodable()),
 * exactly as it answers a failure inside an action. So those client errors are recognised here, by
 * reading the body itself, and answered 413 / 400; whatever reaches Next is a body it can decode, so
 * a 5xx from it is a real failure. The body is then handed to Next unchanged.
 */
const http = require('node:http');

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {{ status: number; message: string }} Refusal */

/** Next's own default limit for server-action bodies (next.config.js leaves it as it is). */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * POSTs Next may treat as a server action: any with a Next-Action header (the JavaScript form), and
 * multipart posts to pages (the no-JavaScript form, whose action id is a `$ACTION_ID_…` field).
 * Route handlers under /api/ read their own bodies (uploads are larger) and are left alone.
 * @param {IncomingMessage} req
 */
function isPossibleAction(req) {
  if (req.method !== 'POST') return false;
  if (req.headers['next-action']) return true;
  return String(req.headers['content-type'] ?? '').startsWith('multipart/form-data') && !/^\/api(\/|$)/.test(req.url ?? '/');
}

/** @type {Refusal} */
const TOO_LARGE = { status: 413, message: 'That form is too large to send (the limit is 1 MB).' };
/** @type {Refusal} */
const CUT_SHORT = { status: 400, message: 'The form did not arrive whole. Send it again.' };
/** @type {Refusal} */
const UNREADABLE = { status: 400, message: 'That form could not be read. Reload the page and send it again.' };

/**
 * Reads the body up to the limit; resolves with the bytes, or with a refusal (TOO_LARGE as soon as it is over).
 * @param {IncomingMessage} req @returns {Promise<Buffer | Refusal>}
 */
function readBody(req) {
  if (Number(req.headers['content-length'] ?? 0) > SERVER_ACTION_BODY_LIMIT) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > SERVER_ACTION_BODY_LIMIT) {
        req.off('data', onData);
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    // A client that goes away mid-body: nothing to hand to Next (a no-op once the body has ended).
    req.once('close', () => resolve(CUT_SHORT));
    req.once('error', reject);
  });
}

/**
 * Strings that make React's decoder wait for another row of the reply: "$1", "$@2", "$Q3", "$h4"…
 * (hex ids). "$K" (a form's field prefix), "$D" (a date), "$n" (a bigint) and the constants do not.
 */
const ROW_REFERENCE = /^\$([@QWhiBRrXxAOoUSsLlGgMmV]?)([0-9a-f]+)$/;

/** The row ids `value` (one parsed row) refers to. @param {unknown} value @param {string[]} [found] @returns {string[]} */
function referencedRows(value, found = []) {
  if (typeof value === 'string') {
    const match = ROW_REFERENCE.exec(value);
    if (match) found.push(String(Number.parseInt(match[2], 16)));
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) referencedRows(item, found);
  }
  return found;
}

/**
 * Whether Next's decoder can take this body. It answers 500 when a multipart body does not split,
 * a row is not JSON, the root row is not the list of arguments, or a row it refers to is missing.
 * @param {IncomingMessage} req @param {Buffer} body @returns {Promise<boolean>}
 */
async function decodable(req, body) {
  const type = String(req.headers['content-type'] ?? '');
  try {
    if (!type.startsWith('multipart/form-data')) {
      const root = JSON.parse(body.toString('utf-8')); // decoded as Next decodes it
      return Array.isArray(root) && referencedRows(root).length === 0;
    }
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    // A no-JavaScript form names its action in a field; React's encodeReply puts the root in field "0".
    if (!req.headers['next-action']) return true;
    const rows = [...form.entries()].filter(([key]) => /^\d+$/.test(key));
    const root = form.get('0');
    if (typeof root !== 'string' || !Array.isArray(JSON.parse(root))) return false;
    return rows.every(([, value]) => typeof value !== 'string' || referencedRows(JSON.parse(value)).every((id) => form.has(id)));
  } catch {
    return false;
  }
}

/** A request carrying the already-read body, for Next to read as if it came off the socket. @param {IncomingMessage} req @param {Buffer} body */
function replay(req, body) {
  const copy = new http.IncomingMessage(req.socket);
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.trailers = req.trailers;
  copy.rawTrailers = req.rawTrailers;
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/**
 * For a possible server action: `{ refused }` (status and message) when the body is too large or
 * cannot be decoded, else `{ req }` to hand to Next. Other requests come back as they are.
 * @param {IncomingMessage} req
 * @returns {Promise<{ req: IncomingMessage; refused?: undefined } | { refused: Refusal; req?: undefined }>}
 */
async function screenActionBody(req) {
  if (!isPossibleAction(req)) return { req };
  const body = await readBody(req);
  if (!Buffer.isBuffer(body)) return { refused: body };
  if (!(await decodable(req, body))) return { refused: UNREADABLE };
  return { req: replay(req, body) };
}

module.exports = { screenActionBody };
