/**
 * Signed tokens for links in emails (mute a thread; later: confirm or leave a subscription).
 * HMAC-SHA256 with the auth secret, scoped to one purpose, so a token made for one thing opens nothing else.
 */
import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from './auth-secret';

const mac = (purpose: string, body: string) => crypto.createHmac('sha256', getAuthSecret()).update(`${purpose}.${body}`).digest('base64url');

export function signToken(purpose: string, payload: Record<string, string | number>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(purpose, body)}`;
}

/** The payload, or null for a token that was changed, cut short or made for another purpose. */
export function verifyToken(purpose: string, token: string | undefined | null): Record<string, unknown> | null {
  if (!token || token.length > 2000) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
