/** The lists of /admin/people: staff, and anyone found by email or name. Rows carry email addresses: admins only. */
import 'server-only';
import { asc, ne, or } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { containsText } from '@/db/dialect';
import { users, type UserRole } from '@/db/schema';

/** A row of /admin/people. Carries the email address: admins only. */
export type PersonRow = { id: string; name: string | null; email: string; role: UserRole; joinedAt: Date };

const personColumns = { id: users.id, name: users.name, email: users.email, role: users.role, joinedAt: users.createdAt };

/** Everyone with more than the member role, by role then name. */
export async function listStaff(): Promise<PersonRow[]> {
  return getDb().select(personColumns).from(users).where(ne(users.role, 'member')).orderBy(asc(users.role), asc(users.name));
}

export const PEOPLE_SEARCH_LIMIT = 20;

/** Anyone whose email or display name contains the text. */
export async function searchPeople(text: string): Promise<PersonRow[]> {
  return getDb()
    .select(personColumns)
    .from(users)
    .where(or(containsText(users.email, text), containsText(users.name, text)))
    .orderBy(asc(users.name), asc(users.email))
    .limit(PEOPLE_SEARCH_LIMIT);
}
