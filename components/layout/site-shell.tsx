/** Header, main landmark and footer around every page of the site. */
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { signOutAction } from '@/lib/actions/account';
import { readCategories, readNavPages, readSite } from '@/lib/reader-data';
import { AccountMenu } from './account-menu';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export async function SiteShell({ children }: { children: ReactNode }) {
  const [site, categories, pages] = await Promise.all([readSite(), readCategories(), readNavPages()]);
  return (
    <>
      <SiteHeader name={site.name} tagline={site.tagline} categories={categories} pages={pages} account={<AccountMenu signOutAction={signOutAction} />} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter site={site} pages={pages} />
    </>
  );
}

/** Title template and description shared by every page. */
export async function siteMetadata(): Promise<Metadata> {
  const site = await readSite();
  return {
    title: { default: site.tagline ? `${site.name} — ${site.tagline}` : site.name, template: `%s · ${site.name}` },
    description: site.about || site.tagline,
  };
}
