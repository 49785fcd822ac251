/** @jest-environment node */
import { createNonceSwapper, newNonce, noncePlaceholderFor } from '../../../server/nonce';

function swapInChunks(body: string, cuts: number[], placeholder: string, nonce: string): string {
  const swapper = createNonceSwapper(placeholder, nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, body.length]) {
    parts.push(swapper.push(Buffer.from(body.slice(from, cut))));
    from = cut;
  }
  parts.push(swapper.flush());
  return Buffer.concat(parts).toString();
}

describe('per-response nonce swap', () => {
  const placeholder = newNonce();
  const nonce = newNonce();
  const body = `<script nonce="${placeholder}">a</script>{"nonce":"${placeholder}"}<p>text</p><script nonce="${placeholder}"></script>`;
  const expected = body.split(placeholder).join(nonce);

  it('makes 22-character base64url nonces, a new one each time', () => {
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newNonce()).not.toBe(nonce);
  });

  it('replaces every placeholder and keeps the length (Content-Length stays right)', () => {
    const swapped = swapInChunks(body, [], placeholder, nonce);
    expect(swapped).toBe(expected);
    expect(Buffer.byteLength(swapped)).toBe(Buffer.byteLength(body));
  });

  it('finds a placeholder split across two chunks at any point', () => {
    const start = body.indexOf(placeholder);
    for (let offset = 0; offset <= placeholder.length; offset++) {
      expect(swapInChunks(body, [start + offset], placeholder, nonce)).toBe(expected);
    }
  });

  it('handles a body written one byte at a time', () => {
    const cuts = Array.from({ length: body.length - 1 }, (_, i) => i + 1);
    expect(swapInChunks(body, cuts, placeholder, nonce)).toBe(expected);
  });

  it('leaves bodies without a placeholder untouched', () => {
    expect(swapInChunks('plain text', [3], placeholder, nonce)).toBe('plain text');
  });

  it('refuses a nonce of another length', () => {
    expect(() => createNonceSwapper(placeholder, 'short')).toThrow(/same length/);
  });
});

describe("the site's nonce placeholder", () => {
  const secret = 'one site secret, long enough to pass the config check';
  // What 16 random bytes look like in base64url: 22 characters, the last one holding 2 bits.
  const nonceShape = /^[A-Za-z0-9_-]{21}[AQgw]$/;

  it('is the same for every instance with the same secret', () => {
    expect(noncePlaceholderFor(secret)).toBe(noncePlaceholderFor(secret));
  });

  it('differs between sites', () => {
    expect(noncePlaceholderFor(`${secret}!`)).not.toBe(noncePlaceholderFor(secret));
    expect(noncePlaceholderFor('another site')).not.toBe(noncePlaceholderFor(secret));
  });

  it('has the shape of a fresh nonce, so swapping keeps every length', () => {
    const placeholder = noncePlaceholderFor(secret);
    expect(placeholder).toMatch(nonceShape);
    expect(newNonce()).toMatch(nonceShape);
    expect(() => createNonceSwapper(placeholder, newNonce())).not.toThrow();
  });

  it('reveals nothing of the secret and is never a nonce drawn for a response', () => {
    const placeholder = noncePlaceholderFor(secret);
    expect(secret).not.toContain(placeholder);
    expect(Buffer.from(secret).toString('base64url')).not.toContain(placeholder);
    for (let i = 0; i < 1000; i++) expect(newNonce()).not.toBe(placeholder);
  });
});
