/** Who may do what beyond reading and commenting. Every action and admin page checks these on the server. */
import type { UserRole } from '@/db/schema';

/** Admins run the site: settings, people, pages, every post, subscribers (their addresses are private to admins). */
export const isAdmin = (role: UserRole): boolean => role === 'admin';

/** Authors write posts (their own); admins edit anyone's. */
export const canWritePosts = (role: UserRole): boolean => role === 'author' || role === 'admin';

export const canEditPost = (user: { id: string; role: UserRole }, authorId: string): boolean =>
  isAdmin(user.role) || (user.role === 'author' && user.id === authorId);

/** Moderators and admins look after the comments. */
export const canModerate = (role: UserRole): boolean => role === 'moderator' || role === 'admin';

/** Anyone who sees the admin area at all. */
export const isStaff = (role: UserRole): boolean => role !== 'member';
