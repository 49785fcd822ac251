// @ts-check
/**
 * Per-response CSP nonces on cacheable pages.
 *
 * Next puts the nonce it finds in the request's CSP header on every script it renders, and keeps
 * rendered pages in its cache. So Next is always given the same secret placeholder (never sent to anyone),
 * and every response body has the placeholder swapped for a fresh nonce on its way out. The two have the
 * same length, so Content-Length stays right. The placeholder is derived from the auth secret: every
 * instance of one site uses the same (a page rendered by one and served by another keeps its scripts),
 * it differs between sites, and whoever could write it into a page would need the secret first.
 */
const crypto = require('node:crypto');

const NONCE_BYTES = 16; // 22 characters of base64url

/** @typedef {(error?: Error | null) => void} WriteCallback */
/** @typedef {string | Uint8Array} Chunk what res.write and res.end are given */

function newNonce() {
  return crypto.randomBytes(NONCE_BYTES).toString('base64url');
}

/**
 * The site's placeholder, shaped like a nonce: the first NONCE_BYTES of an HMAC keyed by the auth secret
 * (a label of its own, no other HMAC Hearth makes with the secret can equal it). @param {string} authSecret
 */
function noncePlaceholderFor(authSecret) {
  return crypto.createHmac('sha256', authSecret).update('hearth:csp-nonce-placeholder').digest().subarray(0, NONCE_BYTES).toString('base64url');
}

/** Swaps `placeholder` for `nonce` in a body written in chunks, including across chunk borders. @param {string} placeholder @param {string} nonce */
function createNonceSwapper(placeholder, nonce) {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(nonce);
  if (from.length !== to.length) throw new Error('The nonce and its placeholder must be the same length.');
  let carry = Buffer.alloc(0);

  /** @param {Buffer} buffer */
  function swapAll(buffer) {
    for (let at = buffer.indexOf(from); at !== -1; at = buffer.indexOf(from, at + to.length)) to.copy(buffer, at);
    return buffer;
  }

  return {
    /** Bytes ready to send; the last few are held back in case they start a placeholder. @param {Buffer} chunk */
    push(chunk) {
      const buffer = swapAll(Buffer.concat([carry, chunk]));
      const keep = Math.min(from.length - 1, buffer.length);
      carry = Buffer.from(buffer.subarray(buffer.length - keep));
      return buffer.subarray(0, buffer.length - keep);
    },
    /** Whatever was held back, at the end of the body. */
    flush() {
      const rest = carry;
      carry = Buffer.alloc(0);
      return rest;
    },
  };
}

/**
 * Wraps res.write/res.end so the whole body passes through the swapper.
 * @param {import('node:http').ServerResponse} res @param {string} placeholder @param {string} nonce
 */
function swapNonceInBody(res, placeholder, nonce) {
  const swapper = createNonceSwapper(placeholder, nonce);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  /** @param {Chunk} chunk @param {BufferEncoding | undefined} encoding */
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

  /** @param {Chunk} chunk @param {BufferEncoding | WriteCallback} [encoding] @param {WriteCallback} [callback] */
  res.write = (chunk, encoding, callback) => {
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    const ready = swapper.push(toBuffer(chunk, encoding));
    if (ready.length === 0) {
      if (callback) process.nextTick(callback);
      return true;
    }
    return write(ready, callback);
  };
  /** @param {Chunk | (() => void)} [chunk] @param {BufferEncoding | (() => void)} [encoding] @param {() => void} [callback] */
  res.end = (chunk, encoding, callback) => {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    const last = chunk == null ? swapper.flush() : Buffer.concat([swapper.push(toBuffer(chunk, encoding)), swapper.flush()]);
    return end(last, callback);
  };
}

module.exports = { newNonce, noncePlaceholderFor, createNonceSwapper, swapNonceInBody };
