/** Who may do what beyond reading and commenting. Every action and admin page checks these on the server. */
import type { UserRole } from '@/db/schema-values';

/** Admins run the site: settings, people, pages, every post, subscribers (their addresses are private to admins). */
export const ADMINS: readonly UserRole[] = ['admin'];
export const isAdmin = (role: UserRole): boolean => ADMINS.includes(role);

/** Authors write posts (their own); admins edit anyone's. */
export const WRITERS: readonly UserRole[] = ['author', 'admin'];
export const canWritePosts = (role: UserRole): boolean => WRITERS.includes(role);

export const canEditPost = (user: { id: string; role: UserRole }, authorId: string): boolean => isAdmin(user.role) || (user.role === 'author' && user.id === authorId);

/** Moderators and admins look after the comments. */
export const MODERATORS: readonly UserRole[] = ['moderator', 'admin'];
export const canModerate = (role: UserRole): boolean => MODERATORS.includes(role);

/** Anyone who sees the admin area at all. */
export const STAFF: readonly UserRole[] = ['author', 'moderator', 'admin'];
export const isStaff = (role: UserRole): boolean => STAFF.includes(role);
