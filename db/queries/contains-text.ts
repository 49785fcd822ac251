/** A LIKE condition for "contains this text", with the text's own %, _ and \ taken literally. */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export function containsText(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}
