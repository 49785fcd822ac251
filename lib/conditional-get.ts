/** HTTP conditional GET for route handlers: the rule itself is server/conditional-get.js, shared with the page cache. */
import { isFresh as isFreshBy } from '@/server/conditional-get';

export function isFresh(headers: Headers, current: { etag: string; lastModified: string }): boolean {
  return isFreshBy((name) => headers.get(name), current);
}
