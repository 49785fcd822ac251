/**
 * Where a person may be sent after signing in or choosing a name: only this site. Every `next` and
 * `callbackUrl` goes through here, so one check decides what a browser can be sent to.
 */
import { env } from './env';

/**
 * Returns a same-origin path for a callback URL, "/" when none was given, or null when it points
 * anywhere else (another host, a scheme, "//host", or a path that resolves to one, like "/.//host").
 * The path returned always starts with exactly one "/" followed by something other than "/" or "\",
 * so no browser reads it as another host.
 */
export function safeCallbackPath(callbackUrl: string | undefined | null, siteUrl = env.siteUrl): string | null {
  if (!callbackUrl) return '/';
  // Browsers drop tabs and line breaks inside URLs and read "\" as "/": refuse them rather than guess.
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
  if (/[\u0000-\u001f\u007f\\]/.test(callbackUrl)) return null;
  try {
    const site = new URL(siteUrl);
    const target = new URL(callbackUrl, site);
    if (target.origin !== site.origin) return null;
    // "/.//x" and "/..//x" resolve to the path "//x", which a browser reads as the host x.
    if (!target.pathname.startsWith('/') || /^\/[/\\]/.test(target.pathname)) return null;
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return null;
  }
}
