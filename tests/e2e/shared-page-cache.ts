/**
 * Anonymous readers share a finished page for up to a second (the server's PAGE_CACHE_MS, 1000 by
 * default): a change is public "at once" for everyone else after that, and a test that looks at the
 * public page as a stranger waits it out first.
 */
export const pastSharedPageCache = () => new Promise((resolve) => setTimeout(resolve, 1_100));
