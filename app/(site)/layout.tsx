import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { readCategories, readNavPages, readSite } from '@/lib/reader-data';

export async function generateMetadata(): Promise<Metadata> {
  const site = await readSite();
  return {
    title: { default: site.tagline ? `${site.name} — ${site.tagline}` : site.name, template: `%s · ${site.name}` },
    description: site.about || site.tagline,
  };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [site, categories, pages] = await Promise.all([readSite(), readCategories(), readNavPages()]);
  return (
    <>
      <SiteHeader name={site.name} tagline={site.tagline} categories={categories} pages={pages} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter site={site} pages={pages} />
    </>
  );
}
