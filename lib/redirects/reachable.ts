/**
 * Which old addresses a redirect can answer: the lookup runs only on the way to a 404, and only where a
 * route or next.config.js's rewrites send such a request (see app/(site)/moved-address). Any other
 * unmatched address ends in the global 404 page without a lookup, so an admin's redirect from it is refused
 * rather than saved and never used. Takes a normalized path (lib/redirects/normalize.ts).
 */
const REACHED = [
  /^\/[^/?]+$/, // one segment: /%postname%, /feed (app/(site)/[pageSlug])
  /^\/posts\/[^/?]+$/, // the post route, before notFound()
  /^\/(category|tag|author)\/[^/?]+(\/[^?]*)?$/, // their listing routes (pages, feeds), before notFound()
  /^\/\d{4}(\/[^?]*)?$/, // WordPress's dated addresses (fallback rewrite)
  /^\/wp-content(\/[^?]*)?$/, // WordPress's uploads (fallback rewrite)
  /^\/comments\/feed$/,
  /^\/\?(p|page_id|cat|tag|author|attachment_id)=[^&]+$/, // WordPress's query addresses on the home page
];

export const reachesRedirectLookup = (fromPath: string): boolean => REACHED.some((shape) => shape.test(fromPath));
