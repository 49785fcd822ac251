// @ts-check
/**
 * Who and what the private view counter counts, as pure rules (tests/unit/server/view-rules.test.ts
 * is their table), shared by the server's counter (server/view-counter.js) and the app's counting
 * (lib/stats/count-view.ts). deploy/nginx/hearth.conf mirrors the browser and opt-out rules as maps for the
 * views its micro-cache answers (tests/reliability/nginx-view-rules.test.ts checks they agree). Nothing here sees or keeps anything that could tell one reader from another: a request
 * is either counted for a reader path (and perhaps a referring site's host) or not at all.
 */
const { remembered } = require('./remembered');

/** Browsers say "Mozilla/5.0 (…)"; tools and most fetchers do not. */
const BROWSER_LIKE = /^Mozilla\/5\.0 \(/;
/** Bots, crawlers, headless browsers, link-preview fetchers and HTTP libraries, by what they call themselves. */
const NOT_A_READER =
  /bot\b|bot\/|crawl|spider|slurp|headless|lighthouse|pagespeed|preview|prerender|facebookexternalhit|embedly|whatsapp|telegram|skypeuripreview|bitlybot|discord|slack|mastodon|feedfetcher|python|curl|wget|go-http|java\/|okhttp|axios|node-fetch|undici|phantomjs|selenium|puppeteer|playwright/i;

const browserOrNot = remembered((userAgent) => BROWSER_LIKE.test(userAgent) && !NOT_A_READER.test(userAgent));

/** True for a User-Agent that is a real browser's. An empty or missing one is not. @param {string | null | undefined} userAgent */
function isReaderBrowser(userAgent) {
  if (!userAgent || userAgent.length > 512) return false;
  return browserOrNot(userAgent);
}

/**
 * Do Not Track or Global Privacy Control: such readers are not counted at all.
 * @param {Record<string, string | string[] | undefined>} headers Node's request headers (lower-case names)
 */
function asksNotToBeTracked(headers) {
  return String(headers.dnt ?? '').trim() === '1' || String(headers['sec-gpc'] ?? '').trim() === '1';
}

/**
 * A request the browser makes ahead of time, in case the reader goes there (Next's router prefetches, the
 * Speculation Rules and <link rel=prefetch>): not a view. @param {Record<string, string | string[] | undefined>} headers
 */
function isPrefetch(headers) {
  return (
    Boolean(headers['next-router-prefetch']) ||
    Boolean(headers['next-router-segment-prefetch']) ||
    /prefetch|prerender/i.test(String(headers.purpose ?? '')) ||
    /prefetch|prerender/i.test(String(headers['sec-purpose'] ?? ''))
  );
}

/**
 * Whether a request is a reader's view, by its method and headers (its path is readerPath's part): a GET
 * (a full page load, or a Next client navigation, `RSC: 1`) from a reader's browser that does not ask not
 * to be tracked and is not a prefetch. A HEAD shows nobody anything.
 * @param {string | undefined} method @param {Record<string, string | string[] | undefined>} headers
 */
function countsAsView(method, headers) {
  return method === 'GET' && isReaderBrowser(/** @type {string | undefined} */ (headers['user-agent'])) && !asksNotToBeTracked(headers) && !isPrefetch(headers);
}

/** The host (with its port) of a Referer header's http(s) address; null for anything else. @param {unknown} referer */
function refererHost(referer) {
  if (typeof referer !== 'string') return null;
  const match = /^https?:\/\/([^/?#@]+)(?:[/?#]|$)/i.exec(referer);
  return match ? match[1] : null;
}

/**
 * The referring site's host, lower case, when it is another site; null for no referrer, our own
 * site (whatever the port), or anything that is not a plain host name.
 */
/** @param {unknown} sent @param {string[]} ownHostnames @returns {string | null} */
function referringHost(sent, ownHostnames) {
  if (typeof sent !== 'string' || sent.length === 0 || sent.length > 253) return null;
  const host = sent.trim().toLowerCase().replace(/\.$/, '');
  // A host name with an optional port, nothing else (no path, user, query): letters, digits, dots, dashes.
  const match = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::\d{1,5})?$/.exec(host);
  if (!match) return null;
  const hostname = match[1].replace(/^www\./, '');
  const own = ownHostnames.map((name) => name.toLowerCase().replace(/^www\./, ''));
  return own.includes(hostname) ? null : hostname;
}

/**
 * What a counted path names; its slug is checked against the database before anything is stored.
 * @typedef {{ kind: 'fixed'; path: string } | { kind: 'post' | 'category' | 'tag' | 'author' | 'page'; slug: string; path: string }} ReaderPath
 */

const SLUG = '[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?';
const FIXED = new Set(['/', '/archive', '/search']);
/** Routes with a slug; anything after it (a page number, a year) is counted under the route itself. */
const WITH_SLUG = new RegExp(`^/(posts|category|tag|author)/(${SLUG})(?:/[0-9a-z/-]*)?$`);
const PAGE = new RegExp(`^/(${SLUG})$`);
/** @type {Record<string, 'post' | 'category' | 'tag' | 'author'>} */
const KIND = { posts: 'post', category: 'category', tag: 'tag', author: 'author' };

/**
 * The reader path a request names, without query or fragment (a search's words are never kept), or null
 * for anything that is not the shape of a reader page.
 */
/** @param {unknown} sent @returns {ReaderPath | null} */
function readerPath(sent) {
  if (typeof sent !== 'string' || !sent.startsWith('/') || sent.length > 300) return null;
  const pathname = sent.split(/[?#]/)[0].replace(/(.)\/+$/, '$1');
  if (FIXED.has(pathname)) return { kind: 'fixed', path: pathname };
  // The home page's older pages count as the home page, an archive year as the archive.
  if (/^\/page\/\d{1,5}$/.test(pathname)) return { kind: 'fixed', path: '/' };
  if (/^\/archive\/\d{4}$/.test(pathname)) return { kind: 'fixed', path: '/archive' };
  const withSlug = WITH_SLUG.exec(pathname);
  if (withSlug) {
    const kind = KIND[withSlug[1]];
    return { kind, slug: withSlug[2], path: `/${withSlug[1]}/${withSlug[2]}` };
  }
  const page = PAGE.exec(pathname);
  return page ? { kind: 'page', slug: page[1], path: pathname } : null;
}

module.exports = { isReaderBrowser, asksNotToBeTracked, isPrefetch, countsAsView, refererHost, referringHost, readerPath };
