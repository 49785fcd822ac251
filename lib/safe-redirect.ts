/** Where a person may be sent back to after signing in: only this site. */
import { env } from './env';

/**
 * Returns a same-origin path for a callback URL, "/" when none was given,
 * or null when it points anywhere else (another host, a scheme, "//host").
 */
export function safeCallbackPath(callbackUrl: string | undefined | null, siteUrl = env.siteUrl): string | null {
  if (!callbackUrl) return '/';
  if (/[\u0000-\u001f\\]/.test(callbackUrl)) return null;
  try {
    const site = new URL(siteUrl);
    const target = new URL(callbackUrl, site);
    if (target.origin !== site.origin) return null;
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return null;
  }
}
