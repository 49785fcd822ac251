/** Who may do what beyond reading and commenting. Every action and admin page checks these on the server. */
import type { UserRole } from '@/db/schema';

/** Admins run the site: settings, people, subscribers (their addresses are private to admins). */
export const isAdmin = (role: UserRole): boolean => role === 'admin';
