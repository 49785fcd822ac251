// @ts-check
/**
 * HTTP conditional GET (RFC 9110 §13): does the client's copy still match what we would send? Used by the
 * feed routes (through lib/conditional-get.ts) and by the page cache, which answers stored feeds itself.
 */

/** @param {string} header */
const tagsIn = (header) => header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));

/**
 * True when `If-None-Match` lists the current ETag (weak comparison, `*` included), or, when the client
 * sent no `If-None-Match`, when `If-Modified-Since` is not older than Last-Modified.
 * @param {(name: 'if-none-match' | 'if-modified-since') => string | null | undefined} header the request's header by lower-case name
 * @param {{ etag?: string | null; lastModified?: string | null }} current
 */
function isFresh(header, current) {
  const noneMatch = header('if-none-match');
  if (noneMatch != null) return Boolean(current.etag) && tagsIn(noneMatch).some((tag) => tag === '*' || tag === current.etag);
  const since = Date.parse(header('if-modified-since') ?? '');
  const modified = Date.parse(current.lastModified ?? '');
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}

module.exports = { isFresh };
