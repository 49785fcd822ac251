/** The footer every page shares: what this site is, the community's links, subscribing by email, and the static pages. */
import Link from 'next/link';
import type { PageLink } from '@/db/queries/pages';
import type { SiteInfo } from '@/db/queries/settings';
import { SubscribeBox } from '@/components/subscriptions/subscribe-box';
import type { TopicOption } from '@/components/subscriptions/choice-fields';

type Props = { site: SiteInfo; pages: PageLink[]; topics: TopicOption[] };

export function SiteFooter({ site, pages, topics }: Props) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {site.about && (
          <section aria-labelledby="footer-about">
            <h2 id="footer-about">About {site.name}</h2>
            <p>{site.about}</p>
          </section>
        )}
        {site.communityLinks.length > 0 && (
          <section aria-labelledby="footer-community">
            <h2 id="footer-community">Our community</h2>
            <ul className="plain-list">
              {site.communityLinks.map((link) => (
                <li key={`${link.label}-${link.url}`}>
                  <a href={link.url} rel="noopener">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <SubscribeBox topics={topics} idPrefix="footer-subscribe" heading="Follow by email" />
        {pages.length > 0 && (
          <nav aria-label="Site pages">
            <h2>This site</h2>
            <ul className="plain-list">
              {pages.map((page) => (
                <li key={page.slug}>
                  <Link href={`/${page.slug}`}>{page.title}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </footer>
  );
}
