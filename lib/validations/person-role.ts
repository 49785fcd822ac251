/** Changing someone's role at /admin/people, shared by the browser (zodResolver) and the server. */
import { z } from 'zod';
import type { UserRole } from '@/db/schema-values';

/** What each role may do, in the words shown next to the choice. */
export const ROLE_LABELS = {
  member: 'Member',
  author: 'Author',
  moderator: 'Moderator',
  admin: 'Admin',
} as const satisfies Record<UserRole, string>;

const roles = Object.keys(ROLE_LABELS) as [UserRole, ...UserRole[]];

export const personRoleSchema = z.object({
  userId: z.string().min(1, 'Choose a person.').max(100, 'Choose a person.'),
  role: z.enum(roles, { error: 'Choose a role from the list.' }),
});
export type PersonRoleInput = z.input<typeof personRoleSchema>;
export type PersonRoleValues = z.output<typeof personRoleSchema>;
