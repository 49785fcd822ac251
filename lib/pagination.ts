/** Reads page numbers from URL segments; anything but a plain positive integer is not a page. */
export function parsePageNumber(segment: string | undefined): number | null {
  if (segment === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(segment)) return null;
  return Number(segment);
}

/** Optional `/page/N` suffix of a listing URL, as an optional catch-all's segments. */
export function parseListingPage(segments: string[] | undefined): number | null {
  if (segments === undefined || segments.length === 0) return 1;
  if (segments.length !== 2 || segments[0] !== 'page') return null;
  return parsePageNumber(segments[1]);
}
