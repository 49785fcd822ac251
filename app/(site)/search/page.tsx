import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/search/search-form';
import { searchPosts, SEARCH_PAGE_SIZE } from '@/db/queries/search';
import { SiteDate } from '@/components/layout/site-date';
import { pluralize } from '@/lib/format';
import { parsePageNumber } from '@/lib/pagination';
import { toSearchQuery } from '@/lib/search-query';
import { correctedSearch, vocabularyVersion } from '@/lib/search-suggestion';
import { snippetHtml } from '@/lib/search-snippet';
import { PageBar } from '@/components/ui/pagination';

export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } };

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

// Rendered per request (it depends on the query); the results come from the engine's full-text index.
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = first(params.q).slice(0, 1000);
  const page = parsePageNumber(first(params.page) || undefined) ?? 1;
  const searchQuery = toSearchQuery(query);
  const results = searchQuery ? await searchPosts(searchQuery, page) : null;
  // Only a word that finds nothing on its own gets a suggestion: with none, the vocabulary is not consulted.
  const suggestion = searchQuery && results?.wordsFindingNothing.length ? await correctedSearch(searchQuery, results.wordsFindingNothing, await vocabularyVersion()) : null;
  const pages = results ? Math.max(1, Math.ceil(results.total / SEARCH_PAGE_SIZE)) : 1;
  const pageLink = (n: number) => `/search?${new URLSearchParams({ q: query, page: String(n) })}`;
  return (
    <div className="page-narrow search-page">
      <h1>Search</h1>
      <SearchForm query={query} id="search-page" />
      <div aria-live="polite">
        {!searchQuery && query.trim() === '' && <p>Type a word or two, for example “pacing” or “sleep”.</p>}
        {!searchQuery && query.trim() !== '' && <p>That search has no words we can look for. Try letters or numbers, for example “fatigue”.</p>}
        {suggestion && (
          <p className="search-suggestion">
            Did you mean <Link href={`/search?${new URLSearchParams({ q: suggestion })}`}>{suggestion}</Link>?
          </p>
        )}
        {results && results.total === 0 && (
          <p>
            Nothing matched “{query}”. Fewer or different words may help, or browse the <Link href="/archive">archive</Link>.
          </p>
        )}
        {results && results.total > 0 && (
          <p>
            {pluralize(results.total, 'post')} found for “{query}”.
          </p>
        )}
        {results && results.total > 0 && results.withAll === 0 && <p className="search-partial">No post has all of your words; these have most of them.</p>}
        {results && results.withAll > 0 && results.withAll < results.total && (
          <p className="search-partial">
            {pluralize(results.withAll, 'post')} {results.withAll === 1 ? 'has' : 'have'} all of your words; the others have most of them.
          </p>
        )}
      </div>
      {results && results.hits.length > 0 && (
        <ol className="search-results" start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
          {results.hits.map((hit) => (
            <li key={hit.slug}>
              <h2>
                <Link href={`/posts/${hit.slug}`}>{hit.title}</Link>
              </h2>
              <p className="post-meta">
                <SiteDate iso={hit.publishedAt} />
              </p>
              <p dangerouslySetInnerHTML={{ __html: snippetHtml(hit.snippet) }} />
            </li>
          ))}
        </ol>
      )}
      {results && <PageBar label="Search result pages" page={page} totalPages={pages} hrefFor={pageLink} />}
    </div>
  );
}
