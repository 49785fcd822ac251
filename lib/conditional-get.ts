/** HTTP conditional GET (RFC 9110 §13): does the client's copy still match what we would send? */

const tagsIn = (header: string) => header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));

/**
 * True when `If-None-Match` lists the current ETag (weak comparison, `*` included), or, when the client
 * sent no `If-None-Match`, when `If-Modified-Since` is not older than Last-Modified.
 */
export function isFresh(headers: Headers, current: { etag: string; lastModified: string }): boolean {
  const noneMatch = headers.get('if-none-match');
  if (noneMatch !== null) return tagsIn(noneMatch).some((tag) => tag === '*' || tag === current.etag);
  const since = Date.parse(headers.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && Date.parse(current.lastModified) <= since;
}
