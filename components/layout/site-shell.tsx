/** Header, main landmark and footer around every page of the site. */
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { signOutAction } from '@/lib/actions/account';
import { readCategories, readMenu, readNavPages, readSite } from '@/lib/reader-data';
import { AccountMenu } from './account-menu';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export async function SiteShell({ children }: { children: ReactNode }) {
  const [site, categories, pages, menu] = await Promise.all([readSite(), readCategories(), readNavPages(), readMenu()]);
  return (
    <>
      {/* Feed autodiscovery; React places these links in the document head. */}
      <link rel="alternate" type="application/rss+xml" title={`${site.name} (RSS)`} href="/feed.xml" />
      <link rel="alternate" type="application/atom+xml" title={`${site.name} (Atom)`} href="/atom.xml" />
      <link rel="alternate" type="application/feed+json" title={`${site.name} (JSON Feed)`} href="/feed.json" />
      <SiteHeader name={site.name} logo={site.logo} tagline={site.tagline} menu={menu} account={<AccountMenu signOutAction={signOutAction} />} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter site={site} pages={pages} topics={categories} />
    </>
  );
}

/** Title template and description shared by every page. */
export async function siteMetadata(): Promise<Metadata> {
  const site = await readSite();
  return {
    title: { default: site.tagline ? `${site.name} — ${site.tagline}` : site.name, template: `%s · ${site.name}` },
    description: site.about || site.tagline,
    openGraph: { siteName: site.name, type: 'website', locale: 'en_GB' },
    twitter: { card: 'summary' },
  };
}
