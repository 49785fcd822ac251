/**
 * Next.js configuration.
 * Reader pages are rendered on first request and then cached in memory (or in the shared cache, below) until a cache tag
 * is invalidated; nothing is flushed to disk so a restart with another database never
 * serves pages made from the old one.
 */
const { PHASE_PRODUCTION_SERVER } = require('next/constants');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // server/index.js gzips after swapping in each response's CSP nonce, and the body differs per
  // response, so Next neither compresses nor hashes pages for ETags.
  compress: false,
  generateEtags: false,
  // globalNotFound: app/global-not-found.tsx answers unmatched addresses, rendered per request with its CSP nonce.
  // preloadEntriesOnStart off: each route's code loads on its first request rather than all at start, so a
  // server that readers keep busy never holds the admin's pages (17 MB less at start, about 25 MB less
  // after serving the reader pages; the first visit to a route waits for its code once).
  experimental: { isrFlushToDisk: false, globalNotFound: true, preloadEntriesOnStart: false },
  async rewrites() {
    // WordPress's query addresses (/?p=42) and addresses no route answers go to the moved-address lookup
    // (app/(site)/moved-address): it runs on those requests alone, never on a page that renders.
    const movedQueries = ['p', 'page_id', 'cat', 'tag', 'author', 'attachment_id'].map((key) => ({
      source: '/',
      has: [{ type: 'query', key }],
      destination: '/moved-address',
    }));
    return {
      beforeFiles: [...movedQueries, { source: '/comments/feed', destination: '/moved-address/comments/feed' }],
      // The home page is page 1 of the post list: a dynamic route, so it is rendered on
      // demand from the live database rather than frozen at build time.
      afterFiles: [{ source: '/', destination: '/page/1' }],
      // Only WordPress's shapes: any other unmatched address keeps app/global-not-found.tsx.
      fallback: [
        { source: '/:year(\\d{4})/:rest*', destination: '/moved-address/:year/:rest*' },
        { source: '/wp-content/:rest*', destination: '/moved-address/wp-content/:rest*' },
      ],
    };
  },
  async redirects() {
    // Page 1 of a list is the list itself: one address each (the canonical one).
    return [
      { source: '/page/1', destination: '/', permanent: true },
      ...['category', 'tag', 'author'].map((list) => ({ source: `/${list}/:slug/page/1`, destination: `/${list}/:slug`, permanent: true })),
    ];
  },
};

/**
 * Several instances of one site (REDIS_URL): the running server keeps rendered pages and tagged reads in the
 * cache they share (server/shared-cache-handler.js), none in its own memory, so an invalidation through any
 * instance reaches all. Decided when the server starts, never at build, so one build serves either way.
 * @param {string} phase
 */
module.exports = (phase) =>
  phase === PHASE_PRODUCTION_SERVER && process.env.REDIS_URL?.trim() ? { ...nextConfig, cacheHandler: require.resolve('./server/shared-cache-handler.js'), cacheMaxMemorySize: 0 } : nextConfig;
