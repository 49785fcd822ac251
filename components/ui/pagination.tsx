/** Previous/next links between pages; for lists of posts, page 1 lives at the list's own URL. */
import Link from 'next/link';

type PageLink = { href: string; text: string };
type PageLinksProps = { label: string; page: number; totalPages: number; prev?: PageLink; next?: PageLink };

/** A labelled "← previous · Page N of M · next →" bar; a missing link leaves its place empty. */
export function PageLinks({ label, page, totalPages, prev, next }: PageLinksProps) {
  return (
    <nav aria-label={label} className="pagination">
      {prev ? (
        <Link href={prev.href} rel="prev">
          {prev.text}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {next ? (
        <Link href={next.href} rel="next">
          {next.text}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

type PageBarProps = { label: string; page: number; totalPages: number; hrefFor: (page: number) => string; prevText?: string; nextText?: string };

/**
 * The bar for admin lists and search: builds its own links from `hrefFor` and is absent on a single page.
 * Server component only (a function prop cannot cross into a client component). The status never shows
 * a page beyond the last.
 */
export function PageBar({ label, page, totalPages, hrefFor, prevText = '← Previous', nextText = 'Next →' }: PageBarProps) {
  if (totalPages <= 1) return null;
  return (
    <PageLinks
      label={label}
      page={Math.min(page, totalPages)}
      totalPages={totalPages}
      prev={page > 1 ? { href: hrefFor(page - 1), text: prevText } : undefined}
      next={page < totalPages ? { href: hrefFor(page + 1), text: nextText } : undefined}
    />
  );
}

type Props = { basePath: string; page: number; totalPages: number };

export function pageHref(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === '/' ? '' : basePath}/page/${page}`;
}

export function Pagination({ basePath, page, totalPages }: Props) {
  if (totalPages <= 1) return null;
  return (
    <PageLinks
      label="Pagination"
      page={page}
      totalPages={totalPages}
      prev={page > 1 ? { href: pageHref(basePath, page - 1), text: '← Newer posts' } : undefined}
      next={page < totalPages ? { href: pageHref(basePath, page + 1), text: 'Older posts →' } : undefined}
    />
  );
}
