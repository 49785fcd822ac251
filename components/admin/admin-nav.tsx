/**
 * The admin area's sections, each shown only to the roles that may use it (every page checks again).
 * Folded behind one "Admin menu" control on a phone; a <details>, so it opens without JavaScript (app/admin/site-admin.css).
 */
import Link from 'next/link';
import type { UserRole } from '@/db/schema-values';
import { canModerate, canWritePosts, isAdmin } from '@/lib/roles';

const SECTIONS: { href: string; label: string; allowed: (role: UserRole) => boolean }[] = [
  { href: '/admin', label: 'Dashboard', allowed: () => true },
  { href: '/admin/posts', label: 'Posts', allowed: canWritePosts },
  { href: '/admin/media', label: 'Media', allowed: canWritePosts },
  { href: '/admin/comments', label: 'Comments', allowed: canModerate },
  { href: '/admin/pages', label: 'Pages', allowed: isAdmin },
  { href: '/admin/categories', label: 'Categories', allowed: isAdmin },
  { href: '/admin/tags', label: 'Tags', allowed: isAdmin },
  { href: '/admin/menu', label: 'Menu', allowed: isAdmin },
  { href: '/admin/subscribers', label: 'Subscribers', allowed: isAdmin },
  { href: '/admin/people', label: 'People', allowed: isAdmin },
  { href: '/admin/settings', label: 'Settings', allowed: isAdmin },
  { href: '/admin/redirects', label: 'Redirects', allowed: isAdmin },
  { href: '/admin/activity', label: 'Activity', allowed: isAdmin },
  { href: '/admin/stats', label: 'Stats', allowed: isAdmin },
  { href: '/admin/import', label: 'Import and export', allowed: isAdmin },
];

export function AdminNav({ role }: { role: UserRole }) {
  return (
    <nav aria-label="Site administration" className="admin-nav">
      <details>
        <summary>Admin menu</summary>
        <ul>
          {SECTIONS.filter((s) => s.allowed(role)).map((s) => (
            <li key={s.href}>
              <Link href={s.href}>{s.label}</Link>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
