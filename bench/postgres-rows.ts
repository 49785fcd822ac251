/** How the report tells the two engines' rows apart: a PostgreSQL row is its SQLite twin's name with a suffix. */
const SUFFIX = ', PostgreSQL';

export const onPostgres = (name: string) => `${name}${SUFFIX}`;
export const isOnPostgres = (name: string) => name.endsWith(SUFFIX);
