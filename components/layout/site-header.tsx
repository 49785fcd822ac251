/** The site's masthead: name, tagline and the menu the admins edit at /admin/menu. Same HTML for every visitor. */
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SearchForm } from '@/components/search/search-form';
import type { MenuLink } from '@/db/queries/menu';
import { ReadingPreferences } from './reading-preferences';
import type { SiteLogo } from '@/db/queries/settings';
import './site-nav.css';

type Props = { name: string; logo?: SiteLogo | null; tagline: string; menu: MenuLink[]; account: ReactNode };

/** Links to other sites open where the reader chooses (no forced new tab) and say where they lead. */
function MenuAnchor({ link }: { link: MenuLink }) {
  if (!link.external) return <Link href={link.href}>{link.label}</Link>;
  return (
    <a href={link.href} rel="noopener">
      {link.label}
      <span className="visually-hidden"> (another site)</span>
    </a>
  );
}

export function SiteHeader({ name, logo, tagline, menu, account }: Props) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <div className="site-brand">
          <Link href="/" className="site-brand__name">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
            {logo ? <img className="site-brand__logo" src={logo.url} width={logo.width} height={logo.height} alt={name} /> : name}
          </Link>
          {tagline && <p className="site-brand__tagline">{tagline}</p>}
        </div>
        {/* On a phone the menu, search and reading settings fold behind this one control (a <details>: no JavaScript
            needed); on wider screens its content is always shown and the control hidden. */}
        <details className="site-header__fold">
          <summary className="site-header__toggle">
            Menu<span className="visually-hidden">, search and reading settings</span>
          </summary>
          <div className="site-header__panel">
            <nav aria-label="Main" className="site-nav">
              <ul>
                {menu.map((item, index) => (
                  <li key={`${index}-${item.href}`}>
                    <MenuAnchor link={item} />
                    {item.children.length > 0 && (
                      <details className="site-nav__sub">
                        <summary>
                          <span aria-hidden="true">▾</span>
                          <span className="visually-hidden">More under {item.label}</span>
                        </summary>
                        <ul>
                          {item.children.map((child, childIndex) => (
                            <li key={`${childIndex}-${child.href}`}>
                              <MenuAnchor link={child} />
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <SearchForm id="header-search" />
            <ReadingPreferences />
          </div>
        </details>
        <div className="site-header__account">{account}</div>
      </div>
    </header>
  );
}
