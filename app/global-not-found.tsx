import type { Metadata } from 'next';
import { connection } from 'next/server';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';
import NotFound from './(site)/not-found';
import RootLayout from './layout';

/**
 * The 404 page for addresses no route matches (/a/b/c); `notFound()` inside a route still shows the nearest
 * not-found.tsx. Next would prerender this page at build time, before any request and so without the CSP nonce:
 * the browser refused all its scripts, the reading-preferences script included. Rendered per request instead,
 * like the nonce, with the same document and shell as every reader page. Only this page is dynamic (Next renders
 * it for unmatched addresses alone), and nothing is cached, so junk addresses cannot fill the page cache.
 */
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await siteMetadata()), title: 'Page not found' };
}

export default async function GlobalNotFound() {
  await connection();
  return (
    <RootLayout>
      <SiteShell>
        <NotFound />
      </SiteShell>
    </RootLayout>
  );
}
