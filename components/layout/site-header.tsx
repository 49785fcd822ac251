/** The site's masthead: name, tagline and the main navigation. Same HTML for every visitor. */
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SearchForm } from '@/components/search/search-form';
import { ReadingPreferences } from './reading-preferences';
import type { CategoryInfo } from '@/db/queries/taxonomy';
import type { PageLink } from '@/db/queries/pages';
import type { SiteLogo } from '@/db/queries/settings';

type Props = { name: string; logo?: SiteLogo | null; tagline: string; categories: CategoryInfo[]; pages: PageLink[]; account: ReactNode };

export function SiteHeader({ name, logo, tagline, categories, pages, account }: Props) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <div className="site-brand">
          <Link href="/" className="site-brand__name">
            {logo ? <img className="site-brand__logo" src={logo.url} width={logo.width} height={logo.height} alt={name} /> : name}
          </Link>
          {tagline && <p className="site-brand__tagline">{tagline}</p>}
        </div>
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li>
              <Link href="/">Home</Link>
            </li>
            {categories.map((category) => (
              <li key={category.slug}>
                <Link href={`/category/${category.slug}`}>{category.name}</Link>
              </li>
            ))}
            <li>
              <Link href="/archive">Archive</Link>
            </li>
            {pages.map((page) => (
              <li key={page.slug}>
                <Link href={`/${page.slug}`}>{page.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchForm id="header-search" />
        <ReadingPreferences />
        <div className="site-header__account">{account}</div>
      </div>
    </header>
  );
}
