/**
 * What an admin list's search box (?q=) searches for. NUL characters are dropped: they match nothing
 * Hearth stores, and PostgreSQL refuses them in any query (the page would fail with a 500).
 */
export const adminSearchText = (q: string | undefined, maxLength: number): string => (q ?? '').replaceAll('\u0000', '').trim().slice(0, maxLength);
