/**
 * The signed links in subscription emails. Each token names one subscriber and their address and is
 * made for one purpose: a confirmation link cannot unsubscribe anyone, and neither works for another address.
 */
import 'server-only';
import { getSubscriber, type Subscriber } from '@/db/queries/subscriber-lookup';
import { slugify } from '@/db/slug';
import { env } from '@/lib/env';
import { signToken, verifyToken } from '@/lib/tokens';

const CONFIRM = 'subscription-confirm';
const MANAGE = 'subscription-manage';
/** Unconfirmed sign-ups (and their links) expire after a week. */
export const CONFIRMATION_VALID_MS = 7 * 24 * 60 * 60_000;

type Addressee = Pick<Subscriber, 'id' | 'email'>;

const confirmToken = (s: Addressee, now: Date) => signToken(CONFIRM, { s: s.id, e: s.email, x: now.getTime() + CONFIRMATION_VALID_MS });
export const manageToken = (s: Addressee) => signToken(MANAGE, { s: s.id, e: s.email });

export const confirmUrl = (s: Addressee, now: Date) => `${env.siteUrl}/subscription/confirm?${new URLSearchParams({ token: confirmToken(s, now) })}`;
/**
 * What every list email carries: the link to the subscription page, and the headers that give mail
 * programs their own "Unsubscribe" button (RFC 8058 one-click POST). One token serves both.
 */
export function unsubscribeLinks(s: Addressee): { pageUrl: string; headers: Record<string, string> } {
  const query = new URLSearchParams({ token: manageToken(s) });
  return {
    pageUrl: `${env.siteUrl}/subscription?${query}`,
    headers: { 'List-Unsubscribe': `<${env.siteUrl}/api/subscription/unsubscribe?${query}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** RFC 2919 List-Id for the site's list mail (`<hearth.example.org>`), so filters and spam scores recognise it. */
export const listIdHeader = (siteName: string) => `<${slugify(siteName) || 'news'}.${new URL(env.siteUrl).hostname}>`;

/** The page to change choices or leave. */
export const manageUrl = (s: Addressee) => unsubscribeLinks(s).pageUrl;

/** The subscriber a token names, if it is genuine and the address still matches. */
async function subscriberFor(payload: Record<string, unknown> | null): Promise<Subscriber | null> {
  if (!payload || typeof payload.s !== 'number' || typeof payload.e !== 'string') return null;
  const subscriber = await getSubscriber(payload.s);
  return subscriber && subscriber.email === payload.e ? subscriber : null;
}

export type ConfirmLink = { subscriber: Subscriber } | { problem: 'invalid' | 'expired' };

export async function readConfirmToken(token: string | undefined, now = new Date()): Promise<ConfirmLink> {
  const payload = verifyToken(CONFIRM, token);
  if (payload && typeof payload.x === 'number' && payload.x < now.getTime()) return { problem: 'expired' };
  const subscriber = await subscriberFor(payload);
  return subscriber ? { subscriber } : { problem: payload ? 'expired' : 'invalid' };
}

export function readManageToken(token: string | undefined): Promise<Subscriber | null> {
  return subscriberFor(verifyToken(MANAGE, token));
}
