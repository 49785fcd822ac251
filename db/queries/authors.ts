/** Public author pages (/author/<slug>): only what may be shown to anyone, never an email address. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { users } from '@/db/schema';

export type AuthorProfile = { id: string; slug: string; name: string; bio: string };

export async function getAuthorBySlug(slug: string): Promise<AuthorProfile | null> {
  const [row] = await getDb().select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio }).from(users).where(eq(users.slug, slug)).limit(1);
  if (!row || !row.slug) return null;
  return { id: row.id, slug: row.slug, name: row.name ?? 'Unnamed author', bio: row.bio ?? '' };
}
