/** Rate-limit rules. Subjects are hashed so the table never holds an address. */
import 'server-only';
import crypto from 'node:crypto';
import { recordRateLimitHit } from '@/db/queries/rate-limits';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const SIGN_IN_LIMIT_PER_ADDRESS = 5;
/** Higher: a household or a clinic shares one address. */
export const SIGN_IN_LIMIT_PER_IP = 20;

const hash = (value: string) => crypto.createHash('sha256').update(value).digest('hex').slice(0, 32);

/** The limits counted per address; an account deletion forgets them (addressRateLimitKeys). */
const ADDRESS_LIMITS = ['sign-in:email', 'sign-in:code', 'subscribe:email'] as const;
const addressKey = (limit: (typeof ADDRESS_LIMITS)[number], email: string) => `${limit}:${hash(email)}`;
export const addressRateLimitKeys = (email: string): string[] => ADDRESS_LIMITS.map((limit) => addressKey(limit, email));

/** At most 5 sign-in emails per address and 20 per client IP in 15 minutes. Both are counted. */
export async function allowSignInEmail(email: string, ip: string, now = new Date()): Promise<boolean> {
  const byEmail = await recordRateLimitHit(addressKey('sign-in:email', email), SIGN_IN_LIMIT_PER_ADDRESS, FIFTEEN_MINUTES, now);
  const byIp = await recordRateLimitHit(`sign-in:ip:${hash(ip)}`, SIGN_IN_LIMIT_PER_IP, FIFTEEN_MINUTES, now);
  return byEmail && byIp;
}

export const SIGN_IN_GUESSES_PER_ADDRESS = 10;
/** Higher, for the same reason; every sign-in uses one, right or wrong. */
export const SIGN_IN_GUESSES_PER_IP = 50;

/**
 * At most 10 tries of a code or link per address and 50 per client IP in 15 minutes, however they come
 * (typed code, the emailed link's button). Both are counted; the answer says which limits still allow it.
 */
export async function allowSignInGuess(email: string, ip: string, now = new Date()): Promise<{ address: boolean; ip: boolean }> {
  const address = await recordRateLimitHit(addressKey('sign-in:code', email), SIGN_IN_GUESSES_PER_ADDRESS, FIFTEEN_MINUTES, now);
  const byIp = await recordRateLimitHit(`sign-in:code-ip:${hash(ip)}`, SIGN_IN_GUESSES_PER_IP, FIFTEEN_MINUTES, now);
  return { address, ip: byIp };
}

export const SUBSCRIBE_LIMIT_PER_ADDRESS = 3;
export const SUBSCRIBE_LIMIT_PER_IP = 20;

/** At most 3 subscription emails (confirmations, resends) per address and 20 sign-ups per client IP in 15 minutes. */
export async function allowSubscribeRequest(email: string, ip: string, now = new Date()): Promise<boolean> {
  const byEmail = await recordRateLimitHit(addressKey('subscribe:email', email), SUBSCRIBE_LIMIT_PER_ADDRESS, FIFTEEN_MINUTES, now);
  const byIp = await recordRateLimitHit(`subscribe:ip:${hash(ip)}`, SUBSCRIBE_LIMIT_PER_IP, FIFTEEN_MINUTES, now);
  return byEmail && byIp;
}

export const WAITING_COMMENT_LIMIT_PER_ADDRESS = 3;
export const WAITING_COMMENT_LIMIT_PER_IP = 10;

/** Comments sent while signed out (each emails a link): at most 3 per address and 10 per client IP in 15 minutes. */
export async function allowWaitingComment(email: string, ip: string, now = new Date()): Promise<boolean> {
  const byEmail = await recordRateLimitHit(`waiting-comment:email:${hash(email)}`, WAITING_COMMENT_LIMIT_PER_ADDRESS, FIFTEEN_MINUTES, now);
  const byIp = await recordRateLimitHit(`waiting-comment:ip:${hash(ip)}`, WAITING_COMMENT_LIMIT_PER_IP, FIFTEEN_MINUTES, now);
  return byEmail && byIp;
}
