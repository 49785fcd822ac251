/**
 * One spelling per moved address, so a stored redirect matches however a link writes it: with or without
 * its trailing slash, in any letter case, percent-encoded or not, as a full address or a path. The only
 * query kept is the one WordPress addressed content by ("/?p=42"); any other (tracking tags, a feed
 * reader's cache-buster) is dropped.
 */

/** WordPress's query-string addresses: ?p=ID (posts), ?page_id=ID, ?cat=ID, ?tag=slug, ?author=ID, ?attachment_id=ID. */
const WORDPRESS_QUERY_KEYS = ['p', 'page_id', 'cat', 'tag', 'author', 'attachment_id'] as const;

const MAX_LENGTH = 2000;

/** The normalized form of a path or address ("/2024/05/01/pacing/" → "/2024/05/01/pacing"), or null if it is not one. */
export function normalizeRedirectPath(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(trimmed, 'http://hearth.invalid');
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  pathname = pathname
    .normalize('NFC')
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/+$/, '$1');
  const key = WORDPRESS_QUERY_KEYS.find((name) => url.searchParams.get(name));
  return key ? `${pathname}?${key}=${url.searchParams.get(key)!.toLowerCase()}` : pathname;
}
