/** A plain GET form: search works without JavaScript. */
export function SearchForm({ query = '', id = 'search' }: { query?: string; id?: string }) {
  return (
    <form role="search" action="/search" method="get" className="search-form">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search posts
      </label>
      <input id={`${id}-q`} type="search" name="q" defaultValue={query} maxLength={1000} placeholder="Search posts" autoComplete="off" />
      <button type="submit">Search</button>
    </form>
  );
}
